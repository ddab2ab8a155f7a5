def first[T](xs: list[T]) -> T:
    return xs[0]

print(first([4, 5]))
print(first.__type_params__)
T, = first.__type_params__
print(type(T).__name__, T.__name__)

class Box[U, *Ts, **P]:
    def get(self) -> U:
        return None

print(Box.__type_params__)
print([type(p).__name__ for p in Box.__type_params__])

type Pair[K] = tuple[K, K]
print(Pair.__name__, Pair.__type_params__, Pair.__value__)
type Alias = int | str
print(Alias.__value__)

def bounded[N: (int, float), M: str = 1]():
    pass
print(bounded.__type_params__[0].__constraints__)
