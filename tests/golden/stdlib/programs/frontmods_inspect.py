# inspect on Typhon's front-end modules: getsource/getsourcelines/getcomments (tokenize), signature, dataclasses
# (which imports inspect and ast), pprint of dataclasses, and ast round trips of this very file.
import ast, inspect, dataclasses, pprint, symtable, tokenize, io, textwrap

# A comment above f.
def f(a, b: int = 2, *args, c, d="x", **kw) -> str:
    """Doc of f."""
    return f"{a}{b}"

class K:
    """Doc of K."""
    def m(self, x, /, y=None):
        return x

    @property
    def p(self):
        return 1

@dataclasses.dataclass(order=True, frozen=True)
class Point:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list, compare=False)

print(inspect.getsource(f))
print(inspect.getsourcelines(K.m)[1], inspect.getcomments(f), inspect.getdoc(K))
print(inspect.signature(f), inspect.signature(K.m), inspect.signature(Point))
print(list(inspect.signature(f).parameters.items())[2])
p = Point(1, 2, ["a"])
print(p, p < Point(2), dataclasses.asdict(p), dataclasses.fields(Point)[2].compare, hash(p) == hash(Point(1, 2)))
try:
    p.x = 3
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(dataclasses.replace(p, y=5), dataclasses.astuple(p), inspect.isdataclass if hasattr(inspect, "isdataclass") else "")
pprint.pprint({"points": [Point(i, i * i) for i in range(3)], "nested": {"k": list(range(12))}}, width=40)
src = inspect.getsource(K)
tree = ast.parse(textwrap.dedent(src))
print(ast.unparse(tree))
print([type(n).__name__ for n in ast.walk(tree)][:12])
class Rename(ast.NodeTransformer):
    def visit_Name(self, node):
        return ast.copy_location(ast.Name(node.id.upper() if node.id == "x" else node.id, node.ctx), node)
t2 = ast.fix_missing_locations(Rename().visit(ast.parse("x = 2\ny = x * 21")))
ns = {}
exec(compile(t2, "<renamed>", "exec"), ns)
print(ns["X"], ns["y"], ast.unparse(t2))
print(ast.literal_eval("(1, -2.5, 'a', b'b', {1: [True, None]}, {3}, 1+2j)"))
for bad in ["f(x)", "x + y", "{**a}"]:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print("ValueError", str(e).split(" at 0x")[0])
print(inspect.getsource(inspect.getmodule(f)).count("\n") > 40, inspect.getfile(f).endswith("frontmods_inspect.py"))
