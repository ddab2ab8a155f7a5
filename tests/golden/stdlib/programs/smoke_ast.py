import ast
src = '''
def greet(name: str = "world") -> str:
    """Say hi."""
    return f"hello {name}!" if name else None
x = [i ** 2 for i in range(10) if i % 2]
'''
tree = ast.parse(src)
print(ast.dump(tree, indent=2, include_attributes=False)[:900])
print(ast.dump(ast.parse("a.b[c] = d or e", mode="exec").body[0]))
print(ast.unparse(tree), ast.get_docstring(tree.body[0]), [type(n).__name__ for n in ast.walk(tree)][:8])
print(ast.literal_eval("{'a': [1, 2.5, (3, None)], 'b': {True, -4j}}"), ast.literal_eval("-(1)") if False else ast.literal_eval("1 + 2j"))
class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.copy_location(ast.Constant(node.value * 2), node) if isinstance(node.value, int) else node
t2 = ast.fix_missing_locations(Double().visit(ast.parse("print(1 + 20)"))); exec(compile(t2, "<ast>", "exec"))
class Names(ast.NodeVisitor):
    def __init__(self): self.names = []
    def visit_Name(self, node): self.names.append(node.id); self.generic_visit(node)
v = Names(); v.visit(tree); print(v.names)
e = ast.parse("x + 1", mode="eval"); print(ast.dump(e), eval(compile(e, "<e>", "eval"), {"x": 41}))
n = tree.body[0]; print(n.lineno, n.col_offset, n.end_lineno, n.end_col_offset, ast.get_source_segment(src, n.body[1]))
ast.increment_lineno(tree, 10); print(tree.body[1].lineno, isinstance(tree.body[1], ast.stmt), ast.Constant(5).value, ast.BinOp._fields)
print(ast.dump(ast.parse("match p:\n case [1, *r]: pass\n case {'k': v}: pass").body[0].cases[1].pattern))
print(ast.dump(ast.parse("type T[X] = list[X]").body[0]))
print(ast.dump(ast.parse("(a := 1)", optimize=1) if False else ast.parse("f(*a, k=1)")), ast.unparse(ast.parse("(a, b) = c; lambda x=1, *y: x")))
for bad in ["x = = 1", "def f(:", "1 +"]:
    try:
        ast.parse(bad)
    except SyntaxError as err:
        print(err.msg, err.lineno, err.offset)
try:
    ast.literal_eval("__import__('os')")
except ValueError as err:
    print(str(err).split(" object at")[0])
