class H:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, o):
        return self is o
    def __repr__(self):
        return f"H{self.h}"

print({H(i) for i in (7, 3, 15, 8, 1, -1, -3)})
print(set([H(2**62), H(-(2**62)), H(0)]))
