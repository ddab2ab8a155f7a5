# CPython side of the "ast_type_comments" mode: the "ast" mode with ast.parse(..., type_comments=True).
import ast

def dump(path, data):
    try:
        tree = ast.parse(data, path, type_comments=True)
    except SyntaxError as e:
        return "error", "%s: %s (%s, %s, %s, %s)\n" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except (MemoryError, RecursionError, ValueError, UnicodeError) as e:
        return "error", "%s: %s\n" % (type(e).__name__, e)
    return "ok", ast.dump(tree, include_attributes=True) + "\n"
