# "type object %s has no attribute" names the type by tp_name: dotted for native types, short for classes.
import datetime, collections, itertools, zoneinfo
for t in [datetime.date, collections.deque, itertools.chain, zoneinfo.ZoneInfo, int]:
    try: t.nope
    except AttributeError as e: print(e)
try: zoneinfo.ZoneInfo.fromutc(1, 2)
except TypeError as e: print(e)
try: collections.deque.append(1, 2)
except TypeError as e: print(e)
class A:
    class B: pass
for t in [A, A.B, type(A), type("X.Y", (), {}), TypeError]:
    try: t.nope
    except AttributeError as e: print(e)
