# CPython side of the "symtable" mode: tools/symtable_dump.py's dump of CPython's own symbol table.
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import symtable_dump

def dump(path, data):
    try:
        return "ok", symtable_dump.dump_source(data, path)
    except SyntaxError as e:
        return "error", f"SyntaxError: {e.msg} ({e.lineno}, {e.offset})\n"
    except (ValueError, RecursionError, MemoryError) as e:
        return "error", f"{type(e).__name__}: {e}\n"
