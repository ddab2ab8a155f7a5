import os, sys as s
from . import x
from ..a.b import (c as d, e,)
@dec
def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:
    """doc"""
    global g
    x = y = 1, 2
    x += 1
    a[1:2, ::3] = b.c
    return [i for i in range(3) if i]
class C(B, metaclass=M):
    async def g(self):
        async with a as b, c:
            await x
        async for i in y: pass
match p:
    case [1, *rest] | {"k": v, **kw} if v: pass
    case Point(x=0, y=_) as q: pass
    case -1+2j | None | a.b: pass
type T[X: int, *Ts, **P] = list[X]
try:
    pass
except* E as e:
    pass
f"a{b!r:>{w}} {{ {x=} é"
s = 'é' "b" u"c"
lambda x, *y, z=1: (x := 3)
del a[0], b.c
print(1e16, 0x10, 1_000, 2j, ..., -0.0, 1.5e-7, b"\x00'")
