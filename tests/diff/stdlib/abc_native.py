# abc.ABCMeta on the native _abc module: abstract-method sets, register (cycles, non-classes), isinstance/issubclass
# through the caches, __subclasshook__'s contract, __abc_tpflags__ (pattern matching on Sequence/Mapping
# subclasses and registered classes), get_cache_token, _get_dump, the registry and cache resets.
import abc, collections.abc as cabc, _abc
print(abc.ABCMeta.__module__, abc.ABCMeta.__qualname__)
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
print(sorted(A.__abstractmethods__))
try: A()
except TypeError as e: print(e)
class B(A):
    def f(self): return 1
print(sorted(B.__abstractmethods__))
class C(B):
    p = 3
print(C().f(), C.__abstractmethods__)
class R: pass
A.register(R)
print(issubclass(R, A), isinstance(R(), A), issubclass(int, A), isinstance(3, A))
try: A.register(3)
except TypeError as e: print(e)
try: issubclass(3, A)
except TypeError as e: print(e)
class S(cabc.Sequence):
    def __getitem__(self, i): raise IndexError(i)
    def __len__(self): return 0
print('__abc_tpflags__' in cabc.Sequence.__dict__, S.__flags__ & (1<<5) != 0)
match S():
    case [*x]: print("seq", x)
    case _: print("noseq")
class MyMap: pass
cabc.Mapping.register(MyMap)
match MyMap():
    case {}: print("map")
    case _: print("nomap")
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator), issubclass(dict, cabc.Hashable))
t1 = abc.get_cache_token(); cabc.Sized.register(R); print(abc.get_cache_token() - t1)
d = _abc._get_dump(A); print(len(d[0]), type(d[3]))
try: A.register(A) ; print("self ok")
except RuntimeError as e: print(e)
class D(R): pass
try: R.__bases__; print(issubclass(D, A))
except Exception as e: print(e)
try: cabc.Sized.register(object) if False else abc.ABC.register(type) ; print('ok')
except RuntimeError as e: print(e)
class Bad(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, o): return 1
try: issubclass(int, Bad)
except AssertionError as e: print(e)
import io; print(isinstance(io.StringIO(), io.TextIOBase), issubclass(io.FileIO, io.RawIOBase))
A._abc_registry_clear(); A._abc_caches_clear(); print(issubclass(R, A))
