# Smoke program for json over the native _json module: scanstring, the scanner (objects, arrays, numbers, constants,
# hooks, memoised keys) with the C decoder's error messages and positions, encode_basestring(_ascii).
import json, _json
from json.decoder import scanstring

print(json.decoder.scanstring is _json.scanstring, json.scanner.make_scanner is _json.make_scanner,
      json.encoder.c_encode_basestring_ascii is _json.encode_basestring_ascii)
cases = ['"\x01"', '"abc', '"\\x"', '"\\u12"', '"\\u12x4"', '"\\ud800\\u12"', '{"a" 1}', '{"a":1,}', '[1,]', '[1 2]',
         '{1:2}', '', '[', '{', '{"a":', 'nul', '[1,2', '"\\ud800\\udc00"', '"\\ud800"', '"\\ud800x"', '1e5', '-0',
         '1.5e-3', '1E+2', '2e', '[Infinity, -Infinity, NaN]', '{"a": [1, {"b": null}], "c": true}', '  [1]  x',
         '"\\uDFFF"', '123abc', '-', '01', '[1, 2, ]', '{"a":1 "b":2}', '{"a":1,"a":2}', '"\\', '[-', '"a\tb"', '1.',
         '.5', '[1,,2]', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '12345678901234567890', '-12345678901234567890.5e-3',
         '"😀 \\ud83d\\ude00"', '["😀", 1, {"😀": [2]}]x', '{"k": "v", "k2": {"k": 1}}', 'true false', '[true,false,null]']
for c in cases:
    try:
        print(repr(c), repr(json.loads(c)))
    except json.JSONDecodeError as e:
        print(repr(c), "JSONDecodeError", e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(c), type(e).__name__, e)
for a in [("abc\"", 0), ('"', 5), ('"', -1), ('ab"', 1), ('😀a"', 0), ('a\x01"', 0, False)]:
    try:
        print(a, scanstring(*a))
    except Exception as e:
        print(a, type(e).__name__, e)
print(json.loads('{"a":1}', object_pairs_hook=list), json.loads('{"a":1.5}', parse_float=str),
      json.loads('[1]', parse_int=float), json.loads('NaN', parse_constant=repr))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d)), json.loads('"a\tb"', strict=False))
d = json.loads('[{"key": 1}, {"key": 2}]')
print(d, list(d[0])[0] is list(d[1])[0])
dec = json.JSONDecoder()
print(dec.raw_decode('[1, 2] tail'), dec.scan_once('  {"x": 1}', 2), type(dec.scan_once).__name__)
try:
    dec.scan_once('abc', 0)
except StopIteration as e:
    print("StopIteration", e.value)
print(json.decoder.JSONDecoder(strict=False).scan_once.strict)
for s in ["plain", 'quote " back \\ slash', "ctl \x00\x1f\n\t", "é ü 😀 \u2028", ""]:
    print(_json.encode_basestring_ascii(s), _json.encode_basestring(s))
try:
    _json.encode_basestring_ascii(b"x")
except TypeError as e:
    print("TypeError", e)
print(json.dumps({"a": ["é", 1.5, None, True], "b": {"c": "\u2028"}}), json.dumps(["é"], ensure_ascii=False))

# The encoder behind json.dumps (make_encoder).
print(json.encoder.c_make_encoder is _json.make_encoder)
class X: pass
class I(int): pass
class Fl(float): pass
class S(str): pass
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: json.dumps([1, {'a': X()}]))
t(lambda: json.dumps({(1, 2): 3}))
t(lambda: json.dumps(float('nan'), allow_nan=False))
t(lambda: json.dumps({'a': [float('inf')]}, allow_nan=False))
a = []; a.append(a)
t(lambda: json.dumps(a))
d = {}; d['x'] = d
t(lambda: json.dumps(d))
t(lambda: json.dumps({'b': 1, 'a': [1.5, True, None, 'é']}, sort_keys=True))
t(lambda: json.dumps({1: 2, 1.5: 3, True: 4, None: 5, False: 6, float('inf'): 7}))
t(lambda: json.dumps({(1,): 2}, skipkeys=True))
t(lambda: json.dumps({'a': [1, {'b': 2}, [], {}], 'c': 'x'}, indent=2))
t(lambda: json.dumps([1, [2, [3]]], indent='\t', separators=(',', ': ')))
t(lambda: json.dumps([1.5, 10**20, -0.0, 1e100, 1e-7, float('nan'), float('-inf')]))
t(lambda: json.dumps([I(3), Fl(2.5), S('x'), {S('k'): I(1)}, True, (1, 2)]))
t(lambda: json.dumps(X(), default=lambda o: {'x': 1}))
t(lambda: json.dumps(1j, default=lambda o: [o.real, o.imag]))
t(lambda: json.dumps({'b': 1, 2: 1}, sort_keys=True))
t(lambda: json.dumps('é😀"\\\n', ensure_ascii=False))
t(lambda: json.dumps('é😀"\\\n'))
t(lambda: _json.make_encoder(None, None, json.encoder.encode_basestring_ascii, '  ', ': ', ', ', False, False, True)({'a': [1, 2, {}], 'b': []}, 0))
t(lambda: _json.make_encoder(None, None, json.encoder.encode_basestring_ascii, None, ': ', ', ', False, False, True)([1], 2))
t(lambda: _json.make_encoder(None, None, lambda s: s.upper(), None, ':', ',', False, False, True)({'a': 'b'}, 0))
x = [[]]
for _ in range(1000):
    x = [x]
t(lambda: len(json.dumps(x)))
