from dataclasses import dataclass, field
from enum import Enum, auto
@dataclass(order=True)
class Item:
    name: str
    qty: int = 0
    tags: list = field(default_factory=list)
class Color(Enum):
    RED = auto()
    GREEN = auto()
print(Item("a", 2), Item("a") < Item("b"), Color.RED, Color(2), list(Color), Color.GREEN.name)
