# Lists that cannot be allocated raise MemoryError and the program goes on (Typhon: V8 would abort the process on
# the growth; src/objects/listobject.ts's PY_LIST_MAX_ITEMS).
import sys
lst = [0] * 65
del lst[1:]
print(len(lst))
for f in (lambda: lst * sys.maxsize, lambda: [1, 2] * (sys.maxsize // 2), lambda: lst * (sys.maxsize // 3)):
    try: f(); print('no error')
    except (MemoryError, OverflowError) as e: print(type(e).__name__)
l2 = [0, 1]
try:
    l2 *= sys.maxsize
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, l2)
print([0] * 5, lst)
