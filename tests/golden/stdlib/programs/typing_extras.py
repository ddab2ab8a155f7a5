# Smoke program for the parts of typing that need more of the object model: NamedTuple (assigns __bases__),
# TypedDict inheritance (type __annotations__), runtime-checkable protocols (inspect -> ast), TypeVarTuple
# substitution in types.GenericAlias, and tomllib (NamedTuple).
from typing import NamedTuple, TypedDict, Protocol, TypeVarTuple, runtime_checkable

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

Ts = TypeVarTuple("Ts")
show("substitution", lambda: tuple[*Ts][int, str])
class Named(NamedTuple):
    x: int
    y: str = "a"
show("namedtuple", lambda: (Named(1), Named(2, "b")._asdict(), Named._fields, Named.__annotations__))

class Movie(TypedDict, total=False):
    title: str
    year: int
class Movie2(Movie):
    rating: float
show("typeddict", lambda: (Movie(title="x"), Movie2.__required_keys__, Movie2.__optional_keys__,
                           Movie2.__annotations__))

@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self) -> None:
        pass
show("protocol", lambda: (isinstance(F(), Closable), isinstance(3, Closable), Closable.__protocol_attrs__ if hasattr(Closable, "__protocol_attrs__") else None))
show("protocol error", lambda: Closable())

import tomllib
doc = '''
title = "TOML"
[owner]
name = "Tom"
dob = 1979-05-27T07:32:00-08:00
[database]
ports = [ 8000, 8001, 8002 ]
data = [ ["delta", "phi"], [3.14] ]
enabled = true
temp = { cpu = 79.5, case = 72.0 }
[[products]]
name = "Hammer"
sku = 738594937
'''
show("tomllib", lambda: tomllib.loads(doc))
show("tomllib error", lambda: tomllib.loads("a = "))
