"""Captures CPython 3.13's results for set/frozenset, complex, bytes/bytearray, memoryview, SimpleNamespace, weakref
and structseq operations as golden data for tests/unit/objects/typesA.test.ts. Each group is a small Python
program; the same harness runs under Typhon (PYTHONHASHSEED=0, so set orders of str are fixed) and every result
line must match. Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_typesA.py  (writes tests/golden/objects/typesA.json.gz)
"""
import sys, os, json, gzip, random, subprocess

assert sys.version_info[:2] == (3, 13)
if os.environ.get("PYTHONHASHSEED") != "0":
    env = dict(os.environ, PYTHONHASHSEED="0")
    sys.exit(subprocess.call([sys.executable] + sys.argv, env=env))

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "tests", "golden", "objects", "typesA.json.gz")

# One result line per case: the repr of the value or '!' + exception type + repr of its message.
HARNESS = '''\
def _fmt(f):
    try:
        return repr(f())
    except Exception as e:
        return '!' + type(e).__name__ + ': ' + repr(str(e))
R = []
'''

GROUPS = []


def grid(name, a, b, expr, pre=""):
    GROUPS.append({"name": name, "src": f"{pre}A = {a}\nB = {b}\nfor a in A:\n    for b in B:\n        R.append(_fmt(lambda: {expr}))\n"})


def each(name, a, expr, pre=""):
    GROUPS.append({"name": name, "src": f"{pre}A = {a}\nfor a in A:\n    R.append(_fmt(lambda: {expr}))\n"})


def exprs(name, items, pre=""):
    body = pre + "".join(f"R.append(_fmt(lambda: {e}))\n" for e in items)
    GROUPS.append({"name": name, "src": body})


def script(name, src):
    """A free-form program that appends its own result lines to R."""
    GROUPS.append({"name": name, "src": src})


rnd = random.Random(20261122)

# ---------------------------------------------------------------- complex
CPLX = ("[0j, 1j, -1j, 1+2j, -1.5-2.25j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), 1e300+1e-300j, "
        "complex(float('inf'), 1), complex(1, float('nan')), complex(float('-inf'), float('inf')), 3+0j, 0.1+0.2j, "
        "1e16j, 123456789.125-1e-5j, complex(2**53, 1), 1e-320j]")
each("complex_repr", CPLX, "(repr(a), str(a), a.real, a.imag, a.conjugate(), bool(a), -a, +a, hash(a) if a == a else 0)")
each("complex_abs", CPLX, "abs(a)")
OPERANDS = "[0, 1, -3, 2.5, -0.0, 1j, 2-3j, -1.5+0.5j, 1e308+1e308j, 1e-310+1e-310j, complex(0, -0.0), True, 10**20]"
grid("complex_add", OPERANDS, OPERANDS, "(a + b, a - b) if isinstance(a, complex) or isinstance(b, complex) else 0")
grid("complex_mul", OPERANDS, OPERANDS, "a * b if isinstance(a, complex) or isinstance(b, complex) else 0")
grid("complex_div", OPERANDS, OPERANDS, "a / b if isinstance(a, complex) or isinstance(b, complex) else 0")
grid("complex_pow", "[0j, 1j, 2+3j, -1-1j, 0.5j, 1e10+1e10j, 1e-200j, -2+0j]",
     "[0, 1, 2, 3, -1, -2, 0.5, -0.5, 1j, 2+1j, 100, 101, -100, 0j, 1.5]", "a ** b")
grid("complex_pow_real", "[-8.0, -1.0, -0.5, 2, -2]", "[0.5, 1/3, -0.5, 2j]", "a ** b")
grid("complex_cmp", "[1j, 1+0j, 2.5+0j, complex(float('nan'), 0)]", "[1, 1.0, 1j, 2.5, 1+0j, 'x', None, 10**30]",
     "(a == b, a != b, b == a)")
grid("complex_cmp_err", "[1j]", "[1j, 1, 1.5]", "(a < b)")
grid("complex_unsupported", "[1j]", "['//', '%', 'divmod', 'round', 'int', 'float', 'pow3']",
     "{'//': lambda: a // 2, '%': lambda: a % 2, 'divmod': lambda: divmod(a, 2), 'round': lambda: round(a), "
     "'int': lambda: int(a), 'float': lambda: float(a), 'pow3': lambda: pow(a, 2, 3)}[b]()")
CSTRS = ['1', '1j', '-1j', '+j', 'j', '-j', 'J', '1+2j', '1-2J', ' (1+2j) ', '(1+2j', '1+2j)', '( 1+2j )', '1e3+1e-3j',
         '1.5e+3-.5j', 'inf', '-infj', 'nan+nanj', 'infinity-infinityj', 'NaN', '1+', '1+j', '1-j', '+1+1j', '', ' ',
         'abc', '1 + 2j', '1__0', '1_0j', '_1j', '1_j', '1e1_0', '1.j', '.5j', '1..5', '1e', '1ej', 'jj', '1jj',
         '\u0661\u0662+\u0663j', '\u20031j\u2003', '1\x00', '(j)', '()', '(1)', '0x1', '1+2i', '-(1+2j)', '1+-2j',
         '- 1j']
each("complex_parse", repr(CSTRS), "complex(a)")
exprs("complex_ctor", [
    "complex()", "complex(1)", "complex(1.5, 2)", "complex(1j, 1j)", "complex(1+2j, 3+4j)", "complex(real=2)",
    "complex(imag=3)", "complex(real=1, imag=2)", "complex(1, imag=2)", "complex(x=1)", "complex(1, 2, 3)",
    "complex('1', 2)", "complex(1, '2')", "complex(None)", "complex([])", "complex(1, None)", "complex(b'1')",
    "complex(True, False)", "complex(10**400)", "complex(1, 10**400)",
    "type(complex(1j)).__name__", "complex.__new__(complex, 1).__class__.__name__",
    "(lambda C: (repr(C(1, 2)), type(C(1, 2)).__name__, type(+C(1)).__name__, type(-C(1)).__name__, "
    "type(C(1) + 1).__name__, type(C(1).__complex__()).__name__, type(complex(C(3))).__name__))(type('C', (complex,), {}))",
    "(lambda C: complex(C()))(type('C', (), {'__complex__': lambda s: 3j}))",
    "(lambda C: complex(C()))(type('C', (), {'__complex__': lambda s: 3}))",
    "(lambda C: complex(C()))(type('C', (), {'__float__': lambda s: 2.5}))",
    "(lambda C: complex(C()))(type('C', (), {'__index__': lambda s: 7}))",
    "(lambda C: complex(C(), 1))(type('C', (), {'__complex__': lambda s: 1+1j}))",
    "(1+2j).__getnewargs__()", "(1j).__complex__()", "complex.real", "(3j).real.__class__.__name__",
    "hash(1+0j) == hash(1)", "hash(1.5+0j) == hash(1.5)", "hash(complex(0, 1))", "hash(complex(-1, 0))",
    "hash(complex(1e300, 1e300))", "hash(complex(-2, -3))", "set([1, 1.0, 1+0j, True])", "{1j: 1}[1j]",
    "sorted(set(dir(complex)) - set(dir(object)))", "complex.__doc__", "complex.conjugate.__doc__", "complex.real.__doc__",
    "(1j).__reduce_ex__(2)[1]", "complex.__format__(1j, '')", "complex.__new__(type('C', (complex,), {}), '1+2j').__class__.__name__",
    "complex.__new__(int, 1)", "complex.__hash__(1j) == hash(1j)", "(2+3j).__pow__(2, None)", "(2+3j).__rpow__(2)",
    "(2+3j).__rtruediv__(1)", "(2+3j).__truediv__(0)", "(1j).__eq__('x')", "(1j).__lt__(1j)",
])
SPECS = ['', '.2f', '10', '<20', '^20.3e', '+g', ' ', ',.2f', '#', '.0', 'e', 'G', 'n', '*>30', '>25', '-', '+',
         '.3', '.3g', 'g', 'f', 'F', 'E', '.10g', '#.3g', '#g', 'z.1f', 'z', '_.1f', ',', '010', '=10', 'x', '%', 'd',
         '0<10', '.2%', ' .2f', '20.3f', '^', '\u20ac^21']
grid("complex_format", "[1234.5-6.75j, 3j, -0j, complex(-0.0, 1), complex(float('nan'), float('-inf')), 1e20+1e-20j, "
     "complex(-0.001, -0.0)]", repr(SPECS), "format(a, b)")
exprs("complex_fstr", ["f'{1+2j}'", "f'{1+2j!r:>12}'", "f'{3j:.1f}'", "'%s %r' % (1j, 2-1j)", "str(-1j)",
                       "'{:+.2e}'.format(1-1j)", "(1j).__format__(1)"])

# ---------------------------------------------------------------- set / frozenset
SETS_PRE = "import itertools\n"
each("set_order_ints", "[list(range(n)) for n in (0, 1, 5, 8, 9, 20, 100)] + [[i * 8 for i in range(30)], "
     "[-i for i in range(40)], [2**i for i in range(70)], [i * 2**32 for i in range(20)], [1 << 61, (1 << 61) - 1, -1, -2], "
     "list(range(1000, 0, -7))]", "(list(set(a)), list(frozenset(a)), list(set(reversed(a))))")
each("set_order_str", "[['a', 'b', 'c'], [chr(i) for i in range(65, 120)], ['x' * i for i in range(30)], "
     "['spam', 'eggs', 'ham', 'bacon', 'lovely', 'wonderful'], [str(i) for i in range(200)], ['é', 'ü', '日本', '\U0001F600']]",
     "(list(set(a)), list(set(sorted(a, reverse=True))))")
each("set_order_mixed", "[[1, 1.0, True], [0, 0.0, False, -0.0], [1.5, 2.5, 'a', None, (1, 2), frozenset([1])], "
     "[float('inf'), -float('inf'), 1e300, 1e-300], [(i, str(i)) for i in range(30)], [b'a', b'bb', b'', bytes(3)]]",
     "list(set(a))")
script("set_growth_deletes", """\
s = set()
for i in range(100):
    s.add(i * 7)
    if i % 3 == 0:
        s.discard(i * 7 - 14)
    R.append(repr(list(s)))
for i in range(0, 700, 5):
    s.discard(i)
R.append(repr(list(s)))
while len(s) > 5:
    s.pop()
R.append(repr(list(s)))
t = set(range(50))
for i in range(45):
    t.remove(i)
t.add(100)
t.add(1000)
R.append(repr(list(t)))
u = set('abcdefghijklmnop')
for c in 'bdfhjlnp':
    u.remove(c)
u |= set('xyz')
R.append(repr(sorted(u)) + repr(len(u)))
R.append(repr([set(range(i)).pop() for i in range(1, 10)]))
p = set(range(20))
R.append(repr([p.pop() for _ in range(20)]))
""")
SETA = "[set(), {1, 2, 3}, {2, 3, 4, 5}, frozenset({1, 5}), {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, set(range(100, 140))]"
grid("set_ops", SETA, SETA, "(a | b, a & b, a - b, a ^ b, a <= b, a < b, a >= b, a > b, a == b, a != b, a.isdisjoint(b))")
grid("set_ops_types", SETA, SETA, "(type(a | b).__name__, type(a & b).__name__, type(a - b).__name__, type(a ^ b).__name__)")
grid("set_methods_iter", "[{1, 2, 3}, frozenset('abc'), set(range(30))]",
     "[[], [2, 3, 9], 'abc', range(25), {2: 'x', 40: 'y'}, (i * 3 for i in range(12)), iter([1]), [[1]]]",
     "(a.union(b) if not isinstance(b, type(iter([]))) else 0, a.intersection(list(b) if not isinstance(b, list) else b), "
     "a.difference(b if isinstance(b, (list, str, range, dict)) else []), a.symmetric_difference(b if isinstance(b, (list, str, range, dict)) else []), "
     "a.issubset(b if isinstance(b, (list, str, range, dict)) else []), a.issuperset(b if isinstance(b, (list, str, range, dict)) else []), "
     "a.isdisjoint(b if isinstance(b, (list, str, range, dict)) else []))")
grid("set_ops_err", "[{1}, frozenset([2])]", "[[1], 1, 'ab', None, {3: 4}, {3: 4}.keys()]",
     "(a | b, a & b, a - b, a ^ b, a < b, a <= b)")
exprs("set_methods", [
    "set()", "set([1, 2, 2])", "set('hello')", "set({1: 2})", "set(x=1)", "set(1, 2)", "set(1)", "set(None)",
    "frozenset()", "frozenset(x=1)", "frozenset([1], [2])", "frozenset(1)", "frozenset('aab')",
    "(lambda f: frozenset(f) is f)(frozenset([1]))", "(lambda s: frozenset(s) is s)(set([1]))",
    "frozenset().copy() is frozenset().copy()", "(lambda f: f.copy() is f)(frozenset([1, 2]))",
    "(lambda s: (s.add(3), s)[1])({1})", "(lambda s: (s.add([]), s))({1})", "(lambda s: (s.remove(2), s))({1})",
    "(lambda s: (s.remove((1, 2)), s))({(1, 2)})", "(lambda s: (s.discard(5), s))({1})", "(lambda s: (s.discard([]), s))({1})",
    "(lambda s: (s.remove({1}), s))({frozenset([1])})", "(lambda s: (s.discard({1}), s))({frozenset([1])})",
    "{1} in {frozenset([1])}", "[] in {1}", "{} in {1}", "set().pop()", "(lambda s: (s.pop(), s))({7})",
    "(lambda s: (s.clear(), s))({1, 2})", "(lambda s: (s.update([1], 'ab', {9: 0}), s))({0})",
    "(lambda s: (s.update(), s))({0})", "(lambda s: (s.update(1), s))({0})",
    "(lambda s: (s.intersection_update([1, 2], (2, 3)), s))({1, 2, 3})", "(lambda s: (s.difference_update('ab', 'c'), s))(set('abcd'))",
    "(lambda s: (s.symmetric_difference_update([1, 5]), s))({1, 2})", "(lambda s: (s.symmetric_difference_update(s), s))({1, 2})",
    "(lambda s: (s.difference_update(s), s))({1, 2})", "(lambda s: (s.intersection_update(), s))({1, 2})",
    "{1, 2}.union()", "{1, 2}.union([3], [4])", "{1, 2}.intersection()", "{1, 2}.difference()",
    "{1, 2}.symmetric_difference()", "{1}.issubset()", "{1}.add()", "{1}.add(1, 2)", "set.add({1}, 2)",
    "set.union(frozenset([1]), [2])", "frozenset.union({1}, [2])",
    "(lambda s: (s.__iand__({2}), s))({1, 2})", "(lambda s: (s.__ior__([2]), s))({1, 2})",
    "(lambda s: s.__isub__({1}))({1, 2})", "(lambda s: s.__ixor__({1, 3}))({1, 2})",
    "set.__or__({1}, [2])", "{1}.__ror__({2})", "{1, 2}.__rsub__({2, 3})", "frozenset([1]).__rand__({1, 2})",
    "len({1, 2, 2})", "bool(set())", "bool({0})", "hash(frozenset())", "hash(frozenset([1, 2, 3]))",
    "hash(frozenset(['a', 'b']))", "hash(frozenset(range(100)))", "hash(frozenset([frozenset([1]), frozenset([2])]))",
    "hash(frozenset([-1]))", "hash(set())", "frozenset([1, 2]) == {1, 2}", "{1, 2} == frozenset([2, 1])",
    "{1} == [1]", "{1} < frozenset([1, 2])", "{1}.__lt__([1])", "set() == set()", "{1, 2} != {1, 2}",
    "set.__contains__({1}, 1)", "{1}.__contains__([])", "{1}.__len__()", "(set.__hash__, frozenset.__hash__ is not None)",
    "repr({1, 'a', (2,)})", "repr(frozenset({1}))", "repr(frozenset())", "repr(set())",
    "(lambda s: (s.add(s) if False else None, repr(s)))(set())",
    "(lambda S: (repr(S()), repr(S([1, 2])), type(S([1]) | {2}).__name__, type(S([1]).copy()).__name__))(type('S', (set,), {}))",
    "(lambda F: (repr(F()), repr(F('ab')), type(F('a') & {'a'}).__name__, F([1]).copy().__class__.__name__, hash(F([1])) == hash(frozenset([1]))))(type('F', (frozenset,), {}))",
    "(lambda F: F([1], x=2))(type('F', (frozenset,), {}))",
    "(lambda F: F([1], x=2))(type('F', (frozenset,), {'__init__': lambda s, *a, **k: None}))",
    "(lambda S: S([1], x=2))(type('S', (set,), {}))",
    "(lambda S: S([1], 2))(type('S', (set,), {}))",
    "{1, 2}.__reduce__()", "frozenset([3]).__reduce__()", "(lambda S: S([1]).__reduce__()[1:])(type('S', (set,), {}))",
    "{1}.__sizeof__() > 0", "sorted(dir(set))", "sorted(dir(frozenset))", "set.__doc__", "frozenset.__doc__",
    "set.add.__doc__", "set.__text_signature__", "iter({1}).__length_hint__()", "type(iter(set())).__name__",
    "(lambda i: (next(i), i.__length_hint__(), list(i), i.__length_hint__()))(iter({1, 2, 3}))",
    "set[int]", "frozenset[str]",
])
script("set_mutation_during_iter", """\
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    R.append(repr(e))
s = {1, 2, 3}
it = iter(s)
next(it)
s.discard(1)
s.add(1)
R.append(repr(list(it)))
s = set(range(10))
it = iter(s)
next(it)
s.remove(5)
try:
    next(it)
except RuntimeError as e:
    R.append(repr(e))
try:
    next(it)
except Exception as e:
    R.append('again ' + repr(e))
class H:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
    def __eq__(self, o): return isinstance(o, H) and self.h == o.h
    def __repr__(self): return 'H(%d)' % self.h
s = set(H(i % 5) for i in range(20))
R.append(repr(sorted(s, key=lambda h: h.h)))
calls = []
class E:
    def __hash__(self): return 1
    def __eq__(self, o):
        calls.append(1)
        return NotImplemented
s = {E(), E(), E()}
R.append(repr((len(s), len(calls))))
class Bad:
    def __hash__(self): raise ValueError('no hash')
try:
    {1, Bad()}
except ValueError as e:
    R.append(repr(e))
class Mut:
    def __hash__(self): return 0
    def __eq__(self, o):
        victim.clear()
        return False
victim = {0.0}
try:
    victim.add(Mut())
    R.append(repr(len(victim)))
except Exception as e:
    R.append(repr(e))
""")
script("set_comprehensions", """\
R.append(repr({x % 7 for x in range(50)}))
R.append(repr({*'abc', *range(3)}))
R.append(repr({c for c in 'mississippi'}))
x = {1, 2}
x |= {3}
x &= {2, 3, 4}
x -= {9}
x ^= {7}
R.append(repr(x))
f = frozenset([1])
g = f
f |= {2}
R.append(repr((f, g, f is g)))
R.append(repr(1 in {1.0}))
R.append(repr({(1, 2), (1, 2)}))
R.append(repr(sorted({'b', 'a'})))
R.append(repr(set(range(100)) - set(range(3, 100))))
R.append(repr(list(set(range(1000)) & set(range(990, 2000)))))
R.append(repr(list(frozenset(range(64)) ^ frozenset(range(32, 96)))))
""")

METHODS = ["union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint",
           "update", "intersection_update", "difference_update", "symmetric_difference_update"]
grid("set_method_errors", repr(METHODS), "[1, None, [[1]], 'ab', [1, [2]], {1: [], 2: 3}, iter([{}]), (x for x in [1, []])]",
     "(lambda s: (getattr(s, a)(b), sorted(s, key=repr)))({1, 'a'}) if hasattr(set, a) else 0")
grid("frozenset_method_errors", repr([m for m in METHODS if "update" not in m]), "[1, [[1]], 'ab', [1, [2]]]",
     "getattr(frozenset({1, 'a'}), a)(b)")

# ---------------------------------------------------------------- bytes / bytearray methods
BYTES = ("[b'', b'a', b'abc', b'Hello World', b'  spaced out  ', b'a,b,,c', b'\\t tab\\x0bvt\\x0cff\\r\\n', "
         "b'ab\\ncd\\r\\nef\\rgh\\n', b'x' * 20, b'MiXeD cAsE 123', b'\\x00\\xff\\x80abc', b'hello world hello', b'1234', "
         "b'-42', b'+7', b'Title Case String', b'aBc dEf', b'aaaa']")
for kind in ("b", "ba"):
    wrap = "a" if kind == "b" else "bytearray(a)"
    each(f"{kind}_case", BYTES, f"({wrap}.upper(), {wrap}.lower(), {wrap}.swapcase(), {wrap}.title(), {wrap}.capitalize())")
    each(f"{kind}_pred", BYTES, f"({wrap}.isalnum(), {wrap}.isalpha(), {wrap}.isascii(), {wrap}.isdigit(), {wrap}.islower(), "
         f"{wrap}.isupper(), {wrap}.isspace(), {wrap}.istitle())")
    each(f"{kind}_split", BYTES, f"({wrap}.split(), {wrap}.split(None, 1), {wrap}.rsplit(None, 1), {wrap}.split(b'a'), "
         f"{wrap}.split(b'l', 1), {wrap}.rsplit(b'l', 1), {wrap}.split(b','), {wrap}.splitlines(), {wrap}.splitlines(True), "
         f"{wrap}.partition(b'l'), {wrap}.rpartition(b'l'), {wrap}.split(maxsplit=2), {wrap}.rsplit(sep=b' '))")
    each(f"{kind}_strip", BYTES, f"({wrap}.strip(), {wrap}.lstrip(), {wrap}.rstrip(), {wrap}.strip(b'ax'), {wrap}.lstrip(b' a'), "
         f"{wrap}.rstrip(b'\\n\\r'), {wrap}.removeprefix(b'a'), {wrap}.removesuffix(b'c'), {wrap}.strip(None))")
    each(f"{kind}_find", BYTES, f"({wrap}.find(b'l'), {wrap}.rfind(b'l'), {wrap}.find(b''), {wrap}.rfind(b''), {wrap}.count(b'l'), "
         f"{wrap}.count(b''), {wrap}.find(97), {wrap}.count(b'a', 1), {wrap}.find(b'o', 2, -1), {wrap}.rfind(b'a', None, 3), "
         f"{wrap}.find(b'a', -100, 100), {wrap}.count(b'aa'), {wrap}.startswith(b'a'), {wrap}.endswith((b'c', b'd')), "
         f"{wrap}.startswith(b'', 50), {wrap}.endswith(b'o', 0, 5), b'l' in {wrap}, 97 in {wrap})")
    each(f"{kind}_pad", BYTES, f"({wrap}.center(11), {wrap}.center(10, b'*'), {wrap}.ljust(8, b'-'), {wrap}.rjust(8), {wrap}.zfill(6), "
         f"{wrap}.expandtabs(), {wrap}.expandtabs(2), {wrap}.replace(b'l', b'L'), {wrap}.replace(b'', b'.', 3), "
         f"{wrap}.replace(b'a', b''), {wrap}.hex(), {wrap}.hex(':'), {wrap}.hex(b'-', 2), {wrap}.hex(' ', -3))")
    exprs(f"{kind}_errors", [e.replace("B(", "bytes(" if kind == "b" else "bytearray(").replace("B)", "bytes)" if kind == "b" else "bytearray)").replace("B.", "bytes." if kind == "b" else "bytearray.") for e in [
        "B(b'a').center(5, 'x')", "B(b'a').center(5, b'xy')", "B(b'a').center(5, bytearray(b'x'))", "B(b'a').center()",
        "B(b'a').find('a')", "B(b'a').find(300)", "B(b'a').find(-1)", "B(b'a').startswith('a')", "B(b'a').startswith(('a',))",
        "B(b'a').strip('a')", "B(b'a').split('a')", "B(b'a').replace('a', b'')", "B(b'a').join(['a'])", "B(b'a').join([b'x', bytearray(b'y'), memoryview(b'z')])",
        "B(b'a').translate(b'x')", "B(b'abc').translate(None, b'b')", "B(b'abc').translate(bytes(range(256))[::-1])",
        "B.maketrans(b'a', b'bc')", "B.maketrans(b'ab', b'cd')[97:100]", "B(b'a').partition('a')", "B(b'a').partition(b'')",
        "B(b'a').split(b'')", "B(b'a').rsplit(b'')", "B(b'a').removeprefix('a')", "B(b'a').count(b'a', 'x')",
        "B(b'a').find(b'a', None, None)", "B(b'abc').hex(':', 2)", "B(b'abc').hex('::')", "B(b'abc').hex(1)", "B(b'abc').hex('\\xe9')",
        "B.fromhex('a')", "B.fromhex('zz')", "B.fromhex(' 01 02  0a ')", "B.fromhex('0 1')", "B.fromhex(b'01')",
        "B(b'a').zfill('x')", "B(b'a').expandtabs('x')", "B(b'a').index(b'b')", "B(b'a').rindex(b'b')", "B(b'abcb').rindex(b'b')",
        "B(b'a').ljust(3, b'')", "B(b'a').split(maxsplit='x')", "B(b'a b').split(sep=None, maxsplit=0)", "B(b'a').splitlines(keepends=1)",
        "B(b'a').replace(b'a', b'b', count=1)", "B(b'aaa').replace(b'a', b'b', -5)", "B(b'abc')[1]", "B(b'abc')[-1]", "B(b'abc')[3]",
        "B(b'abc')[::-1]", "B(b'abc')[1:2]", "B(b'abc')['x']", "B(b'ab') * 3", "B(b'ab') * -1", "B(b'ab') + 'x'", "B(b'ab') + memoryview(b'c')",
        "B(b'ab') < B(b'b')", "B(b'ab') == bytearray(b'ab')", "B(b'ab') == memoryview(b'ab')", "B(b'a') in [B(b'a')]",
        "sorted(set(dir(B)) - set(dir(object)))", "B(b'x').__getnewargs__() if hasattr(B(b'x'), '__getnewargs__') else None",
        "B([1, 2, 3])", "B(3)", "B(-1)", "B('x')", "B('x', 'ascii')", "B('\\xe9', 'latin-1')", "B(1, 'ascii')", "B([300])", "B(['a'])",
        "B(memoryview(b'xy'))", "B(x=1)", "B(iter([65, 66]))", "B(range(3))", "B(None)", "B(b'abc').isascii()",
    ]])
exprs("ba_mutate", [
    "bytearray().extend('ab')", "bytearray().extend(5)", "bytearray().append('a')", "bytearray().append(300)",
    "bytearray().pop()", "bytearray(b'a').pop(5)", "bytearray(b'a').remove(9)", "bytearray(b'a').insert(0, 300)",
    "bytearray(b'ab')['x']", "bytearray(b'ab')[5]", "bytearray(b'ab').__setitem__(5, 1)", "bytearray(b'ab').__setitem__(0, 300)",
    "bytearray(b'ab').__setitem__(0, 'a')", "bytearray(b'ab').__setitem__(slice(0, 1), 5)", "bytearray(b'ab').__setitem__(slice(0, 1), 'x')",
    "bytearray(b'abc').__setitem__(slice(0, 3, 2), b'x')", "bytearray(b'ab') + 'x'", "bytearray('x')", "bytearray('x', 'ascii', 5)",
    "bytearray(5, 'ascii')", "bytearray(b'x', errors='strict')", "bytearray([300])", "bytearray(['a'])", "bytearray(-1)",
    "repr(type('B', (bytearray,), {})(b'x'))", "bytearray(b'x') == b'x'", "bytearray(b'x') < memoryview(b'y')", "hash(bytearray())",
    "bytearray(b'ab').__iadd__('x')", "bytearray.fromhex('61')", "type('B', (bytearray,), {}).fromhex('61')",
    "bytearray(b'ab').__reduce__()", "bytearray().__reduce__()", "bytearray(b'ab\\xff').__reduce_ex__(3)",
    "bytearray(b'ab\\xff').__reduce_ex__(2)", "bytearray().__reduce_ex__(4)", "bytearray(b'x').__reduce_ex__()",
    "(lambda B: (lambda x: (setattr(x, 'a', 1), x.__reduce_ex__(4)[1:], x.__reduce__()[1:]))(B(b'q')))(type('B', (bytearray,), {}))", "bytearray(b'a') * -1", "b'a' + bytearray(b'b')",
    "bytearray(b'a').__delitem__(3)", "bytearray(b'a').__setitem__(slice(0, 0), [1, 300])", "bytearray(b'abc').copy()",
    "bytearray(b'abc').decode()", "bytearray('é', 'utf-8')", "bytearray(3)", "bytearray(b'a').__alloc__() > 0",
    "(lambda b: (b.extend(b'xyz'), b.extend([1, 2]), b.extend(bytearray(b'q')), b.extend(iter([3])), b)[-1])(bytearray())",
    "(lambda b: (b.insert(-100, 1), b.insert(100, 2), b.insert(1, 3), b)[-1])(bytearray(b'ab'))",
    "(lambda b: (b.reverse(), b)[-1])(bytearray(b'abc'))", "(lambda b: (b.clear(), b)[-1])(bytearray(b'abc'))",
    "(lambda b: (b.remove(98), b)[-1])(bytearray(b'abcb'))", "(lambda b: [b.pop() for _ in range(3)])(bytearray(b'abc'))",
    "(lambda b: (b.__setitem__(slice(1, 2), b'XYZ'), b)[-1])(bytearray(b'abc'))",
    "(lambda b: (b.__setitem__(slice(None, None, 2), b'XY'), b)[-1])(bytearray(b'abc'))",
    "(lambda b: (b.__setitem__(slice(None, None, -1), b'XYZ'), b)[-1])(bytearray(b'abc'))",
    "(lambda b: (b.__delitem__(slice(None, None, 2)), b)[-1])(bytearray(b'abcdef'))",
    "(lambda b: (b.__delitem__(slice(None, None, -2)), b)[-1])(bytearray(b'abcdef'))",
    "(lambda b: (b.__delitem__(slice(1, 3)), b)[-1])(bytearray(b'abcdef'))",
    "(lambda b: (b.__setitem__(slice(0, 2), b), b)[-1])(bytearray(b'abc'))",
    "(lambda b: (b.__setitem__(slice(0, 2), [120, 121, 122]), b)[-1])(bytearray(b'abc'))",
    "(lambda b: (b.__setitem__(slice(0, 2), memoryview(b'QQ')), b)[-1])(bytearray(b'abc'))",
    "(lambda b: (b.__iadd__(b'x'), b.__imul__(2), b)[-1])(bytearray(b'ab'))", "(lambda b: (b.__imul__(0), b)[-1])(bytearray(b'ab'))",
    "(lambda b: (b.__init__(b'new'), b)[-1])(bytearray(b'old'))", "list(bytearray(b'ab'))", "list(reversed(bytearray(b'ab')))",
    "(lambda b: (b.__setitem__(-1, 90), b)[-1])(bytearray(b'abc'))", "bytearray(b'abc')[True]",
    "(lambda b, m: (b.append(1),))(*(lambda b: (b, memoryview(b)))(bytearray(b'x')))",
    "(lambda b: (lambda m: (m.release(), b.append(1), b))(memoryview(b)))(bytearray(b'x'))[-1]",
    "(lambda b: (lambda m: (b.__setitem__(0, 65), b.__setitem__(slice(0, 1), b'Z'), bytes(m)))(memoryview(b)))(bytearray(b'xy'))",
    "(lambda b: (lambda m: b.__setitem__(slice(0, 1), b'ZZ'))(memoryview(b)))(bytearray(b'xy'))",
    "(lambda b: (lambda m: b.clear())(memoryview(b)))(bytearray(b'xy'))",
])

exprs("bytes_percent", [
    'b"%x" % 1.5', 'b"%d" % "s"', 'b"%f" % "s"', 'b"%c" % 300', 'b"%c" % b"ab"', 'b"%c" % "a"', 'b"%s" % "a"', 'b"%s" % 5',
    'b"%y" % 1', 'b"%" % ()', 'b"%s %s" % (1,)', 'b"%s" % (b"a", b"b")', 'b"%(a)s" % 1', 'b"%(a)s" % {"a": b"x"}',
    'b"%(a)s" % {b"a": b"x"}', 'b"%r %a" % ("\xe9", b"x")', 'b"%5s|%-5b|" % (b"a", bytearray(b"b"))', 'b"%.1s" % b"abc"',
    'b"%*d" % (5, 3)', 'b"%#x %+d % d %05.1f %e" % (255, 3, 4, 2.5, 1e10)', 'b"x" % ()', 'b"x" % 5', 'b"x" % {}', 'b"%d" % 3.7',
    'b"%s" % memoryview(b"mv")', 'bytearray(b"%s") % b"x"', 'b"%(x" % {}', 'b"%i %u" % (1, 2)', 'b"%c" % 65', 'b"%s %s" % (b"a",)',
    'b"%s" % [1]', 'b"%(a)s %(b)d" % {b"a": b"1", b"b": 2}', 'b"%%%s" % b"x"', 'b"%c%c" % (b"x", 66)', 'b"%-4c|" % 65',
    'b"%10.3f|%-8.2e|%g" % (3.14159, 12345.678, 0.0001)', 'b"%o %X %#o" % (8, 255, 8)', 'b"%.*f" % (2, 1.2345)',
    'b"%s" % type("B", (), {"__bytes__": lambda s: b"BB"})()', 'bytes(type("B", (), {"__bytes__": lambda s: b"BB"})())',
    'bytes(type("B", (), {"__bytes__": lambda s: "no"})())', 'b"%s" % type("B", (), {"__bytes__": lambda s: 1})()',
    'bytearray(b"%d%%") % 5', 'b"%a" % "\u20ac"', 'b"%5.2s|" % b"abc"', 'b"%(a)s" % {b"b": 1}',
])
BMETHODS = sorted(m for m in dir(bytearray) if not m.startswith("__") and m not in ("fromhex", "maketrans"))
grid("bytes_call_errors", repr(BMETHODS), "['bytes', 'bytearray']",
     "(lambda o, m: [_fmt(lambda: getattr(o, m)(zz=1)), _fmt(lambda: getattr(o, m)(1, 2, 3, 4, 5)), "
     "_fmt(lambda: getattr(o, m)())])({'bytes': b'abc', 'bytearray': bytearray(b'abc')}[b], a) if hasattr({'bytes': b'abc', 'bytearray': bytearray(b'abc')}[b], a) else 0")
grid("set_call_errors", repr(sorted(m for m in dir(set) if not m.startswith("__"))), "['set', 'frozenset']",
     "(lambda o, m: [_fmt(lambda: getattr(o, m)(zz=1)), _fmt(lambda: getattr(o, m)(1, 2, 3, 4, 5)), "
     "_fmt(lambda: getattr(o, m)())])({'set': {1}, 'frozenset': frozenset({1})}[b], a) if hasattr({'set': {1}, 'frozenset': frozenset({1})}[b], a) else 0")

exprs("buffer_protocol", [
    "bytes(BUF())", "bytearray(BUF())", "b'-'.join([BUF(), b'q'])", "memoryview(BUF()).tolist()", "b'ab' + BUF()",
    "bytearray(b'ab') + BUF()", "b'xyz' == BUF()", "b'%s' % BUF()", "b'axyzb'.find(BUF())", "BUF() in [1]",
    "bytes.__buffer__(b'ab', 0).tolist()", "bytearray(b'ab').__buffer__(0).readonly", "b'ab'.__bytes__()",
    "type(type('S', (bytes,), {})(b'x').__bytes__()).__name__",
    "(lambda b: (lambda m: (b.__release_buffer__(m), m.__repr__()[:10], b.append(1), b)[1:])(b.__buffer__(0)))(bytearray(b'x'))",
], pre="class BUF:\n    def __buffer__(self, flags):\n        return memoryview(b'xyz')\n")

# ---------------------------------------------------------------- memoryview
exprs("memoryview", [
    "memoryview('x')", "memoryview()", "memoryview(b'a', 1)", "memoryview(object=b'ab').tolist()", "memoryview(b'abcdef')[10]",
    "memoryview(b'abcdef')['x']", "memoryview(b'abcdef')[1:3].tolist()", "memoryview(b'abcdef')[-1]", "memoryview(b'abcdef')[::-2].tolist()",
    "memoryview(b'abcdef').cast('x')", "memoryview(b'abcdef').cast('i')", "memoryview(b'abcdef').cast('h').tolist()",
    "memoryview(b'abcdef').cast('B', [2, 3]).tolist()", "memoryview(b'abcdef').cast('B', (3, 2)).tolist()",
    "memoryview(b'abcdef').cast('B', [2, 3])[0]", "memoryview(b'abcdef').cast('B', [2, 3])[1, 2]", "memoryview(b'abcdef').cast('B', [2, 3])[1, 5]",
    "memoryview(b'abcdef').cast('B', [2, 3])[1, 2, 0]", "memoryview(b'abcdef').cast('B', [4, 3])", "memoryview(b'abcdef').cast('B', [0, 3])",
    "memoryview(b'abcdef').cast('B', 6)", "memoryview(b'abcdef').cast('@B').format", "memoryview(b'abcdef').cast('<B')",
    "list(memoryview(b'abcdef').cast('B', [2, 3]))", "memoryview(b'abcdef').__setitem__(0, 1)",
    "hash(memoryview(bytearray(b'a')))", "hash(memoryview(b'abcd').cast('h'))", "hash(memoryview(b'abcdef')) == hash(b'abcdef')",
    "hash(memoryview(b'abcdef')[::2]) == hash(b'ace')",
    "memoryview(bytearray(b'ab')).__setitem__(0, 300)", "memoryview(bytearray(b'ab')).__setitem__(0, 'a')",
    "memoryview(bytearray(b'ab')).__setitem__(slice(0, 2), b'x')", "memoryview(b'abcdef').cast('c')[0]",
    "memoryview(b'abcdef').cast('c').tolist()", "memoryview(b'\\xff\\x80').cast('b').tolist()", "memoryview(b'abcdef').hex('-')",
    "memoryview(b'abcdef').tobytes('F')", "memoryview(b'abcdef').tobytes(order='X')", "memoryview(b'abcdef').cast('B', [2, 3]).tobytes('F')",
    "(lambda m: (m.nbytes, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.suboffsets, m.readonly, m.c_contiguous, m.f_contiguous, m.contiguous))(memoryview(b'abcdef'))",
    "(lambda m: (m.nbytes, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.c_contiguous, m.f_contiguous, m.contiguous))(memoryview(b'abcdefgh').cast('h', [2, 2]))",
    "(lambda m: (m.nbytes, m.shape, m.strides, m.c_contiguous, m.contiguous, m.tobytes(), m.tolist()))(memoryview(b'abcdefgh')[::3])",
    "memoryview(b'abcdef') == b'abcdef'", "memoryview(b'abcdef') == 'x'", "memoryview(b'ab') != bytearray(b'ab')",
    "memoryview(b'abcdef') < memoryview(b'x')", "memoryview(b'\\x01\\x00').cast('h') == memoryview(b'\\x01\\x00\\x00\\x00').cast('i')",
    "memoryview(b'ab').cast('c') == b'ab'", "memoryview(b'abcd').cast('h') == memoryview(b'abcd')",
    "memoryview(b'abcdef').toreadonly().readonly", "memoryview(bytearray(b'ab')).toreadonly().readonly",
    "memoryview(b'abcdefgh').cast('d').tolist()", "memoryview(b'abcdefgh').cast('q').tolist()", "memoryview(b'abcdefgh').cast('Q').tolist()",
    "memoryview(b'abcdefgh').cast('f').tolist()", "memoryview(b'abcd').cast('I').tolist()", "memoryview(b'abcd').cast('e').tolist()",
    "memoryview(b'\\x01\\x00').cast('?').tolist()", "len(memoryview(b'abcdef').cast('B', [2, 3]))", "memoryview(b'abcdef')[::2].tobytes()",
    "memoryview(b'abcdef')[::2].cast('B')", "memoryview(b'abcdef').cast('B', [2, 3]).cast('B').tolist()",
    "memoryview(b'abcdef').cast('h').cast('i')", "memoryview(b'abcdefgh').cast('h').cast('B', [2, 4]).shape",
    "memoryview(b'abcdef')[1:3].obj", "memoryview(memoryview(b'xy')).obj", "memoryview(memoryview(b'xy')[1:]).tolist()",
    "bytes(memoryview(b'abcdef')[1:4])", "bytearray(memoryview(b'abcdef')[::2])", "list(memoryview(b'abc'))",
    "(lambda m: (m.release(), repr(m)[:18], m.release()))(memoryview(b'x'))", "(lambda m: (m.release(), m[0]))(memoryview(b'x'))",
    "(lambda m: (m.release(), len(m)))(memoryview(b'x'))", "(lambda m: (m.release(), m.tobytes()))(memoryview(b'x'))",
    "(lambda m: (m.release(), m == m, m == b'x'))(memoryview(b'x'))",
    "(lambda m: (m.release(), m.obj))(memoryview(b'x'))", "(lambda m: (m.__enter__() is m, m.__exit__(None, None, None), repr(m)[:10]))(memoryview(b'x'))",
    "(lambda b: (lambda m: (m.__setitem__(0, 65), m.__setitem__(slice(1, 3), b'QQ'), m.__setitem__(-1, 90), b))(memoryview(b)))(bytearray(b'abcd'))",
    "(lambda b: (lambda m: (m.__setitem__(slice(None, None, 2), b'XY'), b))(memoryview(b)))(bytearray(b'abcd'))",
    "(lambda b: (lambda m: (m.__setitem__(0, 1000), b))(memoryview(b).cast('h')))(bytearray(b'abcd'))",
    "(lambda b: (lambda m: (m.__setitem__(0, 2**40), b))(memoryview(b).cast('h')))(bytearray(b'abcd'))",
    "(lambda b: (lambda m: (m.__setitem__(0, 1.5), b))(memoryview(b).cast('d')))(bytearray(8))",
    "(lambda b: (lambda m: (m.__setitem__(0, 1), b))(memoryview(b).cast('d')))(bytearray(8))",
    "(lambda b: (lambda m: (m.__setitem__(0, 'x'), b))(memoryview(b).cast('d')))(bytearray(8))",
    "[(lambda m: (m.__setitem__(0, v), m[0], bytes(m.cast('B')).hex()))(memoryview(bytearray(2)).cast('e')) for v in "
    "(1.5, 65504.0, 6e-08, 1e-09, float('nan'), float('-inf'), -0.0, 0.1, 2.0009765625, 2**-24, 3*2**-25, 65519.99, 2**-14, 0.00006102)]",
    "(lambda m: m.__setitem__(0, 65520.0))(memoryview(bytearray(2)).cast('e'))",
    "(lambda m: m.__setitem__(0, 1e10))(memoryview(bytearray(2)).cast('e'))",
    "(lambda b: (lambda m: (m.__setitem__(0, b'Z'), b))(memoryview(b).cast('c')))(bytearray(b'ab'))",
    "(lambda b: (lambda m: (m.__setitem__(0, b'ZZ'), b))(memoryview(b).cast('c')))(bytearray(b'ab'))",
    "(lambda b: (lambda m: (m.__setitem__(0, 0), b))(memoryview(b).cast('?')))(bytearray(b'ab'))",
    "(lambda b: (lambda m: (m.__setitem__((1, 0), 90), b))(memoryview(b).cast('B', [2, 2])))(bytearray(b'abcd'))",
    "(lambda b: (lambda m: m.__delitem__(0))(memoryview(b)))(bytearray(b'abcd'))",
    "memoryview(b'ab').__buffer__(0).tolist()", "int(memoryview(b'42'))" , "str(memoryview(b'ab'))[:8]",
    "sorted(set(dir(memoryview)) - set(dir(object)))", "b'ab' + memoryview(b'cd')", "b'abcd'.find(memoryview(b'c'))",
    "b'-'.join([memoryview(b'a'), b'b'])", "memoryview(b'abc').cast('B', shape=[3]).shape",
])
# ---------------------------------------------------------------- structseq (sys's records)
exprs("structseq", [
    "repr(sys.version_info)", "sys.version_info[:2]", "sys.version_info.major", "sys.version_info >= (3, 8)",
    "type(sys.version_info).__name__", "len(sys.version_info)", "tuple(sys.version_info)",
    "sys.version_info == (3, 13, 0, 'final', 0)", "hash(sys.version_info) == hash(tuple(sys.version_info))",
    "(type(sys.version_info).__module__, type(sys.version_info).__qualname__)",
    "(type(sys.version_info).n_fields, type(sys.version_info).n_sequence_fields, type(sys.version_info).n_unnamed_fields)",
    "type(sys.version_info).__match_args__", "type(sys.version_info)()", "type(sys.version_info)((3, 1, 2, 'a', 0))",
    "isinstance(sys.version_info, tuple)", "sys.version_info.count(0)", "sys.version_info.index(13)",
    "sys.version_info + (1,)", "sys.version_info[-1]", "sys.version_info.minor", "sys.version_info.releaselevel",
    "sys.float_info.max", "sys.float_info.epsilon", "sys.float_info.dig", "sys.int_info.bits_per_digit", "sys.int_info",
    "sys.hash_info.modulus", "sys.hash_info.algorithm", "type(sys.float_info)((1,) * 11).dig", "type(sys.float_info)((1,) * 3)",
    "type(sys.float_info)((1,) * 12)", "type(sys.float_info)(5)", "sys.float_info.__reduce__()[1][0][:3]",
    "sys.version_info.major.__class__", "sys.version_info.foo", "(lambda v: v.__replace__(major=4))(sys.version_info)",
], pre="import sys\n")

# ---------------------------------------------------------------- types.SimpleNamespace
exprs("namespace", [
    "SN()", "SN(a=1, b='x')", "repr(SN(b=2, a=1))", "SN(a=1) == SN(a=1)", "SN(a=1) == SN(a=2)", "SN(a=1) != SN(a=1)",
    "SN(a=1) == {'a': 1}", "SN(1)", "SN({'a': 1})", "SN({'a': 1}, b=2)", "SN([('a', 1), ('b', 2)])", "SN({'a': 1}, a=2)",
    "SN({1: 2})", "SN(**{'a': 1})", "SN(a=1).__dict__", "vars(SN(x=3))", "(lambda n: (setattr(n, 'z', 5), n)[1])(SN(a=1))",
    "(lambda n: (delattr(n, 'a'), n)[1])(SN(a=1))", "(lambda n: delattr(n, 'q'))(SN(a=1))", "SN(a=1).b",
    "SN(a=1).__reduce__()", "SN(a=1) < SN(a=2)", "hash(SN())", "(lambda n: (n.__setattr__('self', n), repr(n))[1])(SN())",
    "(lambda S: (repr(S(a=1)), S(a=1) == SN(a=1), type(S(a=1).__replace__(a=2)).__name__))(type('S', (SN,), {}))",
    "SN(a=1).__replace__(b=2)", "SN(a=1).__replace__(1)", "type(SN()).__name__", "SN.__module__", "SN.__qualname__",
    "sorted(set(dir(SN)) - set(dir(object)))", "SN(a=[1, 2], b={'c': SN()})", "SN(**{'a b': 1})", "SN(a=1).__eq__(1)",
], pre="import types\nSN = types.SimpleNamespace\n")

# ---------------------------------------------------------------- weakref
script("weakref", """\
import _weakref
ref, proxy = _weakref.ref, _weakref.proxy
class C:
    def __init__(self, v): self.v = v
    def m(self): return self.v
    def __repr__(self): return 'C(%d)' % self.v
o = C(1)
r = ref(o)
R.append(repr((r() is o, type(r).__name__, type(r).__module__, type(r).__qualname__, _weakref.getweakrefcount(o), len(_weakref.getweakrefs(o)))))
r2 = ref(o)
R.append(repr((r is r2, r == r2, hash(r) == hash(o), ref(o, lambda x: None) is r)))
R.append(repr((r.__callback__, ref(o, print).__callback__ is print)))
p = proxy(o)
R.append(repr((p.v, p.m(), type(p).__name__, _weakref.getweakrefcount(o) >= 2)))
for bad in (1, [], 'x', (1,), {}, None):
    try:
        ref(bad)
    except TypeError as e:
        R.append(repr(e))
try:
    hash(proxy(o))
except TypeError as e:
    R.append(repr(e))
class F:
    def __call__(self, x): return x * 2
f = F()
cp = proxy(f)
R.append(repr((cp(21), type(cp).__name__, callable(cp), callable(p))))
R.append(repr(ref(C)() is C))
class R2(ref):
    def __new__(cls, ob, cb=None, extra=0):
        return super().__new__(cls, ob, cb)
    def __init__(self, ob, cb=None, extra=0):
        super().__init__(ob, cb)
        self.extra = extra
rr = R2(o, None, 7)
R.append(repr((rr() is o, rr.extra, isinstance(rr, ref), _weakref.getweakrefcount(o) >= 3, type(rr).__name__)))
R.append(repr((r == 1, r != r2, r.__eq__(1))))
R.append(repr((p == o, str(p), repr(ref), p.__class__.__name__)))
R.append(repr((ref(o, None) is r, ref(o) == ref(C(2)))))
try:
    ref()
except TypeError as e:
    R.append(repr(e))
try:
    ref(o, None, 3)
except TypeError as e:
    R.append(repr(e))
try:
    p.nope
except AttributeError as e:
    R.append(repr(e))
p.w = 5
R.append(repr((o.w, p.w)))
del p.w
R.append(repr(hasattr(o, 'w')))
class N:
    def __init__(self): self.items = [3, 1, 2]
    def __len__(self): return 3
    def __iter__(self): return iter(self.items)
    def __getitem__(self, i): return self.items[i]
    def __contains__(self, x): return x in self.items
    def __add__(self, other): return 'added'
    def __bool__(self): return False
n = N()
pn = proxy(n)
R.append(repr((len(pn), list(pn), pn[0], 2 in pn, pn + 1, bool(pn), sorted(pn))))
R.append(repr(type(_weakref.ref).__name__))
okw, badw = [], []
for x in [set(), frozenset(), bytearray(), memoryview(b''), 1j, range(1), slice(1), object(), iter([]), iter(()), iter(set()),
          type, len, (lambda: 0), Exception(), b'', 'x', [], {}, (), 1.5, True, None, ..., NotImplemented, iter(b''),
          iter(bytearray()), iter(memoryview(b'')), {}.keys(), enumerate([]), map(len, []), zip(), reversed([]),
          property(), staticmethod(len), classmethod(len), super(int, 1), (x for x in []), int.__add__, [].append,
          type('E', (Exception,), {})(), type('I', (int,), {})(3), type('T', (tuple,), {})()]:
    try:
        ref(x)
        okw.append(type(x).__name__)
    except TypeError as e:
        badw.append(str(e))
R.append(repr(okw))
R.append(repr(badw))
R.append(repr(sorted(x for x in dir(_weakref) if not x.startswith('__'))))
""")


# Sizes beyond what can be allocated: MemoryError/OverflowError as CPython, never a crash.
exprs("bytes_limits", [
    "bytearray(10**12)", "bytes(10**12)", "b'a'.center(10**12)", "b'a'.zfill(10**12)", "b'\\t'.expandtabs(10**12)",
    "b'\\t'.expandtabs(-5)", "b'x'.replace(b'', b'y' * 1000, -1)[:3]", "memoryview(b'ab').cast('B', [2**40, 2**40])",
    "complex('1' * 400)", "complex(10**400)", "(1+1j) ** (10**20)", "bytearray(b'a') * (2**40)", "b'ab' * (2**40)",
    "b'%*d' % (10**12, 1)", "b'%.*f' % (10**12, 1.0)", "bytearray(b'a').__imul__(2**40)", "b'a'.ljust(2**40)",
    "b'%.99999999999f' % 1.0", "b'%99999999999999999999d' % 1", "b'%99999999999d' % 1",
])

# Adversarial searches: linear time (these took tens of seconds with a naive scan).
exprs("bytes_search_worst", [
    "(lambda h, n: (h.find(n), h.rfind(n), h.count(n), n in h, len(h.split(n)), h.replace(n, b'x') == h))(b'a' * 10**6, b'a' * 1000 + b'b')",
    "(lambda h, n: (h.find(n), h.rfind(n), h.count(n), bytes(h).rsplit(n)[-1]))(bytearray(b'ab' * 300000 + b'abc'), b'ab' * 500 + b'c')",
    "(b'b' + b'a' * 10**5).rfind(b'b' + b'a' * 5000)", "(b'a' * 10**5 + b'b').rfind(b'a' * 5000 + b'b')",
    "(b'a' * 10**5 + b'b').find(b'a' * 5000 + b'b', 50000)",
    "(lambda b: (sum(b.pop(0) for _ in range(len(b))), b))(bytearray(range(256)) * 400)",
    "(lambda b: ([b.__delitem__(slice(0, 3)) for _ in range(30000)], b.append(7), b.insert(0, 8), b.extend(b'zz'), b)[1:])(bytearray(100000))",
    "(lambda b: (lambda m: b.__delitem__(slice(0, 2)))(memoryview(b)))(bytearray(b'abcdef'))", "(b'a' * 10**5).rfind(b'a' * 5000 + b'b', 0, 60000)",
    "(lambda h: [h.find(b'aab', i) for i in range(0, 40, 7)])(b'ab' * 20 + b'aab')",
    "(lambda h: [h.rfind(b'aba', 0, j) for j in range(0, 40, 7)])(b'ab' * 20)",
])

# ---------------------------------------------------------------- seeded random differential cases
def rbytes(n):
    alphabet = b"ab \t\nxyzAB,.-01\x00\xff"
    return bytes(rnd.choice(alphabet) for _ in range(rnd.randrange(n)))


FUZZ_CALLS = []
for _ in range(400):
    a = rbytes(14)
    sub = rbytes(3)
    k = rnd.randrange(12)
    i, j = rnd.randrange(-8, 16), rnd.randrange(-8, 16)
    call = [f"a.find({sub!r}, {i}, {j})", f"a.rfind({sub!r}, {i})", f"a.count({sub!r}, {i}, {j})",
            f"a.split({sub!r} or None, {k - 2})", f"a.rsplit({sub!r} or None, {k - 2})", f"a.replace({sub!r}, {rbytes(3)!r}, {k - 3})",
            f"a.strip({sub!r})", f"a.partition({sub!r} or b'x')", f"a.center({i + 8}, {bytes([rnd.choice(b'*- ')])!r})",
            f"a.expandtabs({k})", f"a.splitlines({k & 1})", f"a.startswith({sub!r}, {i}, {j})", f"a[{i}:{j}:{k - 5 or 1}]",
            f"a.title()", f"a.zfill({i + 4})", f"a.hex({bytes([rnd.choice(b':- ')])!r}, {k - 5 or 1})"][rnd.randrange(16)]
    FUZZ_CALLS.append((a, call))
GROUPS.append({"name": "bytes_fuzz", "src": "".join(
    f"a = {a!r}\nR.append(_fmt(lambda: {call}))\nR.append(_fmt(lambda: bytearray(a){call[1:]}))\n"
    for a, call in FUZZ_CALLS)})

SET_OPS = []
for t in range(60):
    lines = ["s = set()", "f = None"]
    for _ in range(rnd.randrange(5, 40)):
        op = rnd.randrange(9)
        v = rnd.choice([rnd.randrange(-50, 200), rnd.randrange(1 << 40), "'%s'" % rnd.choice(["a", "bb", "ccc", "x1", "y2", "zz9", "q"]),
                        rnd.random() * 100, "(%d, 'k')" % rnd.randrange(9)])
        if op < 4:
            lines.append(f"s.add({v})")
        elif op == 4:
            lines.append(f"s.discard({v})")
        elif op == 5 and True:
            lines.append(f"s |= set(range({rnd.randrange(-5, 5)}, {rnd.randrange(5, 40)}, {rnd.randrange(1, 4)}))")
        elif op == 6:
            lines.append(f"s -= set(range({rnd.randrange(0, 30)}, {rnd.randrange(30, 90)}))")
        elif op == 7:
            lines.append("s.pop() if s else None")
        else:
            lines.append("f = frozenset(s); R.append(repr((list(f), hash(f))))")
        lines.append("R.append(repr(list(s)))")
    SET_OPS.append("\n".join(lines))
GROUPS.append({"name": "set_fuzz", "src": "\n".join(SET_OPS) + "\n"})

CPLX_FUZZ = []
for _ in range(300):
    def rf():
        return rnd.choice([0.0, -0.0, 1.0, -2.5, rnd.uniform(-1e6, 1e6), rnd.uniform(-1, 1) * 10 ** rnd.randrange(-320, 308),
                           float(rnd.randrange(-10**6, 10**6)), rnd.choice([1e308, 5e-324, float('inf')])])
    x, y = complex(rf(), rf()), complex(rf(), rf())
    n = rnd.randrange(-12, 13)
    spec = rnd.choice(['', '.3', '.5e', '+.2f', '20.10g', '<30', '^25.4', 'G', '#.0f'])
    CPLX_FUZZ.append(f"(lambda x, y: (repr(x * y), repr(x / y) if y else 0, repr(x + y), repr(x ** {n}), hash(x), "
                     f"complex(repr(x)) == x, format(x, {spec!r})))(complex({x.real!r}, {x.imag!r}), complex({y.real!r}, {y.imag!r}))")
exprs("complex_fuzz", CPLX_FUZZ)

LIBM = []
for _ in range(500):
    a, b = rnd.uniform(-20, 20), rnd.uniform(-20, 20)
    c, d = rnd.uniform(-4, 4), rnd.choice([0.0, rnd.uniform(-4, 4)])
    LIBM.append(f"(abs(complex({a!r}, {b!r})), complex({a!r}, {b!r}) ** complex({c!r}, {d!r}), (lambda x, y: x ** y)(-abs({a!r}), {c!r} + 0.5))")
exprs("complex_libm", LIBM)

MV_FUZZ = []
SIZES = {"B": 1, "b": 1, "c": 1, "h": 2, "H": 2, "i": 4, "I": 4, "q": 8, "Q": 8, "f": 4, "d": 8, "?": 1, "l": 8, "n": 8}
for _ in range(300):
    fmt = rnd.choice(list(SIZES))
    n = rnd.randrange(0, 6) * SIZES[fmt] * rnd.choice([1, 2])
    data = bytes(rnd.randrange(256) for _ in range(n))
    i, j, k = rnd.randrange(-4, 8), rnd.randrange(-4, 8), rnd.choice([1, 1, 2, -1, 3, -2])
    shape = None
    cnt = n // SIZES[fmt]
    if cnt and cnt % 2 == 0 and rnd.random() < 0.3:
        shape = [2, cnt // 2]
    cast = f"m.cast({fmt!r})" if shape is None else f"m.cast({fmt!r}, {shape})"
    expr = rnd.choice([f"v.tolist()", f"v[{i}:{j}:{k}].tolist()", f"v.tobytes()", f"v[{i}:{j}:{k}].tobytes()", f"v.hex()",
                       f"(v.shape, v.strides, v.nbytes, v.itemsize, v.format)", f"v[{i}]", f"list(v)", f"v == {cast.replace('m.', 'memoryview(' + repr(data) + ').')}",
                       f"v[{i}:{j}:{k}] == bytes(v[{i}:{j}:{k}])" if fmt in 'Bc' else "0"])
    MV_FUZZ.append(f"(lambda m: (lambda v: {expr})({cast}))(memoryview({data!r}))")
exprs("memoryview_fuzz", MV_FUZZ)

# ---------------------------------------------------------------- run


def main():
    out = {"harness": HARNESS, "groups": []}
    total = 0
    for g in GROUPS:
        ns = {}
        exec(HARNESS + g["src"], ns)
        out["groups"].append({"name": g["name"], "src": g["src"], "results": ns["R"]})
        total += len(ns["R"])
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    data = json.dumps(out, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    with gzip.GzipFile(OUT, "wb", mtime=0) as f:
        f.write(data)
    print(f"{len(GROUPS)} groups, {total} cases, {os.path.getsize(OUT)} bytes -> {os.path.relpath(OUT, ROOT)}")


main()
