# Parameter substitution in types.GenericAlias and types.UnionType (_Py_make_parameters, _Py_subs_parameters):
# TypeVarTuple and unpacked tuples, __typing_prepare_subst__ (TypeVarTuple's share, defaults), the error messages.
from typing import TypeVar, TypeVarTuple, ParamSpec, Unpack, Generic, Tuple
import collections.abc as cabc

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

T = TypeVar("T"); S = TypeVar("S"); Ts = TypeVarTuple("Ts"); Ts2 = TypeVarTuple("Ts2"); P = ParamSpec("P")
D = TypeVar("D", default=int)
cases = {
    "tuple[*Ts]": lambda: tuple[*Ts],
    "params": lambda: tuple[*Ts].__parameters__,
    "tuple[*Ts][int, str]": lambda: tuple[*Ts][int, str],
    "tuple[T, *Ts][int, str, float]": lambda: tuple[T, *Ts][int, str, float],
    "tuple[T, *Ts][int]": lambda: tuple[T, *Ts][int],
    "tuple[*Ts, T][int]": lambda: tuple[*Ts, T][int],
    "tuple[T, *Ts][()]": lambda: tuple[T, *Ts][()],
    "tuple[*Ts][()]": lambda: tuple[*Ts][()],
    "list[tuple[*Ts]][int, str]": lambda: list[tuple[*Ts]][int, str],
    "Unpack": lambda: tuple[Unpack[Ts]][int, str],
    "typing.Tuple": lambda: Tuple[*Ts][int, str],
    "*tuple[int, ...]": lambda: tuple[*Ts][*tuple[int, ...]],
    "T, *Ts <- *tuple[int, ...]": lambda: tuple[T, *Ts][*tuple[int, ...]],
    "int, *Ts <- str, *tuple[int, ...]": lambda: tuple[int, *Ts][str, *tuple[int, ...]],
    "tuple[int, ...] as one": lambda: tuple[*Ts][tuple[int, ...]],
    "tuple[*Ts, T][()]": lambda: tuple[*Ts, T][()],
    "list[*Ts][int, str]": lambda: list[*Ts][int, str],
    "args": lambda: tuple[*Ts].__args__,
    "*Ts <- *Ts": lambda: tuple[*Ts][*Ts],
    "T, *Ts <- *Ts": lambda: tuple[T, *Ts][*Ts],
    "list[[T]] params": lambda: list[[T]].__parameters__,
    "list[[T]][int]": lambda: list[[T]][int],
    "list[(T, S)] params": lambda: list[(T, S)].__parameters__,
    "dict[T, list[S]]": lambda: dict[T, list[S]][str, int],
    "Callable[[T], S]": lambda: cabc.Callable[[T], S][int, str],
    "Callable[P, T]": lambda: cabc.Callable[P, T][[int, str], bool],
    "Callable[P, T] ...": lambda: cabc.Callable[P, T][..., bool],
    "Callable[[*Ts], T]": lambda: cabc.Callable[[*Ts], T][int, str, bool],
    "dict[T, tuple[*Ts]]": lambda: dict[T, tuple[*Ts]][int, str, bytes],
    "dict[T, tuple[*Ts]] params": lambda: dict[T, tuple[*Ts]].__parameters__,
    "T, *Ts, S <- 2": lambda: tuple[T, *Ts, S][int, str],
    "T, *Ts, S <- 4": lambda: tuple[T, *Ts, S][int, str, bytes, float],
    "T, *Ts, S <- 1": lambda: tuple[T, *Ts, S][int],
    "list[T] <- 2": lambda: list[T][int, str],
    "list[T] <- ()": lambda: list[T][()],
    "two TypeVarTuples": lambda: tuple[*Ts, *Ts],
    "*Ts <- *Ts2": lambda: tuple[*Ts][*Ts2],
    "T, *Ts <- int, *Ts2": lambda: tuple[T, *Ts][int, *Ts2],
    "*Ts, *Ts2 params": lambda: tuple[*Ts, *Ts2].__parameters__,
    "*Ts, *Ts2 <- int": lambda: tuple[*Ts, *Ts2][int],
    "list[T] <- *tuple[int, str]": lambda: list[T][*tuple[int, str]],
    "list[T] <- *tuple[int]": lambda: list[T][*tuple[int]],
    "dict[T, S] <- *tuple[int, str]": lambda: dict[T, S][*tuple[int, str]],
    "*Ts <- 1": lambda: tuple[*Ts][1],
    "T <- 1": lambda: list[T][1],
    "twice": lambda: tuple[T, *Ts][int, str][()],
    "type": lambda: type(tuple[T, *Ts][int]),
    "list[int][int]": lambda: list[int][int],
    "default": lambda: dict[T, D][str],
    "default given": lambda: dict[T, D][str, bytes],
    "union": lambda: (int | list[T])[str],
    "union params": lambda: (int | list[T]).__parameters__,
    "union not generic": lambda: (int | str)[int],
    "union of aliases": lambda: (list[T] | dict[T, int])[str],
    "union to one": lambda: (list[T] | list[S])[int, int],
    "union too many": lambda: (list[T] | int)[int, str],
    "union tuple[*Ts]": lambda: (tuple[*Ts] | None)[int, str],
    "typing union": lambda: (T | None)[int],
}
for label, f in cases.items():
    show(label, f)

class G(Generic[T, *Ts]): pass
show("Generic[T, *Ts]", lambda: G[int, str, bytes].__args__)
show("list[G[T, *Ts]]", lambda: list[G[T, *Ts]][int, str])
show("list[G] params", lambda: list[G].__parameters__)
show("list[G][int]", lambda: list[G][int])
u = Unpack[Ts]
show("Unpack[Ts]", lambda: (type(u).__name__, u.__parameters__, hasattr(u, "__typing_subst__"), u.__typing_is_unpacked_typevartuple__))
show("Unpack[Ts][int, str]", lambda: u[int, str])
