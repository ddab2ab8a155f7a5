# Differential cases for the _pickle module: each line is "label = result" and must equal CPython 3.13's
# (tools/capture_cases.py pickle, compared by tests/unit/modules/pickle.test.ts). Pickle bytes are printed (or a
# length and SHA-256 prefix when long) with the round-trip result; errors print their type and message.
import _pickle, pickle, io, sys, copyreg, hashlib, collections, datetime, decimal, fractions, functools, enum
import pickletools

def show_bytes(b):
    if len(b) <= 160:
        return repr(b)
    return f"<{len(b)} bytes {hashlib.sha256(b).hexdigest()[:16]}>"

import os
HERE = os.path.abspath(__file__)

def err(e):
    # The __main__ module's repr names this file: the path depends on the checkout.
    return f"{type(e).__name__}: {str(e).split(' at 0x')[0].replace(HERE, '<pickle_cases.py>')}"

def short(v):
    r = repr(v)
    if len(r) > 160:
        r = f"<repr {len(r)} {hashlib.sha256(r.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}>"
    return r.split(' at 0x')[0]

def out(label, value):
    print(f"{label} = {value}")

def case(label, obj, protos=range(6), check=None, **kw):
    for proto in protos:
        try:
            data = _pickle.dumps(obj, proto, **kw)
        except Exception as e:
            out(f"{label} p{proto}", err(e))
            continue
        try:
            back = _pickle.loads(data)
            if check is not None:
                res = check(back)
            else:
                res = short(back)
        except Exception as e:
            res = err(e)
        out(f"{label} p{proto}", f"{show_bytes(data)} -> {res}")

# ---- atoms ----
for v in [None, True, False]:
    case(f"atom {v}", v)
for v in [0, 1, 255, 256, 65535, 65536, -1, -128, -129, -256, -32768, -32769, 2**31 - 1, 2**31,
          -2**31, -2**31 - 1, 2**32, 2**53, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64, 2**100, -2**100, 127, 128,
          -2**127, -2**127 - 1, 2**2040, -2**2040, 2**2047 - 1, 2**2048, 10**700]:
    case(f"int {v if abs(v) < 10**30 else 'big%d' % v.bit_length()}", v)
for v in [0.0, -0.0, 1.5, -2.25, 0.1, 1e300, -1e-300, 5e-324, 1e16, 123456789.125, float('inf'), float('-inf')]:
    case(f"float {v!r}", v)
case("float nan", float('nan'), check=lambda x: repr(x))
for v in ['', 'a', 'abc', 'héllo', '€uro', '\U0001d11e clef', 'a\\b\nc\rd\x1ae\x00f', 'tab\tquote\'"', 'x' * 255,
          'y' * 256, 'é' * 200, '\ud800', 'a\udfffb', '\u0100\u07ff\u0800\uffff']:
    case(f"str {short(v)[:40]}", v)
case("str 70000", 'z' * 70000)
case("str 70000 nonascii", 'é' * 40000)
for v in [b'', b'\x00\xff', b'abc', bytes(range(256)), b'q' * 255, b'w' * 256]:
    case(f"bytes {short(v)[:30]}", v)
case("bytes 70000", bytes(range(256)) * 280)
for v in [bytearray(), bytearray(b'xy'), bytearray(range(200))]:
    case(f"bytearray {short(v)[:30]}", v)
case("bytearray 70000", bytearray(b'ab' * 35000))
case("complex", 1 + 2j)
case("Ellipsis", ...)
case("NotImplemented", NotImplemented)
for t in [type(None), type(...), type(NotImplemented), int, object, type, len, abs, collections.OrderedDict]:
    case(f"global {t!r}", t)

# ---- containers ----
for v in [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), tuple(range(20)), [], [1], [1, 2], [[], [[]]], {}, {1: 2},
          {'a': 1, 'b': [2]}, set(), {1}, {1, 2, 3}, frozenset(), frozenset({4}), frozenset(range(7)),
          {'nested': ({'x': [1, (2,)]},)}, [None] * 3]:
    case(f"container {short(v)[:50]}", v)
for n in [999, 1000, 1001, 2000, 2500]:
    case(f"list {n}", list(range(n)), check=lambda x, n=n: x == list(range(n)))
    case(f"dict {n}", {i: -i for i in range(n)}, check=lambda x, n=n: x == {i: -i for i in range(n)})
    case(f"set {n}", set(range(n)), check=lambda x, n=n: x == set(range(n)))
    case(f"frozenset {n}", frozenset(range(n)), check=lambda x, n=n: x == frozenset(range(n)))
    case(f"tuple {n}", tuple(range(n)), check=lambda x, n=n: x == tuple(range(n)))
case("list of strs", [str(i) for i in range(300)])
case("dict str keys", {f"k{i}": [i] for i in range(50)})

# ---- sharing and recursion ----
shared = [1]
case("shared list", [shared, shared, (shared,)], check=lambda x: (x[0] is x[1], x[2][0] is x[0]))
s = 'shared string'
case("shared str", [s, s, s])
b = b'shared bytes'
case("shared bytes", [b, b])
ba = bytearray(b'sb')
case("shared bytearray", [ba, ba], check=lambda x: x[0] is x[1])
rec = [1]
rec.append(rec)
case("recursive list", rec, check=lambda x: x[1] is x)
rd = {}
rd['self'] = rd
case("recursive dict", rd, check=lambda x: x['self'] is x)
t1 = ([],)
t1[0].append(t1)
case("recursive tuple1", t1, check=lambda x: x[0][0] is x)
t4 = ([], 1, 2, 3)
t4[0].append(t4)
case("recursive tuple4", t4, check=lambda x: x[0][0] is x)
case("tuple of recursive", [t1, t1], check=lambda x: x[0] is x[1])
fs = frozenset([1, 2])
case("shared frozenset", [fs, fs], check=lambda x: x[0] is x[1])
ss = {3}
case("shared set", [ss, ss], check=lambda x: x[0] is x[1])

# ---- classes ----
class Plain:
    def __init__(self, a=1, b=2):
        self.a, self.b = a, b
    def __repr__(self):
        return f"Plain({self.__dict__})"
    def meth(self):
        return 1
    class Inner:
        class Deeper:
            pass

class Slots:
    __slots__ = ('x', 'y')
    def __init__(self):
        self.x = 1
    def __repr__(self):
        return f"Slots(x={getattr(self, 'x', None)}, y={getattr(self, 'y', None)})"

class Both(Plain):
    __slots__ = ('s',)
    def __init__(self):
        super().__init__()
        self.s = 's'
    def __repr__(self):
        return f"Both({self.__dict__}, s={self.s})"

class WithState:
    def __init__(self):
        self.v = 1
        self.cache = 'drop'
    def __getstate__(self):
        return {'v': self.v}
    def __setstate__(self, st):
        self.v = st['v']
        self.cache = 'rebuilt'
    def __repr__(self):
        return f"WithState({self.v}, {self.cache})"

class FalseState:
    def __getstate__(self):
        return False
    def __setstate__(self, st):
        self.st = st
    def __repr__(self):
        return f"FalseState({self.__dict__})"

class ReduceStr:
    def __reduce__(self):
        return 'rs_singleton'
    def __repr__(self):
        return 'ReduceStr()'
rs_singleton = ReduceStr()

class Reduce2:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        return (Reduce2, (self.v * 2,))
    def __repr__(self):
        return f"Reduce2({self.v})"

class ListLike(list):
    pass

class DictLike(dict):
    pass

class Reduce5:
    def __init__(self):
        self.items = []
        self.d = {}
    def __reduce__(self):
        return (Reduce5, (), {'state': 1}, iter([1, 2, 3]), iter([('k', 'v'), ('k2', 'v2')]))
    def append(self, x):
        self.items.append(x)
    def extend(self, xs):
        self.items.extend(xs)
    def __setitem__(self, k, v):
        self.d[k] = v
    def __repr__(self):
        return f"Reduce5({self.items}, {self.d}, {self.__dict__.get('state')})"

def set_state(obj, state):
    obj.via_setter = state

class Reduce6:
    def __reduce__(self):
        return (Reduce6, (), {'s': 1}, None, None, set_state)
    def __repr__(self):
        return f"Reduce6({self.__dict__})"

class ReduceEx:
    def __reduce_ex__(self, proto):
        return (ReduceEx.make, (proto,))
    @staticmethod
    def make(p):
        r = ReduceEx.__new__(ReduceEx)
        r.p = p
        return r
    def __repr__(self):
        return f"ReduceEx({self.p})"

class NewArgs:
    def __new__(cls, a, b):
        self = super().__new__(cls)
        self.ab = (a, b)
        return self
    def __getnewargs__(self):
        return self.ab
    def __repr__(self):
        return f"NewArgs{self.ab}"

class NewArgsEx:
    def __new__(cls, a, *, k):
        self = super().__new__(cls)
        self.ak = (a, k)
        return self
    def __getnewargs_ex__(self):
        return (self.ak[0],), {'k': self.ak[1]}
    def __repr__(self):
        return f"NewArgsEx{self.ak}"

class IntSub(int):
    pass
class StrSub(str):
    pass
class TupleSub(tuple):
    pass

class Color(enum.Enum):
    RED = 1

Point = collections.namedtuple('Point', 'x y')

objs = {
    'plain': Plain(), 'plain nested': Plain([1, 2], {'x': Plain()}), 'slots': Slots(), 'both': Both(),
    'withstate': WithState(), 'falsestate': FalseState(), 'reduce str': rs_singleton, 'reduce2': Reduce2(3),
    'reduce5': Reduce5(), 'reduce6': Reduce6(), 'reduce_ex': ReduceEx(), 'newargs': NewArgs(1, 'b'),
    'newargs_ex': NewArgsEx(5, k='kw'), 'intsub': IntSub(7), 'strsub': StrSub('s'), 'tuplesub': TupleSub((1, 2)),
    'listlike': ListLike([1, 2]), 'dictlike': DictLike(a=1), 'enum': Color.RED, 'namedtuple': Point(1, 2),
    'ordereddict': collections.OrderedDict(a=1, b=2), 'deque': collections.deque([1, 2], maxlen=5),
    'counter': collections.Counter('abca'), 'defaultdict': collections.defaultdict(list, {'a': [1]}),
    'partial': functools.partial(max, 1, key=abs), 'decimal': decimal.Decimal('1.25'),
    'fraction': fractions.Fraction(3, 4), 'range': range(1, 10, 2), 'slice': slice(1, 2, 3),
    'class Plain': Plain, 'class Inner': Plain.Inner, 'class Deeper': Plain.Inner.Deeper, 'method Plain.meth': Plain.meth,
    'function case': case, 'builtin len': len, 'staticmethod target': ReduceEx.make,
    'exception': ValueError('bad', 2), 'exception class': KeyError, 'object()': object(),
}
listlike = ListLike([1])
listlike.attr = 'a'
objs['listlike attr'] = listlike
isub = IntSub(3)
isub.tag = 't'
objs['intsub attr'] = isub
for label, obj in objs.items():
    case(label, obj)

for label, obj in [('date', datetime.date(2024, 1, 2)), ('datetime', datetime.datetime(2024, 1, 2, 3, 4, 5, 6)),
                   ('timedelta', datetime.timedelta(1, 2, 3)), ('time', datetime.time(1, 2, 3)),
                   ('tz', datetime.timezone.utc), ('aware', datetime.datetime(2020, 5, 6, tzinfo=datetime.timezone(datetime.timedelta(hours=2))))]:
    for proto in range(6):
        try:
            out(f"{label} roundtrip p{proto}", repr(_pickle.loads(_pickle.dumps(obj, proto))) == repr(obj))
        except Exception as e:
            out(f"{label} roundtrip p{proto}", err(e))

# ---- copyreg extensions ----
class Ext1: pass
class Ext2: pass
class Ext4: pass
copyreg.add_extension(__name__, 'Ext1', 0xf0)
copyreg.add_extension(__name__, 'Ext2', 0x1234)
copyreg.add_extension(__name__, 'Ext4', 0x123456)
case("ext classes", [Ext1, Ext2, Ext4, Ext1])
copyreg.remove_extension(__name__, 'Ext1', 0xf0)
copyreg.remove_extension(__name__, 'Ext2', 0x1234)
copyreg.remove_extension(__name__, 'Ext4', 0x123456)
for data in [b'\x80\x02\x82\xf0.', b'\x80\x02\x83\x34\x12.']:
    try:
        out(f"ext unregistered {data!r}", _pickle.loads(data))
    except Exception as e:
        out(f"ext unregistered {data!r}", err(e))
copyreg._inverted_registry[77] = 'notatuple'
try:
    _pickle.loads(b'\x80\x02\x82\x4d.')
except Exception as e:
    out("ext bad inverted", err(e))
del copyreg._inverted_registry[77]
copyreg._extension_registry[(__name__, 'Plain')] = 'x'
try:
    _pickle.dumps(Plain, 2)
except Exception as e:
    out("ext code not int", err(e))
copyreg._extension_registry[(__name__, 'Plain')] = 0
try:
    _pickle.dumps(Plain, 2)
except Exception as e:
    out("ext code range", err(e))
del copyreg._extension_registry[(__name__, 'Plain')]

# ---- compat mappings ----
for obj in [range, ValueError, collections.UserDict, functools.reduce, io.StringIO, str, bytes, dict]:
    for fix in (True, False):
        case(f"compat {obj.__name__} fix={fix}", obj, protos=range(4), fix_imports=fix)
for data in [b'c__builtin__\nxrange\n.', b'cexceptions\nValueError\n.', b'cUserDict\nUserDict\n.', b'c__builtin__\nreduce\n.',
             b'\x80\x02c__builtin__\nunicode\n.', b'\x80\x03c__builtin__\nxrange\n.', b'ccopy_reg\n_reconstructor\n.']:
    for fix in (True, False):
        try:
            out(f"load compat {data!r} fix={fix}", short(_pickle.loads(data, fix_imports=fix)))
        except Exception as e:
            out(f"load compat {data!r} fix={fix}", err(e))

# ---- python 2 strings ----
for data in [b"S'abc'\n.", b'S"a\\x41\\n\\\'"\n.', b"S'\\xe9'\n.", b'U\x03\xe9ab.', b'T\x02\x00\x00\x00\xc3\xa9.', b"S'\\101\\0'\n."]:
    for enc, errs in [('ASCII', 'strict'), ('latin1', 'strict'), ('bytes', 'strict'), ('utf-8', 'replace'), ('ascii', 'ignore')]:
        try:
            out(f"py2 str {data!r} {enc} {errs}", repr(_pickle.loads(data, encoding=enc, errors=errs)))
        except Exception as e:
            out(f"py2 str {data!r} {enc} {errs}", err(e))

# ---- unpickling errors and odd opcodes ----
bad = [b'', b'.', b'(.', b'K', b'K\x01', b'Fabc\n.', b'F1.5x\n.', b'F1e999\n.', b'F 1.5\n.', b'F1.5', b'F-inf\n.',
       b'Fnan\n.', b'F1E5\n.', b'F.5\n.', b'F5.\n.', b'I1x\n.', b'I0x10\n.', b'I010\n.', b'I\n.', b'I 7\n.', b'I-3\n.',
       b'I99999999999999999999\n.', b'I01\n.', b'I00\n.', b'I02\n.', b'I+5\n.', b'L12\n.', b'L12L\n.', b'Lx\n.', b'L-0x1fL\n.',
       b'g1x\n.', b'g5\n.', b'h\x05.', b'j\x05\x00\x00\x00.', b'p-1\n.', b'N0.', b'0.', b'1.', b'(K\x011.', b'a.',
       b']K\x01a.', b'}K\x01s.', b'}K\x01K\x02K\x03u.', b'}(K\x01K\x02K\x03u.', b'Sabc\n.', b'S"a\\x4"\n.',
       b'Vabc\\u00e9\n.', b'V\\x\n.', b'V\\U0001d11e\n.', b'X\x02\x00\x00\x00\xed\xa0.', b'X\x03\x00\x00\x00\xed\xa0\x80.',
       b'X\x02\x00\x00\x00\xff\xfe.', b'\x8c\x03abc.', b'\x80\x06.', b'\x80\x00K\x01.', b'\x95\x00\x00\x00\x00\x00\x00\x00\x80.',
       b'\x95\x02\x00\x00\x00\x00\x00\x00\x00K\x01.', b'\x95\x03\x00\x00\x00\x00\x00\x00\x00K\x01.', b'\x82\x00.', b'\x81.',
       b'K\x01)\x81.', b'c__builtin__\nint\nK\x01\x81.', b'c__builtin__\nint\n)}\x92.', b'c__builtin__\nint\n)K\x01\x92.',
       b'c__builtin__\nint\n(K\x05t}\x92.', b'c__builtin__\nint\n\x8c\x0210\x85}(\x8c\x04base\x94K\x10u\x92.',
       b'Pabc\n.', b'K\x01Q.', b'R.', b'K\x01)R.', b'c__builtin__\nint\nK\x01R.', b'N}b.', b'N]b.',
       b'c__builtin__\nobject\n)R(N]tb.', b'c__builtin__\nobject\n)RN}b.', b'\x97.', b'\x98.', b'K\x01\x98.', b'\x90.',
       b'\x8fK\x01\x90.', b'\x8f(K\x01\x90.', b'(K\x01\x91.', b'(\x91.', b'\x00', b'\xff', b"'", b'\\', b'x.', b'\x93.',
       b'K\x01\x8c\x01x\x93.', b'i__builtin__\nint\n.', b'(i__builtin__\nint\n.', b'(K\x05i__builtin__\nint\n.',
       b'(c__builtin__\nint\nK\x05o.', b'(o.', b'(K\x01o.', b'cbuiltins\n\n.', b'c\n.', b'(d.', b'(K\x01d.', b'(K\x01K\x02d.',
       b'(l.', b'(K\x01l.', b'(t.', b'2.', b'K\x012.', b'\x85.', b'K\x01\x86.', b'(K\x01\x86.', b'\x8a\x00.', b'\x8a\x01\xff.',
       b'\x8b\xff\xff\xff\xff.', b'\x8b\x02\x00\x00\x00\x00\x80.', b'B\x02\x00\x00\x00a.', b'B\x05\x00\x00\x00a',
       b'\x8e\x01\x00\x00\x00\x00\x00\x00\x80.', b'\x96\x02\x00\x00\x00\x00\x00\x00\x00ab.',
       b'\x8d\x01\x00\x00\x00\x00\x00\x00\x00a.', b'C\x01a\x98.', b'c__builtin__\nlist\n)\x81K\x01a.',
       b'c__builtin__\nset\n)\x81(K\x01\x90.', b'c__builtin__\ndict\n)\x81K\x01K\x02s.', b'}(K\x01K\x02K\x03K\x04u.',
       b'N\x94h\x00.', b'\x94.', b'q\x01.', b'r\x01\x00\x00\x00.', b'N\x94\x94h\x00.', b'Nq\x05h\x05.',
       b'Nr\x00\x01\x00\x00j\x00\x01\x00\x00.', b'Np3\ng3\n.', b'(K\x01K\x02K\x030.', b'(K\x01K\x02(K\x0311.',
       b'(K\x01K\x02t(K\x03t\x86.', b']N\x85b.', b'c__main__\nPlain\n)\x81}\x8c\x01a\x94K\tsb.',
       b'c__main__\nSlots\n)\x81N}\x8c\x01y\x94K\x02s\x86b.', b'c__main__\nSlots\n)\x81N}K\x01K\x02s\x86b.',
       b'c__main__\nPlain.Inner\n.', b'\x80\x04\x8c\x08__main__\x8c\x0bPlain.Inner\x93.', b'\x80\x04\x8c\x08__main__\x8c\x0fPlain.<locals>\x93.',
       b'\x80\x04\x8c\x08__main__\x8c\x0bPlain.Nope\x93.', b'c__main__\nnope\n.', b'cno_such_module_x\nx\n.',
       b'\x80\x04\x8c\x08__main__\x8c\x04case\x93.', b'(c__main__\nPlain\no.', b'(K\x07c__main__\nPlain\no.']
for data in bad:
    try:
        out(f"loads {data!r}", short(_pickle.loads(data)))
    except Exception as e:
        out(f"loads {data!r}", err(e))
try:
    _pickle.loads('text')
except Exception as e:
    out("loads str", err(e))
out("loads memoryview", _pickle.loads(memoryview(b'\x80\x04K\x05.')))
out("loads bytearray", _pickle.loads(bytearray(b'K\x06.')))

# ---- pickling errors ----
def outer():
    def inner():
        pass
    class Local:
        pass
    return inner, Local
inner, Local = outer()

class BadReduce:
    def __init__(self, rv):
        self.rv = rv
    def __reduce__(self):
        return self.rv

class NotSame:
    pass
NotSame.__qualname__ = 'Plain'
class NoMod:
    pass
NoMod.__module__ = 'no_such_module_zz'
class NoAttr:
    pass
NoAttr.__qualname__ = 'Plain.Missing'
class NonAscii:
    pass
NonAscii.__qualname__ = NonAscii.__name__ = 'Nön'
globals()['Nön'] = NonAscii
class ModNone:
    pass
ModNone.__module__ = None
class WrongNewobj:
    def __reduce__(self):
        return (copyreg.__newobj__, (Plain,))
def gen():
    yield 1

errors = {
    'lambda': lambda: 0, 'local func': inner, 'local class': Local, 'local instance': Local(),
    'generator': gen(), 'module': sys, 'not same': NotSame, 'no module': NoMod, 'no attr': NoAttr,
    'non ascii': NonAscii, 'module None': ModNone, 'wrong newobj': WrongNewobj(),
    'reduce 1-tuple': BadReduce((Plain,)), 'reduce 7-tuple': BadReduce((Plain, (), None, None, None, None, None)),
    'reduce int': BadReduce(5), 'reduce list': BadReduce([Plain, ()]), 'reduce noncallable': BadReduce((1, ())),
    'reduce args list': BadReduce((Plain, [1])), 'reduce listitems': BadReduce((Plain, (), None, [1])),
    'reduce dictitems': BadReduce((Plain, (), None, None, {1: 2})),
    'reduce setter': BadReduce((Plain, (), {'a': 1}, None, None, 5)),
    'reduce str missing': BadReduce('no_such_global'),
    'newobj empty': BadReduce((copyreg.__newobj__, ())), 'newobj nontype': BadReduce((copyreg.__newobj__, (1,))),
    'newobj_ex len': BadReduce((copyreg.__newobj_ex__, (Plain, ()))),
    'newobj_ex cls': BadReduce((copyreg.__newobj_ex__, (1, (), {}))),
    'newobj_ex args': BadReduce((copyreg.__newobj_ex__, (Plain, [], {}))),
    'newobj_ex kwargs': BadReduce((copyreg.__newobj_ex__, (Plain, (), []))),
    'newobj_ex ok': BadReduce((copyreg.__newobj_ex__, (Plain, (4,), {'b': 5}))),
    'dict items bad': BadReduce((dict, (), None, None, iter([1]))),
    'picklebuffer': pickle.PickleBuffer(b'abc'),
}
for label, obj in errors.items():
    case(f"error {label}", obj)

for proto in [6, 100, -1, -5, 'x', 2.0, None, True, 2**80]:
    try:
        out(f"protocol {proto!r}", show_bytes(_pickle.dumps(1, proto)))
    except Exception as e:
        out(f"protocol {proto!r}", err(e))
for kw in [{'buffer_callback': print}, {'fix_imports': 0}, {'protocol': 5, 'buffer_callback': None}]:
    try:
        out(f"dumps kw {sorted(kw)}", show_bytes(_pickle.dumps(1, **kw)))
    except Exception as e:
        out(f"dumps kw {sorted(kw)}", err(e))
for args in [(), (1, 2, 3), (1, 2, 3, 4)]:
    try:
        _pickle.dumps(*args)
    except Exception as e:
        out(f"dumps args {len(args)}", err(e))

deep = []
for i in range(100000):
    deep = [deep]
try:
    _pickle.dumps(deep)
except Exception as e:
    out("deep list", err(e))
del deep

d = {1: 2}
class Mutator:
    def __reduce__(self):
        d[3] = 4
        return (int, ())
d[0] = Mutator()
try:
    _pickle.dumps(d, 2)
except Exception as e:
    out("dict mutated", err(e))

# ---- Pickler objects ----
class PersPickler(_pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, str) and obj.startswith('ext:'):
            return obj[4:]
        return None

class PersUnpickler(_pickle.Unpickler):
    def persistent_load(self, pid):
        return ('loaded', pid)

for proto in range(6):
    f = io.BytesIO()
    PersPickler(f, proto).dump(['ext:one', 'plain', ('ext:two',)])
    data = f.getvalue()
    out(f"persistent p{proto}", f"{show_bytes(data)} -> {PersUnpickler(io.BytesIO(data)).load()}")
    try:
        _pickle.loads(data)
    except Exception as e:
        out(f"persistent no load p{proto}", err(e))

class UniPers(_pickle.Pickler):
    def persistent_id(self, obj):
        return 'é' if obj == 1 else None
try:
    UniPers(io.BytesIO(), 0).dump([1])
except Exception as e:
    out("persistent nonascii p0", err(e))

p = _pickle.Pickler(io.BytesIO())
out("pickler persistent_id default", p.persistent_id(5))
u = _pickle.Unpickler(io.BytesIO(b''))
try:
    u.persistent_load(5)
except Exception as e:
    out("unpickler persistent_load default", err(e))
try:
    u.load()
except Exception as e:
    out("unpickler empty load", err(e))

class DTPickler(_pickle.Pickler):
    dispatch_table = {Plain: lambda obj: (str, ('from class table',))}
for proto in (0, 2, 4):
    f = io.BytesIO()
    DTPickler(f, proto).dump([Plain(), 1])
    out(f"dispatch_table class p{proto}", f"{show_bytes(f.getvalue())} -> {_pickle.loads(f.getvalue())}")
    f = io.BytesIO()
    p = _pickle.Pickler(f, proto)
    p.dispatch_table = {Plain: lambda obj: (int, (42,))}
    p.dump(Plain())
    out(f"dispatch_table instance p{proto}", f"{show_bytes(f.getvalue())} -> {_pickle.loads(f.getvalue())}")

class ROPickler(_pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Plain:
            return (str, ('override class',))
        if isinstance(obj, Plain):
            return (int, (obj.a,))
        return NotImplemented
for proto in (0, 2, 5):
    f = io.BytesIO()
    ROPickler(f, proto).dump([Plain(9), Plain, 3, 'x', len])
    out(f"reducer_override p{proto}", f"{show_bytes(f.getvalue())} -> {_pickle.loads(f.getvalue())}")

for proto in (0, 1, 2, 4):
    f = io.BytesIO()
    p = _pickle.Pickler(f, proto)
    p.fast = 1
    x = [1]
    p.dump([x, x, 'a', 'a'])
    out(f"fast p{proto}", show_bytes(f.getvalue()))
f = io.BytesIO()
p = _pickle.Pickler(f, 2)
p.fast = 1
cyc = []
cyc.append(cyc)
try:
    p.dump(cyc)
except Exception as e:
    out("fast cyclic", err(e))

f = io.BytesIO()
p = _pickle.Pickler(f, 2)
x = ['shared']
p.dump(x)
p.dump(x)
out("pickler two dumps", show_bytes(f.getvalue()))
memo = p.memo
out("memo type", type(memo).__name__)
out("memo copy", sorted((v[0], short(v[1])) for v in memo.copy().values()))
out("memo reduce", memo.__reduce__()[0].__name__)
p.clear_memo()
out("memo after clear", len(p.memo.copy()))
p.memo = {id(x): (7, x)}
p.dump(x)
p.memo = memo
out("memo set", len(p.memo.copy()))
for bad in [5, {1: 2}, {1: (1, 2, 3)}]:
    try:
        p.memo = bad
    except Exception as e:
        out(f"memo set {bad!r}", err(e))
try:
    del p.memo
except Exception as e:
    out("memo del", err(e))
out("pickler bin fast", (p.bin, p.fast))
try:
    p.dispatch_table
except Exception as e:
    out("pickler no dispatch_table", err(e))
for attr, v in [('fast', 'x'), ('bin', 5), ('nope', 1)]:
    try:
        setattr(p, attr, v)
        out(f"set {attr}", getattr(p, attr))
    except Exception as e:
        out(f"set {attr}", err(e))

class NoInitPickler(_pickle.Pickler):
    def __init__(self):
        pass
try:
    NoInitPickler().dump(1)
except Exception as e:
    out("pickler no init", err(e))
class NoInitUnpickler(_pickle.Unpickler):
    def __init__(self):
        pass
try:
    NoInitUnpickler().load()
except Exception as e:
    out("unpickler no init", err(e))
for args, kw in [((1,), {}), ((), {}), ((io.BytesIO(), 9), {}), ((io.BytesIO(),), {'protocol': 2, 'bogus': 1})]:
    try:
        _pickle.Pickler(*args, **kw)
    except Exception as e:
        out(f"Pickler args {len(args)} {sorted(kw)}", err(e))
for args, kw in [((1,), {}), ((), {}), ((io.BytesIO(),), {'encoding': 5}), ((io.BytesIO(),), {'buffers': 5})]:
    try:
        _pickle.Unpickler(*args, **kw)
    except Exception as e:
        out(f"Unpickler args {len(args)} {sorted(kw)}", err(e))

# writes of a big pickle to a file: frames flushed at 64 KiB, big payloads written on their own
class Recorder:
    def __init__(self):
        self.sizes = []
        self.chunks = []
    def write(self, b):
        self.sizes.append(len(b))
        self.chunks.append(bytes(b))
for proto in (3, 4, 5):
    r = Recorder()
    _pickle.Pickler(r, proto).dump([list(range(20000)), b'x' * 70000, 'y' * 100, bytearray(b'z' * 66000)])
    out(f"file writes p{proto}", f"{r.sizes} {hashlib.sha256(b''.join(r.chunks)).hexdigest()[:16]}")
    whole = b''.join(r.chunks)
    out(f"file writes same p{proto}", whole == _pickle.dumps([list(range(20000)), b'x' * 70000, 'y' * 100, bytearray(b'z' * 66000)], proto))
r = Recorder()
_pickle.dump({'a': 1}, r, 4)
out("dump function writes", r.sizes)
try:
    _pickle.dump(1, 5)
except Exception as e:
    out("dump bad file", err(e))

# ---- Unpickler objects ----
class Finder(_pickle.Unpickler):
    def find_class(self, module, name):
        if name == 'Plain':
            return Reduce2
        return super().find_class(module, name)
out("find_class override", Finder(io.BytesIO(_pickle.dumps([Plain, Point(1, 2)], 2))).load())
u = _pickle.Unpickler(io.BytesIO(b''))
for args in [('builtins', 'len'), ('__main__', 'Plain.Inner'), ('__builtin__', 'xrange'), ('nope_mod_q', 'x'),
             ('__main__', 'nope'), ('copy_reg', '_reconstructor')]:
    try:
        out(f"find_class {args}", short(u.find_class(*args)))
    except Exception as e:
        out(f"find_class {args}", err(e))
data = _pickle.dumps(['a', ['b'], 'a'], 2)
u = _pickle.Unpickler(io.BytesIO(data))
out("unpickler load", u.load())
out("unpickler memo", sorted(u.memo.copy().items(), key=lambda kv: kv[0]))
out("unpickler memo reduce", u.memo.__reduce__()[0].__name__)
u2 = _pickle.Unpickler(io.BytesIO(b'h\x00h\x01\x86.'))
u2.memo = {0: 'zero', 1: 'one'}
try:
    out("unpickler memo set", u2.load())
except Exception as e:
    out("unpickler memo set", err(e))
u3 = _pickle.Unpickler(io.BytesIO(b'h\x00.'))
u3.memo = u2.memo
try:
    out("unpickler memo from proxy", u3.load())
except Exception as e:
    out("unpickler memo from proxy", err(e))
u3.memo.clear()
for bad in [{'a': 1}, {-1: 1}, 5]:
    try:
        u3.memo = bad
    except Exception as e:
        out(f"unpickler memo set {bad!r}", err(e))

stream = io.BytesIO()
for obj in ['first', [2], {'three': 3}, 4.0]:
    _pickle.dump(obj, stream, 4)
stream.write(b'trailing')
stream.seek(0)
u = _pickle.Unpickler(stream)
out("stream loads", [u.load() for _ in range(4)])
out("stream position", (stream.tell(), stream.read()))
raw = io.BytesIO(_pickle.dumps([1, 2], 2) + _pickle.dumps('x', 4) + b'rest')
buffered = io.BufferedReader(raw)
out("buffered loads", (_pickle.load(buffered), _pickle.load(buffered), buffered.read()))

class ReadOnly:
    def __init__(self, data):
        self.f = io.BytesIO(data)
        self.calls = []
    def read(self, n=-1):
        self.calls.append(('read', n))
        return self.f.read(n)
    def readline(self):
        self.calls.append(('readline',))
        return self.f.readline()
for proto in (0, 2, 4):
    ro = ReadOnly(_pickle.dumps([1, 'ab', b'cd' * 3, (None,)], proto))
    out(f"read-only file p{proto}", (_pickle.load(ro), ro.calls))
class ShortRead(ReadOnly):
    def read(self, n=-1):
        return self.f.read(n)[:1]
try:
    _pickle.load(ShortRead(_pickle.dumps(b'abcdef', 3)))
except Exception as e:
    out("short read", err(e))
class StrRead(ReadOnly):
    def read(self, n=-1):
        return 'x'
try:
    _pickle.load(StrRead(b''))
except Exception as e:
    out("str read", err(e))

# ---- protocol 5 buffers ----
for obj in [pickle.PickleBuffer(b'abc'), pickle.PickleBuffer(bytearray(b'mut')), [pickle.PickleBuffer(b'x')] * 2]:
    data = _pickle.dumps(obj, 5)
    back = _pickle.loads(data)
    out(f"picklebuffer in band {short(obj)[:20]}", f"{show_bytes(data)} -> {short(back)[:60]}")
bufs = []
data = _pickle.dumps([pickle.PickleBuffer(b'ro'), pickle.PickleBuffer(bytearray(b'rw'))], 5, buffer_callback=bufs.append)
out("out of band", (show_bytes(data), len(bufs)))
back = _pickle.loads(data, buffers=[b'RO', bytearray(b'RW')])
out("out of band loads", [(type(x).__name__, bytes(x), getattr(x, 'readonly', None)) for x in back])
back = _pickle.loads(data, buffers=[bytearray(b'R1'), bytearray(b'R2')])
out("out of band readonly view", [(type(x).__name__, bytes(x), getattr(x, 'readonly', None)) for x in back])
try:
    _pickle.loads(data)
except Exception as e:
    out("out of band no buffers", err(e))
try:
    _pickle.loads(data, buffers=[b'only one'])
except Exception as e:
    out("out of band too few", err(e))
data = _pickle.dumps([pickle.PickleBuffer(b'keep')], 5, buffer_callback=lambda b: True)
out("buffer_callback true", show_bytes(data))
pb = pickle.PickleBuffer(b'abcd')
out("picklebuffer raw", (bytes(pb.raw()), memoryview(pb).readonly, bytes(memoryview(pb))))
pb.release()
for f in [lambda: pb.raw(), lambda: _pickle.dumps(pb, 5), lambda: pickle.PickleBuffer(5), lambda: pickle.PickleBuffer()]:
    try:
        f()
    except Exception as e:
        out("picklebuffer error", err(e))
import array
pba = pickle.PickleBuffer(array.array('i', [1, 2]))
out("picklebuffer array", show_bytes(_pickle.dumps(pba, 5)))

# ---- random object graphs (no empty bytes and no str(int) keys: Typhon's identities of those differ) ----
import random
random.seed(11)
class RandomC:
    def __init__(self, **kw): self.__dict__.update(kw)
    def __eq__(self, o): return type(o) is RandomC and self.__dict__ == o.__dict__
def rnd(depth):
    r = random.random()
    if depth > 4 or r < 0.3:
        k = random.randrange(12)
        return [None, True, False, random.randrange(-300, 70000), random.getrandbits(random.randrange(1, 200)) - 2**90,
                random.random() * 10 ** random.randrange(-5, 300), ''.join(chr(random.randrange(32, 0x3000)) for _ in range(random.randrange(0, 300))),
                bytes(random.randrange(256) for _ in range(random.randrange(1, 300))), bytearray(b'ab' * random.randrange(0, 5)),
                'id' + str(random.randrange(5)), complex(1, random.randrange(3)), ...][k]
    k = random.randrange(7)
    n = random.randrange(0, 6)
    if random.random() < 0.05: return [rnd(9) for _ in range(1200)]
    if k == 0: return [rnd(depth + 1) for _ in range(n)]
    if k == 1: return tuple(rnd(depth + 1) for _ in range(min(n, 8)))
    if k == 2: return {random.randrange(10**6) if random.random() < .5 else 'k%d' % random.randrange(10**6): rnd(depth + 1) for _ in range(n)}
    if k == 3: return set(random.randrange(-10**6, 10**6) for _ in range(n))
    if k == 4: return frozenset('s%d' % random.randrange(100) for _ in range(n))
    if k == 5: return RandomC(a=rnd(depth + 1), b=rnd(depth + 1))
    return collections.OrderedDict(('n%d' % i, rnd(depth + 1)) for i in range(min(n, 5)))
pool = []
for i in range(60):
    o = rnd(0)
    if pool and random.random() < 0.3:
        o = [o, random.choice(pool), random.choice(pool)]
    pool.append(o)
    for p in range(6):
        try:
            b = _pickle.dumps(o, p)
            out(f'random graph {i} p{p}', f'{len(b)} {hashlib.sha256(b).hexdigest()[:12]} {_pickle.loads(b) == o or repr(_pickle.loads(b)) == repr(o)}')
        except Exception as e:
            out(f'random graph {i} p{p}', err(e))

# ---- the pickle module uses _pickle ----
out("pickle classes", (pickle.Pickler is _pickle.Pickler, pickle.Unpickler is _pickle.Unpickler,
                       pickle.PickleError is _pickle.PickleError, pickle.dumps is _pickle.dumps))
out("exception hierarchy", (_pickle.PicklingError.__mro__[1].__name__, _pickle.UnpicklingError.__module__,
                            issubclass(_pickle.PickleError, Exception)))
out("names", sorted(n for n in dir(_pickle) if not n.startswith('__')))
out("Pickler attrs", sorted(n for n in dir(_pickle.Pickler) if not n.startswith('__')))
out("Unpickler attrs", sorted(n for n in dir(_pickle.Unpickler) if not n.startswith('__')))
pair = (1, 2)
out("optimize", pickletools.optimize(_pickle.dumps([pair, pair, 'a'], 2)))
f = io.StringIO()
pickletools.dis(_pickle.dumps({'a': [1, 2.5, None], 'b': (True, b'x')}, 4), f)
for line in f.getvalue().splitlines():
    out("dis", line)
