# compile() of generated bad ASTs: every node class built empty, then each field set to a spread of wrong values.
# Prints each distinct outcome once (addresses hidden): obj2ast's and the validator's messages, in CPython's order.
import ast, re, warnings
warnings.simplefilter("ignore")
def pos(n):
    for a in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
        setattr(n, a, 1)
    return n
def wrap(node):
    if isinstance(node, ast.mod): return node
    if isinstance(node, ast.stmt): return ast.Module([node], [])
    if isinstance(node, ast.expr): return ast.Expression(node)
    return ast.Module([pos(ast.Expr(pos(ast.Name("x", ast.Load()))))], [])
classes = [c for c in vars(ast).values() if isinstance(c, type) and issubclass(c, ast.AST) and c.__module__ == "ast" and c not in (ast.AST,) and not c.__name__ in ("slice","Index","ExtSlice","Suite","Param","AugLoad","AugStore")]
values = [None, 1, "s", [], [None], [1], ast.Load(), pos(ast.Name("y", ast.Load())), pos(ast.Name("z", ast.Store())), pos(ast.Pass()), 2**40, (1,), b"b", pos(ast.Constant(1))]
out = []
# CPython 3.13.0 crashes on None inside these identifier lists.
SKIP = {('Global','names'),('Nonlocal','names'),('MatchClass','kwd_attrs')}
for c in classes:
    try:
        n = c()
    except Exception as e:
        out.append(f"{c.__name__}() {type(e).__name__}: {e}"); continue
    if isinstance(n, (ast.stmt, ast.expr, ast.pattern, ast.excepthandler, ast.type_param)): pos(n)
    for mode in ("exec", "eval"):
        try:
            compile(wrap(n), "<v>", mode); out.append(f"{c.__name__} {mode} ok")
        except Exception as e:
            out.append(f"{c.__name__} {mode} {type(e).__name__}: {e}")
    for f in c._fields:
        for v in values:
            if v == [None] and (c.__name__, f) in SKIP: continue
            m = c()
            if isinstance(m, (ast.stmt, ast.expr, ast.pattern, ast.excepthandler, ast.type_param)): pos(m)
            setattr(m, f, v)
            mode = "eval" if isinstance(m, ast.expr) else "exec"
            try:
                compile(wrap(m), "<v>", mode); out.append(f"{c.__name__}.{f}={v!r:.30} ok")
            except Exception as e:
                out.append(f"{c.__name__}.{f}={type(v).__name__} {type(e).__name__}: {e}")


seen = set()
for line in out:
    line = re.sub(r"0x[0-9a-f]+", "0x...", line)
    key = line.split(" ", 1)[-1]
    if key not in seen:
        seen.add(key)
        print(line)
# Deep trees both ways: ast.parse of long chains, and compile() of a 100000-level tree (RecursionError).
for src in ["-" * 2900 + "1", "(" * 190 + ")" * 190, "[" * 150 + "]" * 150, "x" + ".a" * 3000, "f()" + "()" * 2000]:
    t = ast.parse(src)
    print(sum(1 for _ in ast.walk(t)))
for depth in (500, 100000):
    e = ast.Constant(1, lineno=1, col_offset=0)
    for i in range(depth):
        e = ast.UnaryOp(ast.USub(), e, lineno=1, col_offset=0)
    try:
        print(eval(compile(ast.Expression(e), "<deep>", "eval")))
    except RecursionError as ex:
        print("RecursionError", ex)
    except Exception as ex:
        print(type(ex).__name__, ex)
