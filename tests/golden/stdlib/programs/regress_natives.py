# Regression cases for fixes made while bringing the smoke programs up: zlib._ZlibDecompressor, handlers from
# codecs.register_error in str.encode/bytes.decode, mappingproxy |, type.__bases__ assignment, a metaclass
# instance's __dict__, time._STRUCT_TM_ITEMS.
import zlib, codecs, types, time
raw = zlib.compress(b"hello world " * 100)
d = zlib._ZlibDecompressor()
out = d.decompress(raw[:20], 5); print(out, d.needs_input, d.eof)
out += d.decompress(b"", 50); print(len(out), d.needs_input)
out += d.decompress(raw[20:] + b"trailing", -1); print(len(out), d.eof, d.unused_data, d.needs_input)
try:
    d.decompress(b"x")
except EOFError as e:
    print(type(e).__name__, e)
g = zlib._ZlibDecompressor(wbits=31); print(g.decompress(__import__("gzip").compress(b"gz", mtime=0)), g.eof)
r = zlib._ZlibDecompressor(-15); co = zlib.compressobj(wbits=-15); print(r.decompress(co.compress(b"raw") + co.flush(), 0), r.needs_input)
try:
    zlib._ZlibDecompressor().decompress(b"garbage")
except zlib.error as e:
    print(e)
codecs.register_error("smoke.dash", lambda e: ("-" * (e.end - e.start), e.end))
print("naïve café".encode("ascii", "smoke.dash"), b"a\xff\xfeb".decode("utf-8", "smoke.dash"), "x".encode("ascii", "unregistered"))
try:
    "é".encode("ascii", "unregistered")
except LookupError as e:
    print(e)
mp = types.MappingProxyType({"a": 1})
print(mp | {"b": 2}, {"z": 0} | mp, mp | types.MappingProxyType({"a": 3}))
try:
    mp |= {}
except TypeError as e:
    print(e)
class A: pass
class B: pass
class C(A): pass
class D(C): pass
C.__bases__ = (B,)
print([k.__name__ for k in D.__mro__], issubclass(D, A), isinstance(D(), B))
for bad in [(), 5, (1,), (D,), (int,)]:
    try:
        C.__bases__ = bad
    except TypeError as e:
        print(e)
class Meta(type): pass
class K(metaclass=Meta):
    attr = 1
print(type(K.__dict__).__name__, "attr" in K.__dict__, K.__dict__["attr"], vars(K)["attr"])
import enum
class Color(enum.Enum):
    RED = 1
try:
    Color.RED = 2
except AttributeError as e:
    print(e)
print(time._STRUCT_TM_ITEMS)
import pickle
print(int.__module__ is bytearray.__module__, len(pickle.dumps([1 + 2j, bytearray(b"x")], protocol=4)))
import sys
print(sys.__displayhook__ is sys.displayhook, type.__flags__ & (1 << 31) != 0, int.__flags__ & (1 << 24) != 0)
