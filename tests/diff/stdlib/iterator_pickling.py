# Pickling and copying the built-in iterators (__reduce__, __setstate__), descriptors and method-wrappers.
import pickle, copy

def mk():
    return [("list", iter([1, 2, 3])), ("tuple", iter((1, 2, 3))), ("str", iter("abc")), ("ustr", iter("a\U0001f600b\u20ac")),
            ("range", iter(range(5))), ("longrange", iter(range(2**64, 2**64 + 5))), ("bytes", iter(b"abc")),
            ("bytearray", iter(bytearray(b"abc"))), ("dictkeys", iter({1: 2, 3: 4})), ("dictvalues", iter({1: 2, 3: 4}.values())),
            ("dictitems", iter({1: 2, 3: 4}.items())), ("set", iter({1, 2, 3})), ("enumerate", enumerate("abc", 10)),
            ("enumbig", enumerate("ab", 2**70)), ("reversed", reversed([1, 2, 3])), ("revrange", reversed(range(4))),
            ("zip", zip("ab", "cd")), ("zipstrict", zip("ab", "cd", strict=True)), ("map", map(abs, [-1, -2])),
            ("filter", filter(None, [0, 1, 2])), ("callable", iter(iter([1, 2]).__next__, 2)),
            ("listrev", reversed([4, 5, 6])), ("dictrevkeys", reversed({1: 2, 3: 4})), ("dictrevitems", reversed({1: 2, 3: 4}.items())),
            ("revseq", reversed("xyz" * 1 and type("Q", (), {"__len__": lambda s: 3, "__getitem__": lambda s, i: "xyz"[i]})())),
            ("memoryview", iter(memoryview(b"ab")))]

for name, it in mk():
    try:
        next(it)
        r = it.__reduce__()
        print(name, getattr(r[0], '__name__', r[0]), len(r), r[2] if len(r) > 2 else '')
    except Exception as e:
        print(name, 'reduce', type(e).__name__, e)
    try:
        it2 = pickle.loads(pickle.dumps(it))
        print('  ', list(it2), list(it))
    except Exception as e:
        print('  ', 'pickle', type(e).__name__, e)

# Exhausted iterators reduce to iter over an empty sequence.
for name, it in mk():
    if name in ("revseq", "memoryview", "callable"):
        continue
    for _ in it:
        pass
    def shape(v):
        return tuple(shape(x) for x in v) if isinstance(v, tuple) else v if isinstance(v, (int, str, list, bytes)) else type(v).__name__
    try: print(name, 'exhausted', shape(it.__reduce__()[1:]))
    except Exception as e: print(name, 'exhausted', type(e).__name__, e)

# __setstate__ clips the position.
for make, states in [(lambda: iter([1, 2, 3]), [-5, -1, 0, 2, 99]), (lambda: iter((1, 2, 3)), [-5, 0, 2, 99]),
                     (lambda: iter("a\U0001f600bc"), [-1, 1, 2, 99]), (lambda: iter(b"abc"), [-1, 1, 99]),
                     (lambda: iter(bytearray(b"abc")), [-1, 2, 99]), (lambda: iter(range(10)), [-3, 4, 99]),
                     (lambda: iter(range(2**64, 2**64 + 10)), [-3, 4, 2**70]), (lambda: reversed([1, 2, 3]), [-5, -1, 0, 1, 99]),
                     (lambda: reversed(type("Q", (), {"__len__": lambda s: 3, "__getitem__": lambda s, i: "xyz"[i]})()), [-5, 1, 99])]:
    for st in states:
        it = make()
        it.__setstate__(st)
        print(type(it).__name__, st, list(it))
try: iter([1]).__setstate__("x")
except TypeError as e: print("TypeError", e)
z = zip("ab", "c")
z.__setstate__(True)
try: print(list(z))
except ValueError as e: print("ValueError", e)

# copy.copy and deepcopy go through __reduce_ex__.
it = iter([[1], [2], [3]]); next(it)
c, d = copy.copy(it), copy.deepcopy(it)
print(list(c), list(d), list(it))

# Descriptors and method-wrappers reduce to getattr(owner, name).
for o in [[].append, (1).__add__, iter([1]).__next__, len, dict.fromkeys, str.join, object.__init__, int.__add__,
          int.real, type.__dict__['__name__'], dict.__dict__['fromkeys']]:
    try:
        r = o.__reduce__()
        print(type(o).__name__, r if not isinstance(r, tuple) else (r[0].__name__, type(r[1][0]).__name__, r[1][1:]))
        print('  ', pickle.loads(pickle.dumps(o)) == o)
    except Exception as e: print(type(o).__name__, type(e).__name__, e)
