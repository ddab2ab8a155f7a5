# CPython side of the "ast" mode: what `print(ast.dump(ast.parse(data, path), include_attributes=True))` prints,
# or for a syntax error one line "Kind: msg (lineno, offset, end_lineno, end_offset)".
import ast

def dump(path, data):
    try:
        tree = ast.parse(data, path)
    except SyntaxError as e:
        return "error", "%s: %s (%s, %s, %s, %s)\n" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except (MemoryError, RecursionError, ValueError, UnicodeError) as e:
        return "error", "%s: %s\n" % (type(e).__name__, e)
    return "ok", ast.dump(tree, include_attributes=True) + "\n"
