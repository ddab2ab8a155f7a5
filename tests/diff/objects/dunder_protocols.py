class Seq:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __iter__(self):
        return iter(self.items)
    def __reversed__(self):
        return reversed(self.items)
    def __contains__(self, x):
        return x in self.items
    def __bool__(self):
        return bool(self.items)
    def __repr__(self):
        return f"Seq{tuple(self.items)}"
    def __call__(self, *a):
        return ("called", a)
    def __index__(self):
        return len(self.items)

s = Seq(1, 2, 3)
print(len(s), s[0], s[-1], s[1:], list(reversed(s)), 2 in s, bool(s))
s[0] = 10
del s[1]
print(s, s(1, 2), [0, 1, 2, 3][s], bin(s), hex(s))
print(list(s), sorted(s), sum(s), max(s))
