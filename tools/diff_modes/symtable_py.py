# The CPython side of the "symtable_py" mode, which Typhon runs too (tools/diff_modes/python_runner.ts): the symtable dump
# of tools/pyside/dump.py through the stdlib's own `symtable` module.
import importlib.util, os

_spec = importlib.util.spec_from_file_location("pyside_dump", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pyside", "dump.py"))
_dumps = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_dumps)

def dump(path, data):
    return "ok", _dumps.dump_symtable(path, data)
