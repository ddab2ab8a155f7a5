"""Captures CPython 3.13's results for int, float and str operations (formatting, parsing, methods, codecs) as
golden data for tests/unit/objects/typesB.test.ts. Each group is a small Python program (values as source text,
one expression over them); the same harness runs under Typhon, and every result line must match.
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_typesB.py   (writes tests/golden/objects/typesB.json.gz)
"""
import sys, os, json, gzip, random

assert sys.version_info[:2] == (3, 13)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "tests", "golden", "objects", "typesB.json.gz")

# The harness every group runs under (CPython here, Typhon in the test): one result line per case, the repr of
# the value or '!' + exception type + repr of its message. repr() keeps every line free of newlines.
HARNESS = '''\
def _fmt(f):
    try:
        return repr(f())
    except Exception as e:
        return '!' + type(e).__name__ + ': ' + repr(str(e))
R = []
'''

GROUPS = []


def grid(name, a, b, expr):
    """Every a in A (source text) with every b in B."""
    GROUPS.append({"name": name, "src": f"A = {a}\nB = {b}\nfor a in A:\n    for b in B:\n        R.append(_fmt(lambda: {expr}))\n"})


def each(name, a, expr):
    GROUPS.append({"name": name, "src": f"A = {a}\nfor a in A:\n    R.append(_fmt(lambda: {expr}))\n"})


def exprs(name, items):
    body = "".join(f"R.append(_fmt(lambda: {e}))\n" for e in items)
    GROUPS.append({"name": name, "src": body})


rnd = random.Random(20261122)

# ---------------------------------------------------------------- int
INTS = "[0, 1, -1, 7, 42, -42, 255, 1000, 1234567, -1234567, 10**20, -(10**25), 2**63, 2**53+1, True]"
INT_SPECS = ['', 'd', 'b', 'o', 'x', 'X', 'n', 'c', '#b', '#o', '#x', '#X', '+d', ' d', '-d', '10d', '<10d', '>10',
             '^10', '=10', '*^12', '010d', '010x', '#010x', '-#012b', ',', '_', '_b', '_o', '_x', '#_X', ',d', '15,',
             '015,', '015_', '020_x', '08,d', ',x', ',b', '.2', 'e', 'E', 'f', '.3f', 'g', '%', '.2%', ',.2f',
             '+#x', 'z', 'zd', '5c', '+c', '#c', 'y', 's', '=^10', 'x<8', '0<8', '0>8', '0^9', '\u20ac>9,', '2,3',
             ',_', '_,', '1_000', '.', '-08.2e', '09_', '#', '+', '=+10', '<', '0', '00']
grid("int_format", INTS, repr(INT_SPECS), "format(a, b)")
INT_STRS = ['0', '00', '0_0', '1', '-1', '+7', ' 12 ', '\t-12\n', '1_000', '1__000', '_1', '1_', '0x1f', '0X1F',
            '0o17', '0b101', '0b_101', '0x_f', '0_x1', '017', '-0x10', '+0b1', 'z', 'Z', 'zz', '10', 'ff', '1e3',
            '1.5', '', ' ', '-', '+-1', '\u0661\u0662', '\uff11\uff12', '\U0001d7d9\U0001d7da', '\u0e53', '12\u00a0',
            '\u2003 7 \u3000', '9' * 30, '-' + '7' * 25, '0' * 40, '1\x00', '٣_٤', 'a' * 12, '0b', '0x', '0o8', '08',
            '0_8', '١٠', '\u00b2', 'ⅷ']
grid("int_parse", repr(INT_STRS), "[0, 2, 8, 10, 16, 36]", "int(a, b)")
each("int_parse10", repr(INT_STRS + ['2' * 4300, '3' * 4301, '-' + '1' * 4301, '0x' + 'f' * 5000]),
     "int(a) if len(a) < 100 else (int(a) % 1000)")
exprs("int_ctor", [
    "int()", "int(3.9)", "int(-3.9)", "int('12', base=0)", "int(x='3')", "int('3', 2.0)", "int('3', 1)", "int('3', 37)",
    "int('3', -1)", "int(3, 10)", "int(base=10)", "int(b'12')", "int(b' 0x1f ', 16)", "int(bytearray(b'77'), 8)",
    "int(b'\\xff')", "int(1e300) % 1000", "int(float('inf'))", "int(float('nan'))", "int([1])", "int(None)",
    "int('1' * 4301)", "int('12', 2**70)", "int(True)", "int('٣')", "int(memoryview(b'42'))", "int(2.5e16)",
    "int('0x' + 'f' * 5000, 16) % 1000", "int('1' * 5000, 2) % 1000", "int('1' * 4301, 10)",
    "str(10 ** 4300)[:5]", "str(10 ** 4299)[:5]", "repr(-10 ** 4299)[:5]", "hex(10**5000)[:6]", "'%d' % 10**5000",
    "f'{10**5000:x}'[:4]", "format(10**5000, 'd')", "format(10**5000, ',')",
])
ARITH = "[0, 1, -1, 2, -3, 7, -7, 10, 2**31, -2**31, 2**53, -2**53-3, 2**64+1, -(3**50), 10**30+7]"
grid("int_floordiv", ARITH, ARITH, "(a // b, a % b, divmod(a, b))")
grid("int_truediv", ARITH, ARITH, "a / b")
grid("int_pow", "[0, 1, -1, 2, -2, 3, 10, -7, 2**40+1]", "[0, 1, 2, 3, 5, 17, 64, -1, -2, -3]", "a ** b")
grid("int_powmod", "[0, 1, -1, 2, 3, -7, 12345678901234567, 2**70+5]", "[(0, 5), (1, 7), (5, 13), (-1, 7), (-2, 9), (3, -7), (2, 1), (5, 0), (10, 2**61-1), (-3, 2**64), (2, 6), (-1, 6)]",
     "pow(a, b[0], b[1])")
grid("int_shift", "[0, 1, -1, 5, -5, 2**40, -(2**40)-1, 2**100, -(2**100)]", "[0, 1, 3, 31, 32, 53, 64, 100, 200, -1]", "(a << b, a >> b)")
grid("int_bitops", "[0, 1, -1, 5, -6, 2**40+3, -(2**70), 2**100-1]", "[0, 3, -4, 2**60, -(2**80)+1]", "(a & b, a | b, a ^ b, ~a)")
each("int_methods", "[0, 1, -1, 5, -6, 255, -256, 2**53, 2**64-1, -(2**64), 10**30, True, False]",
     "(a.bit_length(), a.bit_count(), a.as_integer_ratio(), a.is_integer(), a.conjugate(), a.real, a.imag, "
     "a.numerator, a.denominator, abs(a), -a, +a, hash(a), a.__trunc__(), a.__floor__(), a.__ceil__(), "
     "a.__index__(), float(a), bool(a), a.__sizeof__() > 0)")
grid("int_round", "[0, 5, 15, 25, -25, 35, 125, 1234567, -1234567, 10**25 + 5 * 10**5, 2**70]",
     "[None, 0, 1, -1, -2, -3, -7, -30]", "round(a, b)")
grid("int_to_bytes", "[0, 1, -1, 127, 128, -128, -129, 255, 256, 65535, -32768, 2**64-1, -(2**63)]",
     "[(1, 'big', False), (1, 'little', True), (2, 'big', True), (2, 'little', False), (0, 'big', False), (8, 'little', True), (9, 'big', False)]",
     "a.to_bytes(*b[:2], signed=b[2])")
exprs("int_bytes_misc", [
    "(1).to_bytes()", "(255).to_bytes()", "(256).to_bytes()", "(1).to_bytes(2)", "(1).to_bytes(length=2, byteorder='little')",
    "(1).to_bytes(-1, 'big')", "(1).to_bytes(1, 'middle')", "(1).to_bytes(1, byteorder=5)", "(1).to_bytes('1')",
    "(1).to_bytes(1, 'big', True)", "int.from_bytes(b'\\x01\\x00')", "int.from_bytes(b'\\x01\\x00', 'little')",
    "int.from_bytes(b'\\xff\\xff', 'big', signed=True)", "int.from_bytes(b'', 'big', signed=True)",
    "int.from_bytes([1, 2, 3], 'big')", "int.from_bytes(bytearray(b'\\x80'), 'big', signed=True)",
    "int.from_bytes((255, 0), 'little')", "int.from_bytes([256], 'big')", "int.from_bytes('ab', 'big')",
    "int.from_bytes(5, 'big')", "int.from_bytes(b'\\x01', 'mid')", "int.from_bytes(b'\\x01' * 20, 'big')",
    "bool.from_bytes(b'\\x01', 'big')", "type(bool.from_bytes(b'\\x00'))", "int.from_bytes(memoryview(b'\\x02\\x01'), 'little')",
    "int.from_bytes(iter([1, 2]))", "int.from_bytes([-1])", "(5).to_bytes(1, signed=True)", "(-1).to_bytes(1)",
    "(True).to_bytes(2, 'big')", "int.from_bytes(b'\\x00', byteorder='big', signed=1)",
])
exprs("int_misc", [
    "round(5, None)", "round(5, 1.0)", "round(15, -1)", "round(25, -1)", "(7).__round__()", "(7).__round__(-1)",
    "divmod(7, 0)", "7 // 0", "7 % 0", "7 / 0", "0 ** -1", "2 ** -1", "(-2) ** -3", "10 ** -400",
    "pow(2, -1, 5)", "pow(2, -1, 4)", "pow(0, -1, 5)", "pow(3, 2, 0)", "pow(3, 2.0, 5)", "pow(3, 2, 5.0)",
    "1 << -1", "1 >> -1", "1 << 2**70", "0 << 2**70", "(-5) >> 2**70", "5 >> 2**70", "int.__new__(bool, 1)",
    "(2**1000) / 3", "(2**2000) / 1", "1 / (2**2000)", "(10**400) / (10**399)", "(-(2**1100)) / (2**80)",
    "(2**53 + 1) / 1", "float(2**53 + 1)", "float(2**1024)", "float(2**1024 - 2**970)", "float(2**1024 - 2**969)",
    "int.__pow__(2, 3, None)", "int.__pow__(2, 3, 5)", "int.__rpow__(3, 2, 5)", "(5).__rpow__(2)", "True + True",
    "True & False", "True | 2", "~True", "-True", "True ** 2", "bool(0)", "int.bit_length(True)", "(3).__format__('')",
    "int.__floordiv__(5, 2.0)", "(5).__truediv__(2)", "(5).__rtruediv__(2)", "divmod(-7, 2)", "divmod(7, -2)",
    "divmod(-2**70, 3)", "(-2**70) % 3", "hash(-1)", "hash(2**61 - 1)", "hash(2**61)", "hash(-(2**61))", "hash(2**64)",
    "hash(-2**100 - 1)", "(12).__index__()", "int.__index__(True)", "operator_fail if False else 1",
    "0x_1", "0b1_0", "1_0", "int('+0_0')", "int(' -0 ')", "bin(-5)", "oct(-8)", "hex(-255)", "bin(2**70)",
])

PROTO_SETUP = (
    "class I:\n    def __init__(self, v): self.v = v\n    def __index__(self): return self.v\n"
    "class N:\n    def __init__(self, v): self.v = v\n    def __int__(self): return self.v\n"
    "class F:\n    def __init__(self, v): self.v = v\n    def __float__(self): return self.v\n"
    "class T:\n    def __trunc__(self): return 7\n"
    "class SI(int): pass\n"
    "class SF(float): pass\n"
    "class SS(str): pass\n"
)
GROUPS.append({"name": "number_protocols", "src": PROTO_SETUP + "".join(f"R.append(_fmt(lambda: {e}))\n" for e in [
    "int(I(5))", "int(I(True))", "int(I(2.5))", "int(N(5))", "int(N(True))", "int(N('x'))", "int(N(2**70))", "float(F(1.5))",
    "float(F(2))", "float(F(SF(2.5)))", "type(float(F(SF(2.5))))", "float(I(3))", "float(I(2**1100))", "float(N(3))",
    "int(T())", "int(SI(5))", "type(int(SI(5)))", "type(+SI(5))", "type(abs(SI(-5)))", "type(SI(5) + 0)", "SI(5) == 5",
    "repr(SI(7))", "str(SI(7))", "format(SI(7), 'x')", "type(SF(1.5) * 1)", "repr(SF(1.5))", "float(SS('1.5'))",
    "int(SS('12'))", "int(SS(' 12 '), 8)", "SS('ab').upper()", "type(SS('ab').upper())", "type(SS('ab') + 'c')",
    "type(SS('ab')[0])", "type(str(SS('x')))", "hex(I(255))", "oct(I(8))", "bin(I(5))", "hex(N(5))", "round(SF(2.5))",
    "range(I(3))", "[1, 2, 3][I(1)]", "'abc'[I(-1)]", "'%d' % I(5)", "'%x' % I(255)", "'%d' % N(5)", "'%x' % N(5)",
    "'%f' % I(2)", "'%f' % F(2.5)", "'%d' % F(2.5)", "'%c' % I(65)", "format(I(5), 'd')", "pow(I(2), I(3))",
    "divmod(SI(7), 2)", "int.__add__(5, 2.0)", "float.__add__(1.5, 1)", "(5).__eq__(5.0)", "(5.0).__eq__(5)",
    "(2**53 + 1) == float(2**53 + 1)", "int.__new__(SI, 5)", "float.__new__(SF, '2.5')", "str.__new__(SS, 5)",
    "int.__new__(str, 5)", "int.__new__(int, 'x', 16)", "float('1e-400')", "float('-0')", "int('-0')",
    "int(2.9999999999999996)", "int(-0.0)", "int(1e20)", "int(-1e20)", "float(True)", "complex_fail if False else -0.0 == 0.0",
    "True.__class__.__name__", "(True).real.__class__", "(1.5).__int__()", "(1.5).__float__()", "(7).__float__()",
    "bool.__new__(bool, 5)", "bool(-0.0)", "bool(float('nan'))", "int.__floor__(SI(3))", "(3).__round__(I(-1))",
    "round(1234, I(-2))", "round(12.345, I(1))", "round(1.5, N(1))", "1 .__lt__(2.5)", "(2.5).__lt__(1)",
])})

NUM_ARGS = "[(), (None,), (1,), ('a',), (1, 2), (1, 'big'), (2, 'little', 'x'), (1.5,), (True,), (-1,), (2**70,), (b'ab',)]"
grid("int_method_args", repr(sorted(n for n in dir(int) if not n.startswith("_") or n in ("__format__", "__round__", "__sizeof__",
     "__getnewargs__", "__trunc__", "__floor__", "__ceil__", "__index__"))), NUM_ARGS, "getattr(-300, a)(*b)")
grid("int_method_kwargs", "['to_bytes', 'from_bytes', 'bit_length', '__round__', '__format__']",
     "[{'length': 2}, {'byteorder': 'little'}, {'signed': True}, {'bytes': b'a'}, {'ndigits': 1}, {'x': 1}, {'length': 2, 'byteorder': 'big', 'signed': 1}]",
     "getattr(300, a)(**b) if a != 'from_bytes' else int.from_bytes(**b)")
grid("float_method_args", repr(sorted(n for n in dir(float) if not n.startswith("_") or n in ("__format__", "__round__",
     "__trunc__", "__floor__", "__ceil__", "__getnewargs__", "__getformat__"))), NUM_ARGS, "getattr(-2.5, a)(*b)")

# ---------------------------------------------------------------- float
fvals = [0.0, -0.0, 1.0, -1.5, 0.1, 0.5, 2.5, 1e16, 1e-5, 1e-4, 1e22, 1.5e300, 5e-324, 2.2250738585072014e-308,
         1.7976931348623157e308, 123456789.0, 0.000123456, 3.141592653589793, 2.675, 1.005, 0.125, 0.375,
         9.995, 9.9999, 999999.5, 1e15, 123456789012345678.0, 1/3, 2/3, 100.0, 1e100, 4.35, 0.045]
for _ in range(60):
    e = rnd.randint(-330, 310)
    fvals.append(float(f"{rnd.random():.17g}e{e}"))
for _ in range(40):
    fvals.append(rnd.randint(0, 10**rnd.randint(1, 8)) / 10**rnd.randint(0, 5))
FVALS = "[" + ", ".join(repr(x) if x == x and abs(x) != float('inf') else "float('%r')" % x for x in fvals) + \
    ", float('inf'), float('-inf'), float('nan')]"
each("float_repr", FVALS, "(repr(a), str(-a), a.hex(), float.fromhex(a.hex()) == a or a != a, a.as_integer_ratio() if a == a and abs(a) != float('inf') else 0, a.is_integer(), hash(a) if a == a else 0)")
FLOAT_SPECS = ['', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n', '.0e', '.1e', '.3e', '.20e', '.0f', '.1f', '.2f', '.3f', '.10f',
               '.30f', '.0g', '.1g', '.2g', '.3g', '.10g', '.17g', '.25g', '.0%', '.1%', '#.0f', '#.0e', '#g', '#.3g',
               '#', '.3', '.0', '.1', '.12', '#.4', '+', ' ', '-', '+.2e', '012.3f', '<12.2f', '>12', '^15.3e',
               '=+12.1f', '*^20,.2f', ',', '_', ',.2f', '_.3f', '015,.2f', '020_.1f', ',g', ',e', ',%', 'z.1f',
               'z', 'z.0f', '+z.2e', 'zg', ',.0f', 'x', 'd', '.2n', '10n', '.3s', ',n', '0=12.3', '010', '#010.0f',
               '.100f', '.120e', '.60g']
grid("float_format", FVALS, repr(FLOAT_SPECS), "format(a, b)")
PCT_SPECS = ['%f', '%e', '%g', '%E', '%G', '%F', '%.2f', '%.0e', '%10.3f', '%-10.3f', '%+.3g', '% g', '%#g', '%#.0f',
             '%010.2f', '%.15g', '%.17g', '%r', '%s', '%a', '%d', '%i', '%x', '%.3e', '%#.3x', '%.0f', '%.60f']
grid("float_percent", FVALS, repr(PCT_SPECS), "b % a")
grid("float_round", FVALS, "[None, 0, 1, 2, 3, -1, -2, 5, 15, 17, 300, -300, 400, -400]", "round(a, b)")
FSTRS = ['1', '1.', '.1', '.', '1e5', '1E-5', '1e', 'e5', '+1.5', '-1.5', ' 3.25 ', '\n4\t', '1_0.5', '1__0', '_1',
         '1_', '1._5', '1.5_', '1e1_0', '1_e1', 'inf', '-inf', '+INF', 'infinity', '-Infinity', 'iNfInItY', 'infinit',
         'nan', '-nan', '+NaN', 'nan(1)', '0x10', '1e500', '-1e500', '1e-500', '\u0661.\u0662', '\uff11\uff12.5', '',
         ' ', '1 2', '1.5j', '0.1e-1_0', '00.5', '12345678901234567890.123456789e-10', '2.4703282292062327e-324',
         '2.4703282292062328e-324', '1.7976931348623158e308', '1.7976931348623159e308', '9' * 400, '0.' + '0' * 400 + '1',
         '\u2003 5 ', '5\x00', '١e٣', 'in f', '- 1', '1e+', '1e-']
each("float_parse", repr(FSTRS), "float(a)")
each("float_parse_b", repr([s.encode() for s in FSTRS if s.isascii()]), "float(a)")
FHEX = ['0x1p0', '0x1.8p1', '-0x1p-1074', '0x1p-1075', '0x1.0000000000001p-1074', '0x3p-1076', '0x1.fffffffffffffp1023',
        '0x1.fffffffffffff8p1023', '0x2p1023', '1', 'a', '0x.8', '0X.8P+1', ' 0x1p1 ', 'inf', '-Infinity', 'nan', 'x',
        '0x', '0x1p', '0x1.p1', '0x.p1', '0x1g', '0x1p1.5', '1p1', '0x1p+', '+0x1p-2', '0x1.23456789abcdef0123p0',
        '0x0.0000000000001p-1022', '0x1p-1022', '0x1.0000000000000fp0', '0x1.00000000000008p0', '0x1.00000000000018p0',
        '0x1p99999999999999', '0x0p99999999999999', '0x1p-99999999999999']
each("float_fromhex", repr(FHEX), "float.fromhex(a)")
FARITH = "[0.0, -0.0, 1.0, -1.0, 2.5, -7.5, 3.0, 1e308, 5e-324, float('inf'), float('-inf'), float('nan'), 7, -3]"
grid("float_arith", FARITH, FARITH, "(a // b, a % b, divmod(a, b), a / b)")
grid("float_pow", "[0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, 10.0, 1e300, float('inf'), float('-inf'), float('nan')]",
     "[0.0, -0.0, 1.0, -1.0, 2.0, 3.0, 0.5, -0.5, 1e300, -1e300, float('inf'), float('-inf'), float('nan'), 2, -3]", "a ** b")
exprs("float_misc", [
    "float()", "float(x=1)", "float('1', '2')", "float(None)", "float([1])", "float(b'1.5')", "float(bytearray(b' 2 '))",
    "float(memoryview(b'3'))", "float(2**1024)", "float(10**400)", "float.__getformat__('double')",
    "float.__getformat__('float')", "float.__getformat__('x')", "float.__getformat__(1)", "(2.5).__trunc__()",
    "(-2.5).__floor__()", "(-2.5).__ceil__()", "(2.5).__round__()", "(3.5).__round__()", "(-0.5).__round__()",
    "round(float('inf'))", "round(float('nan'))", "round(1e300)", "round(2.5, None)", "round(1.5, 1.0)",
    "math_fail if False else (1.5).conjugate()", "(1.5).real", "(1.5).imag", "float.fromhex(1)", "float.fromhex('0x1', 2)",
    "float.hex(1)", "(0.0).hex()", "(-0.0).hex()", "(1e-320).hex()", "float('inf').hex()", "float.fromhex('0x1p1') .is_integer()",
    "divmod(5.0, 0)", "5.0 // 0.0", "5.0 % 0", "5.0 / 0", "0.0 ** -1",
    "1e308 * 10", "2.0 ** 10000", "(-2.0) ** 10001", "10.0 ** -400", "pow(2.0, 3, 5)", "1.5 .as_integer_ratio()",
    "float('nan').as_integer_ratio()", "float('-inf').as_integer_ratio()", "(0.1).as_integer_ratio()",
    "int(1e16)", "int(-1.9)", "int(5e-324)", "float.__new__(float, '1.5')", "hash(0.5)", "hash(-0.0)", "hash(1e100)",
    "hash(float('inf'))", "hash(float('-inf'))", "1.0 == 1", "2**53 + 1 == 2.0**53", "2**53 + 1 > 2.0**53",
    "float('nan') == float('nan')", "10**400 > 1e308", "-10**400 < float('-inf')", "1e308 < 10**309",
    "0.1 + 0.2", "1e16 + 1", "-0.0 + 0.0", "-0.0 - 0.0", "str(1e16)", "str(1e-5)", "repr(1e-4)", "repr(123456789012345678.0)",
    "f'{1.5:{2}.{3}}'", "format(1.5, '')", "format(-0.0, '')", "format(1e300, ',.0f')[:10]", "'%.400f' % 1.0",
    "'%.3f' % 2.0675", "'%.2f' % 2.675", "'%.0f' % 0.5", "'%.0f' % 1.5", "'%.0f' % 2.5", "'%.1e' % 2.25",
    "float('0.1') .__repr__()", "(1.0).__format__('.2f')", "float.__format__(1.0, 1)", "float('1e-7')", "float('1e16')",
])

# Random doubles built in-program (an LCG over mantissa and exponent) so the fixture holds only results.
GROUPS.append({"name": "float_random", "src": """\
_s = 12345
def _rand(n):
    global _s
    _s = (_s * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return _s >> (64 - n)
for _k in range(2500):
    _e = _rand(11) - 1075 if _k % 3 else _rand(7) - 64
    _x = float.fromhex('%s0x1.%013xp%d' % ('-' if _rand(1) else '', _rand(52), _e))
    _p = _rand(5)
    R.append(_fmt(lambda: (repr(_x), format(_x, '.%de' % _p), format(_x, '.%dg' % (_p + 1)), '%.*f' % (_p % 20, _x) if abs(_x) < 1e22 else '', round(_x, _p - 10), _x.as_integer_ratio()[1].bit_length())))
"""})

def mathdata(name):
    import sysconfig
    with open(os.path.join(sysconfig.get_paths()["stdlib"], "test", "mathdata", name), encoding="utf-8") as f:
        return [ln.strip() for ln in f if ln.strip() and not ln.startswith(("--", "#"))]


# Lib/test/mathdata: test_float's format test file and its binary-to-decimal conversion numbers.
FFT = [tuple(ln.split("->")[0].split()) for ln in mathdata("formatfloat_testcases.txt")]
each("float_formatfile", repr(FFT), "(a[0] % float(a[1]), a[0] % -float(a[1]), format(float(a[1]), a[0][1:]))")
each("float_points", repr(mathdata("floating_points.txt")), "(repr(float(a)), float(repr(float(a))) == float(a), '%.17g' % float(a), str(-float(a)))")

GROUPS.append({"name": "float_pow_random", "src": """\
_s = 777
def _rand(n):
    global _s
    _s = (_s * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return _s >> (64 - n)
for _k in range(1500):
    _x = float.fromhex('0x1.%013xp%d' % (_rand(52), _rand(9) - 256 if _k % 2 else _rand(4) - 8))
    _y = float.fromhex('%s0x1.%013xp%d' % ('-' if _rand(1) else '', _rand(52), _rand(4) - 10))
    R.append(_fmt(lambda: (_x ** _y, _x ** -1.5)))
"""})

# ---------------------------------------------------------------- str
STRS = ["''", "'abc'", "'Hello World'", "'  spaced  out  '", "'a,b,,c'", "'line1\\nline2\\r\\nline3\\rline4'",
        "'tab\\there\\tx'", "'ß straße'", "'ǅungla ǈ'", "'ΣΑΣ ΌΣΟΣ'", "'ﬁne ﬂow'", "'İstanbul'", "'ŉ'", "'\\u1e9e'",
        "'日本語テキスト'", "'x\\x1cy\\x1dz\\x1e\\x1f\\x85w\\u2028v\\u2029u\\x0b\\x0c'", "'MiXeD cAsE 123'",
        "'hello_world123'", "'12abc'", "'\\U0001d400\\U0001d41a'", "'a\\ud800b'", "'\\t \\n'", "'ǰ'", "'ΐ'",
        "'Σ'", "'aΣ'", "'aΣb'", "'aΣ.'", "'.Σ'", "'A\\u0345Σ'", "'ⅷⅧ'", "'ᾳᾼ'", "'٣٤'", "'\\xb2\\xbd'"]
STRS_SRC = "[" + ", ".join(STRS) + "]"
each("str_case", STRS_SRC, "(a.upper(), a.lower(), a.casefold(), a.title(), a.capitalize(), a.swapcase())")
each("str_pred", STRS_SRC, "(a.isalpha(), a.isalnum(), a.isdecimal(), a.isdigit(), a.isnumeric(), a.isspace(), "
     "a.islower(), a.isupper(), a.istitle(), a.isidentifier(), a.isprintable(), a.isascii())")
each("str_split", STRS_SRC, "(a.split(), a.rsplit(), a.split(None, 1), a.rsplit(None, 1), a.split(' '), a.split(','), "
     "a.rsplit(',', 1), a.splitlines(), a.splitlines(True), a.split(maxsplit=0), a.rsplit(maxsplit=0), a.split('b', -1))")
each("str_misc", STRS_SRC, "(a.partition(' '), a.rpartition(' '), a.expandtabs(), a.expandtabs(3), a.center(20, '*'), "
     "a.ljust(15), a.rjust(15, '-'), a.zfill(12), a.strip(), a.strip('a'), a.lstrip(' a'), a.rstrip('\\n'), "
     "a.swapcase().swapcase() == a, a.find('a'), a.rfind('a', 1), a.count(''), a.count('a', -5), a.replace('a', 'XY', 1), "
     "a.replace('', '-'), a.removeprefix('a'), a.removesuffix('c'), a.encode('utf-8', 'surrogatepass'))")
exprs("str_methods_err", [
    "'a'.split('')", "'a'.rsplit('')", "'a'.split(1)", "'a b'.split(sep=None, maxsplit=1)", "'abc'.split('b', maxsplit='1')",
    "'a'.center()", "'a'.center(5, 'ab')", "'a'.center(5, '')", "'a'.ljust(3.0)", "'a'.zfill('3')", "'a'.expandtabs(tabsize=2)",
    "'\\tx'.expandtabs(-1)", "'a'.partition('')", "'a'.partition(None)", "'a'.rpartition('')", "'abc'.replace('b')",
    "'abc'.replace('b', 'c', count=1)", "'abc'.replace('b', 'c', -1)", "'abc'.startswith(('x', 'a'))",
    "'abc'.startswith(['a'])", "'abc'.endswith('c', 0, 2)", "'abc'.endswith(('c',), -1)", "'abc'.find('c', None, None)",
    "'abc'.index('z')", "'abc'.rindex('z')", "'abc'.find(1)", "'abc'.count('b', 1, 100)", "'abc'.strip(1)",
    "'abc'.join(['x', 1])", "','.join('abc')", "','.join([])", "''.join(['a', b'b'])", "'a'.removeprefix(1)",
    "'%s'.format(1)", "'{}'.format()", "'{0}{}'.format(1, 2)", "'{}{0}'.format(1, 2)", "'{a}'.format(b=1)",
    "'{0.real}'.format(5)", "'{0[1]}'.format('ab')", "'{0[x]}'.format({'x': 3})", "'{0[-1]}'.format({'-1': 3})",
    "'{!r}'.format('x')", "'{!a}'.format('é')", "'{!s:>5}'.format(1)", "'{!x}'.format(1)", "'{!}'.format(1)",
    "'{:{}}'.format(1, 5)", "'{:{}{}}'.format(1, '>', 5)", "'{0:{1}}'.format(1, 5)", "'{:{}}'.format(1)",
    "'{'.format()", "'}'.format()", "'{{}}'.format()", "'{:{:{}}}'.format(1, 2, 3)", "'{0!r:^9}'.format('ab')",
    "'{0.}'.format(1)", "'{0[}'.format(1)", "'{0]}'.format(1)", "'{0[0]x}'.format([1])", "'{0:}'.format('x')",
    "'{a.b}'.format_map({'a': 1})", "'{x}'.format_map({'x': 'y'})", "'{}'.format_map({})", "'{x}'.format_map({})",
    "'{0:s}'.format(1)", "'{0:d}'.format('x')", "'{:=5}'.format('x')", "'{:+}'.format('x')", "'{:,}'.format('x')",
    "'{:#}'.format('x')", "'{:05}'.format('x')", "'{:.2}'.format('xyz')", "'{:^7.1}'.format('xyz')", "format('x', 'd')",
    "format('abc', '*<6')", "format(None, '')", "format(None, 's')", "format(object, 'x')[:0]", "'{:\\x00^5}'.format(1)",
    "'{0:{0}}'.format(5)", "'{0!r:{1}}'.format(1, 4)", "'{:%}'.format(0.25)", "'{:n}'.format(1234.5)",
    "'{0} {1} {0}'.format('a', 'b')", "'{:>{w}}'.format('a', w=4)", "'{.__class__.__name__}'.format(1)",
    "'{0[0][1]}'.format(['xy'])", "'{0[0]'.format([1])", "'{0!r'.format(1)", "'{0!rr}'.format(1)", "'{:}}'.format(1)",
    "'x'.maketrans('ab', 'cd')", "str.maketrans({'a': 1, 'b': 'x', 'c': None})", "str.maketrans({'ab': 1})",
    "str.maketrans({1: 2})", "str.maketrans('ab', 'c')", "str.maketrans('a', 'b', 'c')", "str.maketrans(1)",
    "str.maketrans('a')", "str.maketrans({}, 'x')", "'abc'.translate({97: 'xy', 98: None})", "'abc'.translate({97: 1000})",
    "'abc'.translate({97: 0x110000})", "'abc'.translate({97: 1.5})", "'abc'.translate(str.maketrans('abc', 'xyz', 'b'))",
    "'abc'.translate('xyz' * 40)", "'abc'.translate([])", "'abc'.translate(5)", "'\\u1234x'.translate({0x1234: 'é'})",
    "'ab'.isidentifier()", "'_'.isidentifier()", "'1a'.isidentifier()", "'℘'.isidentifier()", "'a℮'.isidentifier()",
    "'\\u00b7a'.isidentifier()", "'a\\u00b7'.isidentifier()", "''.isidentifier()", "'\\x7f'.isprintable()",
    "'\\xad'.isprintable()", "' '.isprintable()", "'\\u3000'.isprintable()", "'\\U000e0001'.isprintable()",
    "'abc'.encode('ascii', 'strict')", "str.upper(1)", "str.upper('a', 'b')", "'x'.__getnewargs__()", "'ab'.__mod__(())",
    "str(b'ab')", "str(b'ab', 'ascii')", "str(b'\\xff', 'ascii', 'ignore')", "str(b'\\xff', errors='replace')",
    "str(1, 'ascii')", "str('a', 'ascii')", "str(encoding='x')", "str(bytearray(b'x'), 'latin-1')", "str(object=5)",
    "'abc'[::-1]", "'abc'[5:]", "'abc'[10]", "'abc'['x']", "'a' * -1", "'a' * 2.0", "'a' + 1", "1 + 'a'", "'a' < 1",
    "'abc' in 'xabcx'", "1 in 'abc'", "'ab' * 3", "3 * 'ab'", "'a' < 'b' < 'ba'", "'\\U0001f600' > '\\uffff'",
    "'a\\ud800'.encode()", "'\\ud800'.encode('utf-16')", "'abc'.casefold(1)", "'a'.splitlines(keepends=True)",
    "'a\\nb'.splitlines(1)", "'x'.title().istitle()", "'ǅ'.istitle()", "'ǅa'.istitle()", "'Aǅ'.istitle()",
])

METHOD_CALLS = [
    "a.find('a', 1)", "a.find('', 3)", "a.find('', 100)", "a.rfind('')", "a.rfind('l', 0, -2)", "a.index('a') if 'a' in a else -9",
    "a.count('a', 0, 3)", "a.count('', 2, 1)", "a.count('', -100, 100)", "a.startswith('a', 1)", "a.startswith('', 100)",
    "a.startswith('', len(a))", "a.endswith(('x', ''), 2, 1)", "a.endswith('c', -100, 100)", "a.find('b', -3, -1)",
    "a.split('a')", "a.split('a', 1)", "a.rsplit('a', 1)", "a.split(' ', -1)", "a.rsplit(' ', 2)", "a.split('  ')",
    "a.splitlines(keepends=False)", "a.partition('a')", "a.rpartition('a')", "a.partition('ab')", "a.rpartition('xyz')",
    "a.center(0)", "a.center(len(a) + 1, '+')", "a.center(len(a) + 2)", "a.center(len(a) + 3, '.')", "a.ljust(-5)",
    "a.rjust(len(a) + 1, '\u20ac')", "a.zfill(len(a) + 3)", "('-' + a).zfill(len(a) + 4)", "('+' + a).zfill(2)",
    "a.expandtabs(0)", "a.expandtabs(1)", "a.expandtabs(8)", "('\t' + a + '\t').expandtabs(4)", "a.replace('', '.', 2)",
    "a.replace('a', '')", "a.replace('a', 'A', 0)", "a.replace('a', 'bb', -5)", "a.replace(a, 'X')", "a.strip('sa ')",
    "a.lstrip('')", "a.rstrip(None)", "a.removeprefix('')", "a.removeprefix(a)", "a.removesuffix(a[1:])",
    "a * 2", "a[::2]", "a[-3:]", "a[1:-1:3]", "a[::-2]", "len(a)", "repr(a)", "ascii(a)", "str(a) == a", "a.__len__()",
    "a < 'b'", "a >= 'ab'", "hash(a) == hash(a + '')", "a.__contains__('a')", "list(a)[:4]", "a.title().istitle()",
    "a.join(['1', '2', '3'])", "a.encode('utf-16-le', 'surrogatepass')[:8]", "a.encode('ascii', 'backslashreplace')",
    "a.encode('latin-1', 'xmlcharrefreplace')", "a.encode('ascii', 'namereplace')", "f'{a!r:>20}'", "f'{a:^{len(a) + 2}}'",
    "'%-10s|%5.2s|' % (a, a)", "'%r' % a", "'%a' % a", "format(a, '.3')", "format(a, '_<12')",
]
grid("str_methods", STRS_SRC, repr(METHOD_CALLS), "eval(b, {'a': a})")
CHARS = "[chr(c) for c in list(range(0, 0x250)) + list(range(0x370, 0x400)) + list(range(0x1e00, 0x1f20)) + list(range(0x2000, 0x2070)) + list(range(0x2150, 0x2190)) + list(range(0x3000, 0x3010)) + [0xfb00, 0xfb01, 0xfb13, 0x10400, 0x10428, 0x1d7ce, 0x1f600, 0xe0001, 0xd800, 0xdfff, 0xfeff, 0x110000 - 1]]"
each("str_chars", CHARS, "(a.upper(), a.lower(), a.title(), a.casefold(), a.isalpha(), a.isdigit(), a.isdecimal(), "
     "a.isnumeric(), a.isspace(), a.isprintable(), a.isidentifier(), a.isupper(), a.islower(), a.istitle(), repr(a), "
     "('x' + a + 'y').split(), a.encode('utf-8', 'surrogatepass'), a.encode('ascii', 'namereplace'))")

STR_METHODS = sorted(n for n in dir(str) if not n.startswith("_") or n in ("__format__", "__sizeof__", "__getnewargs__"))
grid("str_method_args", repr(STR_METHODS),
     "[(), (None,), (1,), ('a',), ('a', 'b'), ('a', 'b', 'c', 'd', 'e'), (1.5,), (b'a',), (True,), ('', 0), ('a', -1), ('ab', 1, None), (2**70,)]",
     "getattr('a\\tbc', a)(*b)")
grid("str_method_kwargs", repr(STR_METHODS), "[{'x': 1}, {'sep': 'b'}, {'maxsplit': 1}, {'keepends': True}, {'tabsize': 2}, {'encoding': 'ascii'}, {'errors': 'ignore'}, {'count': 1}]",
     "getattr('a b\\nc', a)(**b)")

OPS = ["a + b", "a - b", "a * b", "a / b", "a // b", "a % b", "a ** b", "a << b", "a >> b", "a & b", "a | b", "a ^ b",
       "a < b", "a <= b", "a == b", "a != b", "a > b", "a >= b", "divmod(a, b)", "pow(a, b, 7)"]
GROUPS.append({"name": "binary_ops", "src": (
    "A = [0, 1, -3, 2**70, True, 1.5, -0.0, float('inf'), float('nan'), 'ab', '', 7]\n"
    f"OPS = {OPS!r}\n"
    "for a in A:\n    for b in A:\n        for op in OPS:\n"
    "            if op in ('a ** b', 'a << b') and type(b) is int and b > 1000: continue\n"
    "            R.append(_fmt(lambda: eval(op, {'a': a, 'b': b})))\n")})
each("str_slicing", repr(["", "abc", "a\U0001f600b\U0001f601c", "\udfffxy\ud800", "\U00010000\uffff\U0010ffff"]),
     "([a[i:j:k] for i in (None, 0, 1, -1, -3, 9) for j in (None, 0, 2, -1, 10) for k in (None, 1, 2, -1, -2)], "
     "[a[i] if -len(a) <= i < len(a) else None for i in range(-6, 6)], sorted(set(a)), a < '\uffff', a > '\U00010000', "
     "[c < '\ue000' for c in a], list(reversed(a)), a.find('\U0001f600'), a.rfind('c'), a.split('\U0001f600'), len(a))")

PCT = [("'%s'", "'x'"), ("'%r'", "'x'"), ("'%a'", "'é'"), ("'%d'", "3.7"), ("'%d'", "'3'"), ("'%i'", "-5"), ("'%u'", "7"),
       ("'%x'", "255"), ("'%X'", "-255"), ("'%o'", "8"), ("'%#x'", "255"), ("'%#o'", "8"), ("'%#X'", "0"), ("'%c'", "65"),
       ("'%c'", "'z'"), ("'%c'", "'zz'"), ("'%c'", "0x110000"), ("'%c'", "-1"), ("'%c'", "1.5"), ("'%5s|'", "'ab'"),
       ("'%-5s|'", "'ab'"), ("'%.1s'", "'ab'"), ("'%*d'", "(5, 3)"), ("'%-*d|'", "(5, 3)"), ("'%.*f'", "(2, 3.14159)"),
       ("'%*.*f'", "(8, 2, 3.14159)"), ("'%*d'", "(-5, 3)"), ("'%*d'", "('5', 3)"), ("'%.*f'", "('x', 1.0)"),
       ("'%(a)s %(b)d'", "{'a': 1, 'b': 2}"), ("'%(a)s'", "{}"), ("'%(a)s %s'", "{'a': 1}"), ("'%s %(a)s'", "{'a': 1}"),
       ("'%(a'", "{'a': 1}"), ("'%()s'", "{'': 5}"), ("'%(a)*d'", "{'a': 1}"), ("'%s %s'", "(1,)"), ("'%s'", "(1, 2)"),
       ("'%s'", "()"), ("'%s'", "[1, 2]"), ("'%s'", "{'a': 1}"), ("'%%'", "()"), ("'%%'", "5"), ("'%'", "1"),
       ("'%z'", "1"), ("'%y'", "1"), ("'%\\u20ac'", "1"), ("'% d'", "5"), ("'%+d'", "5"), ("'%+ d'", "5"), ("'%05d'", "-3"),
       ("'%-05d|'", "-3"), ("'%.3d'", "7"), ("'%.3x'", "-7"), ("'%#.3o'", "7"), ("'%5.3d'", "7"), ("'%d'", "2**70"),
       ("'%x'", "-2**70"), ("'%d'", "True"), ("'%x'", "1.0"), ("'%d'", "None"), ("'%s %s'", "(None, True)"),
       ("'%r'", "None"), ("'%f'", "'x'"), ("'%e'", "2**2000"), ("'%f'", "2**70"), ("'%g'", "10**20"), ("'%.0e'", "5"),
       ("'%s'", "b'x'"), ("'%a'", "'\\U0001f600'"), ("'%c'", "'\\U0001f600'"), ("'%10c|'", "'x'"), ("'%-3c|'", "120"),
       ("'%s%s'", "('a', 'b', 'c')"), ("'abc'", "5"), ("'abc'", "()"), ("'abc'", "{}"), ("'abc'", "[]"),
       ("'%(x)s'", "5"), ("'%(x)s'", "[1]"), ("'%s'", "(1,)"), ("'%0*d'", "(5, 42)"), ("'%(k)05.1f'", "{'k': 2.25}"),
       ("'% 5.1f|%-+8.2e|'", "(1.25, -3.5)"), ("'%#5x|%#-6o|'", "(31, 9)"), ("'%d'", "'x'"), ("'%i'", "[]"),
       ("'%o'", "1.5"), ("'%ld %hd %Ld'", "(1, 2, 3)"), ("'%s'", "'\\ud800'"), ("'%(a)%'", "{'a': 1}"), ("'%(a)%'", "{}"),
       ("'%5%'", "()"), ("'%5%'", "(1,)"), ("'% %'", "(1,)"), ("'%.%'", "()"), ("'%-5%|'", "('x',)"), ("'abc'", "b'x'"),
       ("'%s'", "b'x'"), ("'abc'", "'x'"), ("'abc'", "bytearray(b'x')")]
exprs("str_percent", [f"{f} % {v}" for f, v in PCT])

ENC_STRS = ["'abc'", "'é€'", "'\\U0001f600x'", "'a\\ud800b'", "'\\udcff\\udc80'", "'\\x00\\x7f\\x80\\xff'",
            "'\\u0100\\uffff'", "'𝔘\\u0300'", "'\\ude00\\ud83d'", "'\\uffef\\ufeff'"]
ENC = ['utf-8', 'utf8', 'UTF-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'latin-1',
       'latin1', 'iso-8859-1', 'ascii', 'us-ascii', 'utf_8', 'U8', 'cp1252?', 'bogus', 'raw_unicode_escape?',
       'unicode_escape?']
ERRS = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape',
        'surrogatepass', 'bogus']
grid("str_encode", "[" + ", ".join(ENC_STRS) + "]",
     repr([(e, r) for e in ENC if not e.endswith('?') for r in ERRS] + [(e, 'strict') for e in ENC if e.endswith('?')]),
     "a.encode(b[0].rstrip('?'), b[1])")
DEC_BYTES = ["b'abc'", "b'\\xc3\\xa9\\xe2\\x82\\xac'", "b'\\xff\\xfe'", "b'\\xfe\\xff\\x00a'", "b'a\\x80b'",
             "b'\\xed\\xa0\\x80'", "b'\\xf0\\x9f\\x98\\x80'", "b'\\xf0\\x9f\\x98'", "b'\\xc3'", "b'\\xe2\\x82'",
             "b'\\xf8\\x88\\x80\\x80\\x80'", "b'\\xc0\\xaf'", "b'\\xed\\xb2\\x80x'", "b'\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00'",
             "b'a\\x00b'", "b'\\x00\\xd8\\x00\\xdc'", "b'\\x00\\xd8a\\x00'", "b'\\xef\\xbb\\xbfx'", "b'\\xf4\\x90\\x80\\x80'",
             "b'\\x80'", "b'abc\\xffdef\\xfe'", "b'\\x00\\x00\\x11\\x00'"]
DEC = ['utf-8', 'utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'latin-1', 'ascii']
DERRS = ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass']
grid("bytes_decode", "[" + ", ".join(DEC_BYTES) + "]", repr([(e, r) for e in DEC for r in DERRS]),
     "a.decode(b[0], b[1])")
exprs("codec_misc", [
    "'abc'.encode(encoding='ascii')", "'abc'.encode(errors='strict')", "'abc'.encode('ascii', errors=1)",
    "'abc'.encode(1)", "'abc'.encode('utf-8', 'strict', 3)", "b'abc'.decode(encoding='ascii')", "b'abc'.decode(1)",
    "b'\\xff'.decode()", "b'\\xff'.decode('ascii')", "'\\xff'.encode('ascii')", "'\\u20ac'.encode('latin-1')",
    "b'\\xff\\xfe'.decode('utf-16')", "b''.decode('utf-16')", "''.encode('utf-16')", "''.encode('utf-32')",
    "'a'.encode('utf-16')", "b'\\xfe\\xff\\x00a'.decode('utf-16')", "b'a'.decode('utf-16')", "b'a\\x00b'.decode('utf-32')",
    "bytearray(b'ab').decode()", "str(b'\\xe9', 'latin-1')", "'x'.encode('UTF_8')", "'x'.encode(' utf-8 ')",
    "'x'.encode('utf 8')", "'\\udc80'.encode('utf-8', 'surrogateescape')", "'\\udc7f'.encode('utf-8', 'surrogateescape')",
    "b'\\x80abc'.decode('ascii', 'surrogateescape').encode('ascii', 'surrogateescape')", "len('\\U0001f600'.encode('utf-16'))",
    "'\\U0001f600'.encode('utf-16-le')", "b'=\\xd8\\x00\\xde'.decode('utf-16-le')", "b'\\xd8=\\xde\\x00'.decode('utf-16-be')",
])

ESC_BYTES = [b'a\\', b'\\x4', b'\\x4g', b'\\x41\\x4A', b'\\u12', b'\\u00e9', b'\\U0011ffff', b'\\U0001F600',
             b'\\N{LATIN SMALL LETTER A}', b'\\N{xx}', b'\\N{', b'\\N', b'\\Nx', b'\\N{}', b'\\q', b'\\777', b'\\0', b'\\12x',
             b'\\\n', b'\xe9\\t', b'\\\\u0041', b'\\\\\\u0041', b'\\a\\b\\f\\n\\r\\t\\v\\\'\\"', b'plain', b'',
             b'\\N{EM DASH}x\\N{BOGUS NAME}y', b'x\\U00000041\\Uffffffff']
grid("escape_decode", repr(ESC_BYTES), repr([(c, e) for c in ('unicode_escape', 'raw_unicode_escape')
                                            for e in ('strict', 'replace', 'backslashreplace', 'ignore', 'surrogateescape')]),
     "a.decode(b[0], b[1])")
each("escape_encode", "['a\\\\b', 'tab\\tnl\\ncr\\r', '\\x00\\x1f\\x7f\\x80\\xff', '\\u0100\\uffff', '\\U0001f600', \"'\\\"\", '\\ud800']",
     "(a.encode('unicode_escape'), a.encode('raw_unicode_escape'))")

def lib_test_calls():
    """The literal checkequal/checkraises/checkcall calls of CPython's Lib/test/string_tests.py and test_str.py, as
    'obj.method(*args)' expressions (str receivers only; arguments that are not plain literals are skipped)."""
    import ast, sysconfig
    testdir = os.path.join(sysconfig.get_paths()["stdlib"], "test")
    seen, out = set(), []
    for fname in ("string_tests.py", "test_str.py"):
        tree = ast.parse(open(os.path.join(testdir, fname), encoding="utf-8").read())
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("checkequal", "checkraises", "checkcall")):
                continue
            args = node.args[1:] if node.func.attr != "checkcall" else node.args
            if len(args) < 2 or any(isinstance(a, ast.Starred) for a in args):
                continue
            try:
                vals = [eval(compile(ast.Expression(a), "<test>", "eval"), {"__builtins__": {}}) for a in args]
                kw = {k.arg: eval(compile(ast.Expression(k.value), "<test>", "eval"), {"__builtins__": {}})
                      for k in node.keywords if k.arg not in (None, "expected_msg")}
            except Exception:
                continue
            obj, meth, rest = vals[0], vals[1], vals[2:]
            if type(obj) is not str or not isinstance(meth, str) or not meth.isidentifier():
                continue
            if any(type(v) not in (str, int, bool, type(None), tuple, float) for v in rest + list(kw.values())):
                continue
            text = f"{obj!r}.{meth}(" + ", ".join([repr(v) for v in rest] + [f"{k}={v!r}" for k, v in kw.items()]) + ")"
            if len(text) > 300 or text in seen:
                continue
            seen.add(text)
            out.append(text)
    return out


exprs("lib_test_str", lib_test_calls())


def lib_test_asserts():
    """Expressions from assertEqual/assertRaises in CPython's numeric and formatting tests that use only literals and
    a few builtins (the other side of each assertion is not used: the result is captured from CPython here)."""
    import ast, sysconfig
    allowed = {"int", "float", "str", "repr", "format", "round", "divmod", "pow", "abs", "hex", "oct", "bin", "chr",
               "ord", "bool", "len", "ascii", "True", "False", "None"}
    testdir = os.path.join(sysconfig.get_paths()["stdlib"], "test")
    seen, out = set(), []
    for fname in ("test_int.py", "test_long.py", "test_float.py", "test_format.py", "test_unicode_identifiers.py",
                  "test_fstring.py", "test_types.py", "test_builtin.py", "test_str.py"):
        tree = ast.parse(open(os.path.join(testdir, fname), encoding="utf-8").read())
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            cands = []
            if node.func.attr in ("assertEqual", "assertTrue", "assertFalse", "assertIs", "assertNotEqual") and node.args:
                cands.append(node.args[0])
                if node.func.attr == "assertEqual" and len(node.args) > 1:
                    cands.append(node.args[1])
            elif node.func.attr == "assertRaises" and len(node.args) >= 2 and isinstance(node.args[1], ast.Name):
                cands.append(ast.Call(func=node.args[1], args=node.args[2:], keywords=[]))
            for c in cands:
                names = {n.id for n in ast.walk(c) if isinstance(n, ast.Name)}
                if not names <= allowed or any(isinstance(n, (ast.Lambda, ast.JoinedStr, ast.Starred, ast.NamedExpr))
                                               for n in ast.walk(c)):
                    continue
                if not any(isinstance(n, ast.Call) or isinstance(n, ast.BinOp) for n in ast.walk(c)):
                    continue
                text = ast.unparse(c)
                if len(text) > 200 or text in seen or "**" in text and "10 **" not in text and "2 **" not in text:
                    continue
                seen.add(text)
                out.append(text)
    return out


exprs("lib_test_numbers", lib_test_asserts())

each("utf7", repr([''.join(map(chr, range(128))), 'A+B', 'a-b+-', '\u20ac1', '\u20ac-', 'x\U0001f600y', '\ud800a', '~\\',
                     'hi mom -\u263a-!', '\u65e5\u672c\u8a9e', '+' * 5, '\xe9\xe9\xe9', 'a\u20acb\u20ac']),
     "(a.encode('utf-7'), a.encode('utf-7').decode('utf-7') == a)")
grid("utf7_decode", repr([b'+AGE-', b'+AGE', b'+AG', b'+A', b'+', b'+-', b'+!', b'a+2D3cAQ-', b'+2D0-x', b'+2D3cAQ', b'+3AE-',
                          b'\x80', b'a~b', b'+AGEA-', b'+AGEAYQ', b'+AGEAYQB', b'+ZeVnLIqe-', b'+2D3cAQ.', b'+2D3']),
     "['strict', 'replace', 'backslashreplace', 'ignore']", "a.decode('utf-7', b)")

# ---------------------------------------------------------------- _string
exprs("string_module", [
    "list(__import__('_string').formatter_parser('a{0}b{1:x}c{2!r}d{{e}}'))",
    "list(__import__('_string').formatter_parser(''))", "list(__import__('_string').formatter_parser('{'))",
    "list(__import__('_string').formatter_parser('}'))", "list(__import__('_string').formatter_parser('x{}'))",
    "list(__import__('_string').formatter_parser('{a.b[c]!s:>{w}}'))", "list(__import__('_string').formatter_parser('{!}'))",
    "list(__import__('_string').formatter_parser('a}}b'))", "list(__import__('_string').formatter_parser(1))",
    "(lambda r: (r[0], list(r[1])))(__import__('_string').formatter_field_name_split('a.b[0][x].c'))",
    "(lambda r: (r[0], list(r[1])))(__import__('_string').formatter_field_name_split('0[1]'))",
    "(lambda r: (r[0], list(r[1])))(__import__('_string').formatter_field_name_split(''))",
    "(lambda r: (r[0], list(r[1])))(__import__('_string').formatter_field_name_split('a.'))",
    "(lambda r: (r[0], list(r[1])))(__import__('_string').formatter_field_name_split('a[x'))",
    "__import__('string').Formatter().format('{0}-{x:>4}', 1, x='y')",
    "__import__('string').Formatter().vformat('{} {}', (1, 2), {})",
])


def fuzz_groups():
    """Random format specs, %-templates, str.format templates and number texts (seeded): every outcome, error or not,
    must match, and no input may crash Typhon."""
    r = random.Random(99)
    def rs(alphabet, n):
        return "".join(r.choice(alphabet) for _ in range(r.randint(0, n)))
    specs = [rs("<>^=+- z#0123456789,_.eEfFgGdxXobcn%s*", 8) for _ in range(700)]
    grid("fuzz_format_spec", "[0, -7, 2**64, 1.5, -0.0, float('nan'), 'ab']", repr(specs), "format(a, b)")
    pcts = [rs("%%()abc*.-+ #0123456789diouxXeEfFgGcrsa", 8) for _ in range(500)]
    grid("fuzz_percent", repr(pcts), "[(), 5, (1, 2.5), {'a': 1, 'b': 'x'}, ('x', 3, 4)]", "a % b")
    tmpls = [rs("{}[]!:.0123abrsx<>^ ", 10) for _ in range(500)]
    grid("fuzz_str_format", repr(tmpls), "[((), {}), ((1, 'ab'), {'a': [1, 2]})]", "a.format(*b[0], **b[1])")
    alpha = "ab \t\n\r\x0b\x1c\x85\u2028\u3000x\xe9\U0001f600"
    calls = []
    for _ in range(1500):
        t = rs(alpha, 9)
        u = rs("ab x\n", 2)
        k = r.randint(-2, 4)
        m = r.choice(["split", "rsplit", "partition", "rpartition", "strip", "lstrip", "rstrip", "replace", "find", "rfind",
                      "count", "index", "startswith", "endswith", "expandtabs", "center", "ljust", "rjust", "zfill",
                      "splitlines", "removeprefix", "removesuffix", "title", "capitalize", "swapcase", "casefold"])
        args = {"split": [(u or None, k)], "rsplit": [(u or None, k)], "partition": [(u or "a",)], "rpartition": [(u or "a",)],
                "strip": [(u or None,)], "lstrip": [(u,)], "rstrip": [(u or None,)], "replace": [(u, "Z", k)],
                "find": [(u, k, k + 3)], "rfind": [(u, -k)], "count": [(u, k)], "index": [(u,)], "startswith": [((u, "x"), k)],
                "endswith": [(u, k, -1)], "expandtabs": [(k,)], "center": [(k + 8, "*")], "ljust": [(k + 5,)],
                "rjust": [(k + 5, "\u20ac")], "zfill": [(k + 6,)], "splitlines": [(k % 2 == 0,)], "removeprefix": [(u,)],
                "removesuffix": [(u,)]}.get(m, [()])[0]
        calls.append((t, m, args))
    each("fuzz_str_methods", repr(calls), "getattr(a[0], a[1])(*a[2])")
    nums = [rs("0123456789_+-.eExXoObBjJinfa \t", 10) for _ in range(800)]
    grid("fuzz_number_text", repr(nums), "[10, 0, 16, 2, 'f']", "float(a) if b == 'f' else int(a, b)")


def stateful_cases():
    """codecs.*_decode(data, errors, final) on every prefix of some byte strings: (text, consumed) or the error."""
    import codecs
    datas = [b'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z', b'\xed\xa0\x80\xed\xb0\x80', b'\xff\xfea\x00=\xd8\x00\xde\x00\xdc',
             b'\xfe\xff\x00a\xd8=\xde\x00', b'\xff\xfe\x00\x00a\x00\x00\x00\x00\xd8\x00\x00', b'\x00\x00\xfe\xff\x00\x01\xf6\x00']
    fns = [("utf_8", codecs.utf_8_decode, None), ("utf_16_le", codecs.utf_16_le_decode, None),
           ("utf_16_be", codecs.utf_16_be_decode, None), ("utf_16", codecs.utf_16_ex_decode, 0),
           ("utf_32_le", codecs.utf_32_le_decode, None), ("utf_32_be", codecs.utf_32_be_decode, None),
           ("utf_32", codecs.utf_32_ex_decode, 0)]
    out = []
    for data in datas:
        for k in range(len(data) + 1):
            chunk = data[:k]
            for name, fn, bo in fns:
                for errors in ("strict", "replace", "surrogatepass"):
                    for final in (False, True):
                        try:
                            r = fn(chunk, errors, bo, final) if bo is not None else fn(chunk, errors, final)
                            res = [r[0], r[1]] + ([r[2]] if bo is not None else [])
                        except UnicodeDecodeError as e:
                            res = "!" + str(e)
                        out.append([name, chunk.hex(), errors, final, res])
    return out


def charmap_cases():
    """codecs.charmap_decode/encode/build over cp1252's table and small dict mappings: [op, input, errors, kind, result]."""
    import codecs, encodings.cp1252 as cp
    table = cp.decoding_table
    dmap = {97: 'x', 98: None, 99: 0x20ac, 100: 'long', 101: 0xfffe}
    emap = {ord('a'): 65, ord('b'): b'BB', ord('c'): None, ord('?'): 63}
    decs = {"table": table, "dict": dmap, "none": None, "short": "abc\ufffe"}
    encs = {"table": codecs.charmap_build(table), "dict": emap, "none": None, "build": codecs.charmap_build("abc")}
    errs = ["strict", "replace", "ignore", "backslashreplace", "surrogateescape", "xmlcharrefreplace", "namereplace"]
    out = []
    for data in [b"", b"abcde", b"a\x81\x8dx\x80", bytes(range(256)), b"\x9d\xff\x00"]:
        for kind, m in decs.items():
            for e in errs:
                try:
                    r = codecs.charmap_decode(data, e, m)[0]
                except Exception as x:
                    r = "!" + type(x).__name__ + ": " + str(x)
                out.append(["decode", data.hex(), e, kind, r])
    for text in ["", "abc", "a\u20acz\u0100\u0101x", "".join(map(chr, range(256))), "abcd?", "\udc81\udc82a", "\u0100?b"]:
        for kind, m in encs.items():
            for e in errs:
                try:
                    r = codecs.charmap_encode(text, e, m)[0].hex()
                except Exception as x:
                    r = "!" + type(x).__name__ + ": " + str(x)
                out.append(["encode", text, e, kind, r])
    return {"table": table, "cases": out, "size": codecs.charmap_build(table).size()}


fuzz_groups()


def main():
    out = {"harness": HARNESS, "groups": [], "stateful": stateful_cases(), "charmap": charmap_cases()}
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
