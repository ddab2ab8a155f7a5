# _ast objects and compile(): obj2ast and validator messages, 3.13's constructor defaults and warnings, __reduce__,
# PyCF_OPTIMIZED_AST, _field_types; tokenize's TokenInfo lines and symtable entries.
import ast, warnings, tokenize, io, symtable
warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as w:
    n = ast.Name()
    ast.FunctionDef(foo=1)
    print([str(x.message) for x in w])
print(n.__dict__.keys(), ast.Name("x").__reduce__()[:2], ast.arguments().vararg, ast.arguments().args, ast.Load() is ast.Load())
print(ast.If._field_types, ast.arg._attributes, ast.expr.end_lineno, ast.Constant.__match_args__, ast.alias.__doc__)
for args in [("x",), ("x", ast.Load(), 1)]:
    try:
        ast.Name(*args, id="y") if len(args) == 1 else ast.Name(*args)
    except TypeError as e:
        print("TypeError:", e)
bad = [
    ast.Module([ast.Expr(ast.Name("x", ast.Store()))], []),
    ast.Module([ast.Expr(ast.Constant([1]))], []),
    ast.Module([ast.Expr(ast.BoolOp(ast.And(), [ast.Constant(1)]))], []),
    ast.Module([ast.FunctionDef("f", ast.arguments(), [], [])], []),
    ast.Module([ast.Expr(ast.Name("None", ast.Load()))], []),
    ast.Module([ast.Assign([ast.Constant(1)], ast.Constant(1))], []),
    ast.Module([ast.Expr(42)], []),
    ast.Module([ast.Pass()], []),
    ast.Module([ast.Expr(ast.Compare(ast.Constant(1), [ast.Lt()], []))], []),
    ast.Module(ast.Pass(), []),
    ast.Expression(ast.Constant(1)),
]
for tree in bad:
    try:
        compile(ast.fix_missing_locations(tree) if tree.__class__ is ast.Module and isinstance(tree.body, list) and tree.body and not isinstance(tree.body[0], ast.Pass) else tree, "<bad>", "exec")
        print("compiled")
    except (TypeError, ValueError, SyntaxError) as e:
        print(type(e).__name__ + ":", e)
t = ast.parse("x = 1 + 2 * 3\nif __debug__: y = (1, 2)[0]", optimize=1)
print(ast.dump(t))
t2 = ast.parse("f(a, *b, k=c)")
print(ast.dump(t2, include_attributes=True), t2.body[0].value.__reduce__()[1], ast.AST().__reduce__()[1:])
code = compile(ast.parse("def g(a): return a * 2\nr = g(21)"), "<ast>", "exec"); ns = {}; exec(code, ns); print(ns["r"])
for mode, flags in [("exec", 0x12345678), ("func_type", 0), ("bogus", ast.PyCF_ONLY_AST)]:
    try:
        compile("x", "<s>", mode, flags)
    except ValueError as e:
        print("ValueError:", e)
print(ast.dump(ast.parse("(int, str) -> None", mode="func_type")), ast.PyCF_OPTIMIZED_AST, ast.PyCF_TYPE_COMMENTS)
src = 'def f(a):\n    s = """x\ny"""  # c\n    return a\n'
for tok in tokenize.generate_tokens(io.StringIO(src).readline):
    print(tok)
st = symtable.symtable(src, "s.py", "exec")
print(st.get_type(), [c.get_name() for c in st.get_children()], st.lookup("f").is_namespace(), st.get_children()[0].get_locals())
src = '''
def f(a,  # type: int
      b):
    # type: (...) -> None
    x = []  # type: List[int]
    for i in x:  # type: int
        pass
import os  # type: ignore[attr]
'''
print(ast.dump(ast.parse(src, type_comments=True), include_attributes=True))
print(ast.dump(ast.parse("(int, *str) -> List[int]", mode="func_type")))
print(ast.dump(ast.parse("x = 1 if 0 else 2; y = 'a' 'b'; z = -(3)", optimize=2)))
print(ast.dump(ast.parse("await x", flags=0) if False else ast.parse("async def f(): await x")))
print(compile("1+1", "<s>", "eval", ast.PyCF_ONLY_AST | ast.PyCF_OPTIMIZED_AST, optimize=1).body.value)
