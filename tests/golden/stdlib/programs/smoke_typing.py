import typing
from typing import TypeVar, Generic, Protocol, runtime_checkable, get_type_hints, get_origin, get_args, NamedTuple, TypedDict, Optional, Union, Literal, Annotated, Callable, Any, ClassVar, Final, cast, overload, ParamSpec, Self, Never, NotRequired, TypeGuard
T = TypeVar("T"); K = TypeVar("K", bound=str); P = ParamSpec("P")
class Box(Generic[T]):
    def __init__(self, item: T) -> None: self.item = item
    def get(self) -> T: return self.item
print(Box[int], Box[int](3).get(), Box.__parameters__, T, K.__bound__, P, P.args)
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable))
def f(a: int, b: "list[str]" = None, *, c: Optional[int] = None) -> dict[str, int]: ...
print(get_type_hints(f))
print(get_origin(list[int]), get_args(dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]), get_args(Callable[[int], str]))
print(Optional[int], Union[int, str, None], Literal["a", 1], Annotated[int, "meta"], Callable[..., int], list[T][int], int | None)
class Emp(NamedTuple):
    name: str
    id: int = 3
print(Emp("x"), Emp._fields, Emp.__annotations__)
class Movie(TypedDict, total=False):
    title: str
    year: NotRequired[int]
print(Movie(title="x"), Movie.__required_keys__, sorted(Movie.__optional_keys__), Movie.__total__)
print(cast(int, "s"), typing.get_origin(ClassVar[int]), Final[int], Any, Never, Self)
@overload
def h(x: int) -> int: ...
@overload
def h(x: str) -> str: ...
def h(x): return x
print(h(1), len(typing.get_overloads(h)))
type Pair[A] = tuple[A, A]
print(Pair, Pair.__value__, Pair[int], Pair.__type_params__)
def first[X](xs: list[X]) -> X: return xs[0]
print(first([5]), first.__type_params__)
print(typing.TYPE_CHECKING, typing.reveal_type(3) if False else None, typing.assert_type(3, int))
try:
    Box[int, str]
except TypeError as e:
    print(e)
try:
    isinstance(1, list[int])
except TypeError as e:
    print(e)
