# Pickling and copying the objects of the native modules of issue #5 (partial, the operator getters, TypeVar,
# NoDefault; contexts and context variables refuse).
import pickle, functools, operator, typing, contextvars, copy
from functools import partial
p = partial(max, 1, key=abs)
for o in [p, operator.itemgetter(1, 2), operator.attrgetter('a.b'), operator.methodcaller('f', 1, k=2), operator.methodcaller('g'),
          typing.AnyStr, typing.TypeVar, typing.NoDefault, functools.lru_cache(maxsize=2)(abs) if False else None]:
    try:
        r = pickle.loads(pickle.dumps(o))
        print(type(o).__name__, repr(r) == repr(o) or (r is o))
    except Exception as e:
        print(type(o).__name__, type(e).__name__, e)
print(copy.copy(p), copy.deepcopy(p))
T = typing.TypeVar('T')
print(copy.copy(T) is T, copy.deepcopy(T) is T)
try: copy.copy(contextvars.copy_context())
except Exception as e: print(type(e).__name__, e)
try: pickle.dumps(contextvars.ContextVar('x'))
except Exception as e: print(type(e).__name__, e)
