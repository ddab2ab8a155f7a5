# Special attributes of a class (__name__, __qualname__, __module__, __doc__, __bases__, __type_params__) may be set,
# never deleted (check_set_special_type_attr), and setting one is the object.__setattr__ audit event;
# __annotations__ may be deleted.
import sys
log = []
sys.addaudithook(lambda e, a: log.append((e, a[1:])) if e.startswith("object.") else None)
class B: pass
class B2(B): pass
class C(B): pass
C.__name__ = "D"; C.__qualname__ = "Q"; C.__module__ = "m"; C.__doc__ = "d"; C.__bases__ = (B2,)
C.__type_params__ = (); C.__annotations__ = {}
for n in ("__doc__", "__module__", "__type_params__", "__annotations__", "__name__", "__qualname__", "__bases__"):
    try:
        delattr(C, n)
        print("deleted", n)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    int.__name__ = "x"
except TypeError as e:
    print(e)
for e in log:
    print(e[0], e[1][0], type(e[1][1]).__name__ if len(e[1]) > 1 else "")
