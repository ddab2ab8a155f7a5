# CPython side of the "ast_opt" mode: the AST that compile() hands to the symbol table at optimize level 0
# (PyCF_OPTIMIZED_AST), as ast.dump(..., include_attributes=True) with constants printed canonically (frozensets sorted).
import ast
import importlib.util
import os

_spec = importlib.util.spec_from_file_location("typhon_code_mode", os.path.join(os.path.dirname(__file__), "code.py"))
_code = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_code)
const_repr = _code.const_repr


class _Repr:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return const_repr(self.v)


def dump(path, data):
    try:
        tree = compile(data, path, "exec", flags=ast.PyCF_OPTIMIZED_AST, dont_inherit=True, optimize=0)
    except (SyntaxError, ValueError) as e:
        return "error", "%s: %s\n" % (type(e).__name__, e)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            node.value = _Repr(node.value)
    return "ok", ast.dump(tree, include_attributes=True) + "\n"
