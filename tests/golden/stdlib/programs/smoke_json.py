import json, decimal
data = {"name": "Typhon", "version": [3, 13], "ok": True, "none": None, "pi": 3.14159, "nested": {"b": 1, "a": [1.5, "x"]}, "uni": "é☃"}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps("tab\there\n"), json.dumps(1e100), json.dumps(float("inf")), json.dumps(-0.0))
print(json.loads(s) == data, json.loads('{"a": [1, 2.5, "\\u00e9", null, true]}'), json.loads("1e400"), json.loads(' "\\ud83d\\ude00" '))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=Enc), json.dumps({1: "int key", 2.5: "f", None: "n"}))
print(json.loads('{"x": 1.1}', parse_float=decimal.Decimal), json.loads('[1,2]', object_hook=None), json.loads('{"a":1}', object_pairs_hook=list))
print(json.loads('{"a": 1, "b": {"__point__": [1, 2]}}', object_hook=lambda d: tuple(d["__point__"]) if "__point__" in d else d))
for bad in ['{"a": 1,}', "[1, 2", "nul", '{"a" 1}', '"\\x"', "", "[1] 2"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), e.msg, e.lineno, e.colno, e.pos, str(e))
try:
    json.dumps(object)
except TypeError as e:
    print(e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print(e)
l = []; l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print(e)
