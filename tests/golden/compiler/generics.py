type Alias = list[int]
type Pair[T] = tuple[T, T]

def first[T](xs: list[T]) -> T:
    return xs[0]

class Box[T, *Ts, **P]:
    def get(self) -> T: ...

def bounded[T: int, U: (str, bytes) = str](a: T, b: U) -> None: ...
