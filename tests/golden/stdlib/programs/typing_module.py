# Smoke program for typing over the native _typing module (TypeVar & co., Generic, PEP 695 syntax, aliases, hints).
import typing
from typing import (Any, Annotated, Callable, ClassVar, Concatenate, Final, Generic, Literal, NamedTuple, NewType,
                    Optional, ParamSpec, Protocol, Self, TypeAlias, TypedDict, TypeVar, TypeVarTuple, Union, Unpack,
                    cast, get_args, get_origin, get_type_hints, overload, runtime_checkable, NoDefault, TypeAliasType)
import collections.abc

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

T = TypeVar("T")
K = TypeVar("K", bound=collections.abc.Hashable)
S = TypeVar("S", str, bytes)
Co = TypeVar("Co", covariant=True)
D = TypeVar("D", default=int)
P = ParamSpec("P")
Ts = TypeVarTuple("Ts")
show("typevars", lambda: (T, K, S, Co, D, P, Ts))
show("attrs", lambda: (K.__bound__, S.__constraints__, Co.__covariant__, D.__default__, T.__default__ is NoDefault,
                       T.__module__, D.has_default(), T.has_default()))
show("paramspec", lambda: (P.args, P.kwargs, P.args.__origin__ is P, P.args == P.args))
show("unpack", lambda: (list(Ts), Unpack[Ts], tuple[*Ts]))
show("errors1", lambda: TypeVar("X", int))
show("errors2", lambda: TypeVar("X", covariant=True, contravariant=True))
show("errors3", lambda: type("Sub", (T,), {}))
show("union", lambda: (T | int, Optional[T], Union[int, str, None], int | str | None))

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item

class Pair(Box[tuple[K, T]], Generic[K, T]):
    pass

show("generic", lambda: (Box[int], Box.__parameters__, Pair.__parameters__, Pair[str, int], Box(3).get(),
                         Box[int](4).item, Box.__orig_bases__, Pair.__mro__))
show("generic errors", lambda: Generic[int])
show("generic errors2", lambda: Box[int, str])

class Stack[U]:
    def __init__(self) -> None:
        self.items: list[U] = []
    def push(self, x: U) -> Self:
        self.items.append(x)
        return self
    def first[V](self, default: V) -> U | V:
        return self.items[0] if self.items else default

show("pep695 class", lambda: (Stack.__type_params__, Stack.__type_params__[0].__infer_variance__,
                              Stack.__orig_bases__, Stack[int], Stack().push(1).push(2).items,
                              Stack.first.__type_params__, Stack().first("d")))

def ident[X: (int, str), *Rest, **Q](x: X) -> X:
    return x
show("pep695 func", lambda: (ident.__type_params__, ident.__type_params__[0].__constraints__, ident(5)))

def bounded[B: int = bool](x: B) -> B:
    return x
show("pep696 defaults", lambda: (bounded.__type_params__[0].__bound__, bounded.__type_params__[0].__default__))

type IntList = list[int]
type Mapping2[KK, VV] = dict[KK, list[VV]]
show("type alias", lambda: (IntList, IntList.__value__, type(IntList), Mapping2[str, int], Mapping2.__parameters__,
                            Mapping2.__type_params__, IntList | None, IntList.__module__))
show("type alias errors", lambda: IntList[int])
Manual = TypeAliasType("Manual", list[T], type_params=(T,))
show("TypeAliasType", lambda: (Manual, Manual[int], Manual.__value__, Manual.__name__, Manual.__reduce__()))

class G:
    a: int
    b: "list[str]"
    c: ClassVar[int] = 3
    d: Final = 4
    e: Annotated[int, "meta"]
show("hints", lambda: get_type_hints(G))
show("hints extras", lambda: get_type_hints(G, include_extras=True)["e"])

@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x
show("overload", lambda: (f(1), len(typing.get_overloads(f))))
show("origin args", lambda: (get_origin(list[int]), get_args(dict[str, int]), get_origin(Annotated[int, 1]),
                             get_args(Callable[[int], str]), get_args(Literal[1, 2]), get_origin(P.args)))
show("callable", lambda: (Callable[P, int], Callable[Concatenate[int, P], int], Callable[..., T][int]))
UserId = NewType("UserId", int)
show("newtype", lambda: (UserId, UserId(5), UserId.__supertype__))
show("cast any", lambda: (cast(int, "x"), Any, Literal["a"], TypeAlias))
show("repr", lambda: (typing.List[int], typing.Dict[str, T], typing.Tuple[int, ...], typing.Type[int]))
show("substitution", lambda: (typing.Dict[str, T][int], Callable[P, T][[int, str], bytes]))

