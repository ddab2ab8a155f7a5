import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, InitVar, KW_ONLY, FrozenInstanceError
@dataclass(order=True)
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list, compare=False, repr=True)
    def total(self, n): return self.price * n
a = Item("pen", 1.5); b = Item("pen", 2.0, ["x"])
print(a, a < b, a == Item("pen", 1.5, ["other"]), a.total(4), sorted([b, a])[0].price)
print(asdict(b), astuple(b), replace(a, price=9), [f.name for f in fields(Item)], Item.__match_args__)
@dataclass(frozen=True, slots=True)
class Pt:
    x: int
    y: int = 0
p = Pt(1)
try:
    p.x = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print(p, hash(p) == hash(Pt(1, 0)), Pt.__slots__, {p: 1}[Pt(1)])
@dataclass
class Scaled:
    raw: InitVar[int]
    _: KW_ONLY
    factor: int = 2
    value: int = field(init=False)
    def __post_init__(self, raw): self.value = raw * self.factor
print(Scaled(5), Scaled(5, factor=10).value, dataclasses.is_dataclass(Scaled), dataclasses.is_dataclass(1))
Dyn = dataclasses.make_dataclass("Dyn", [("a", int), ("b", str, field(default="z"))])
print(Dyn(1), Dyn.__annotations__)
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print(e)
try:
    Item()
except TypeError as e:
    print(e)
@dataclass
class Node:
    val: int
    children: list["Node"] = field(default_factory=list)
t = Node(1, [Node(2), Node(3, [Node(4)])])
print(t, asdict(t)["children"][1])
