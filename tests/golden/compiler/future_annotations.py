from __future__ import annotations

def f(a: int, b: list[str] = [], *args: tuple[int, ...], c: dict[str, "X"] | None = None, **kw: object) -> A.B[C]:
    x: int = 1
    return x

class P:
    attr: ClassVar[int] = 0
    other: "Q"
    def m(self) -> P: ...
