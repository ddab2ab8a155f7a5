import pprint, dataclasses
data = {"name": "Typhon", "stages": ["tokens", "parser", "ast", "symtable", "compiler", "code objects", "eval loop", "objects", "imports"], "nested": {"deep": {"deeper": {"deepest": list(range(30))}}}, "tuple": (1, 2, 3), "set": {3, 1, 2}}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
pprint.pprint(data, sort_dicts=False, compact=True, indent=2)
print(pprint.pformat(list(range(40)), width=50))
print(pprint.saferepr({"a": [1, 2]}), pprint.isreadable([1, "a"]), pprint.isrecursive([1]))
import re
r = [1, 2]; r.append(r); print(re.sub(r"id=\d+", "id=N", pprint.pformat(r)), pprint.isrecursive(r))
pp = pprint.PrettyPrinter(indent=4, width=30)
pp.pprint({"key%d" % i: "value" * i for i in range(5)})
@dataclasses.dataclass
class Cfg:
    host: str
    ports: list
    opts: dict
pprint.pp(Cfg("localhost", list(range(20)), {"a": 1, "b": "x" * 50}), width=60)
pprint.pprint(["long string " * 10, b"bytes " * 20], width=60)
import collections
pprint.pprint(collections.OrderedDict((str(i), i) for i in range(12)), width=50)
pprint.pprint(collections.Counter("abracadabra"))
