class Logged(dict):
    def __setitem__(self, k, v):
        print("setitem", k)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print("getitem", k)
        return super().__getitem__(k)

d = Logged(a=1)
d["b"] = 2
print(d["a"], d.get("a"), dict(d), d)
d.update(c=3)
print(sorted(d), {**d}, "b" in d)
class Missing(dict):
    def __missing__(self, k):
        self[k] = len(self)
        return self[k]
m = Missing()
print(m["x"], m["y"], m["x"], m, m.get("z"))
