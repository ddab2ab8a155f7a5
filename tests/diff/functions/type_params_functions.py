def ident[T](x: T) -> T:
    return x
print(ident.__type_params__, ident(3))
class Stack[T]:
    def __init__(self):
        self.items: list[T] = []
    def push[S](self, x: S) -> None:
        self.items.append(x)
print(Stack.__type_params__, Stack.push.__type_params__, Stack[int], Stack.__parameters__ if hasattr(Stack, "__parameters__") else "")
T = ident.__type_params__[0]
print(T.__bound__, T.__constraints__, T.__covariant__, T.__infer_variance__, repr(T))
def bounded[B: int](x: B) -> B:
    return x
print(bounded.__type_params__[0].__bound__)
