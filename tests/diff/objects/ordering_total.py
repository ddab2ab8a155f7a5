class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))

vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs), min(vs), max(vs))
print(sorted(set(vs)))
print(Version("1.0") >= Version("0.5"))
