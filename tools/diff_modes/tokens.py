# CPython side of the "tokens" mode: exactly what `python3.13 -m tokenize -e PATH` prints (Lib/tokenize.py main()),
# its stdout on success, or its stderr line on failure.
import tokenize
from token import tok_name

def dump(path, data):
    try:
        with open(path, "rb") as f:
            tokens = list(tokenize.tokenize(f.readline))
        lines = []
        for token in tokens:
            token_range = "%d,%d-%d,%d:" % (token.start + token.end)
            lines.append("%-20s%-15s%-15r\n" % (token_range, tok_name[token.exact_type], token.string))
        return "ok", "".join(lines)
    except IndentationError as err:
        line, column = err.args[1][1:3]
        return "error", "%s:%d:%d: error: %s\n" % (path, line, column, err.args[0])
    except tokenize.TokenError as err:
        line, column = err.args[1]
        return "error", "%s:%d:%d: error: %s\n" % (path, line, column, err.args[0])
    except SyntaxError as err:
        return "error", "%s: error: %s\n" % (path, err)
    except OSError as err:
        return "error", "error: %s\n" % err
