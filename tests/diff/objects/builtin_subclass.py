class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"

class MyList(list):
    def append(self, x):
        super().append(x * 2)

class MyStr(str):
    pass

class MyDict(dict):
    def __missing__(self, key):
        return f"missing {key}"

i = MyInt(5)
print(i, i + 1, type(i + 1).__name__, repr(i), isinstance(i, int))
ml = MyList([1])
ml.append(2)
print(ml, type(ml[:]).__name__, len(ml))
s = MyStr("abc")
print(s.upper(), type(s.upper()).__name__, type(s).__name__, s == "abc")
d = MyDict(a=1)
print(d["a"], d["zz"], d.get("zz"))
class E(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise E(5)
except E as e:
    print(e, e.code, e.args)
