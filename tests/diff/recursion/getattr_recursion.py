class Broken:
    def __getattr__(self, name):
        return self.missing

try:
    Broken().x
except RecursionError as e:
    print(type(e).__name__, e)

class Deep:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return Deep(self.n + 1) == other

try:
    Deep(0) == 1
except RecursionError as e:
    print(type(e).__name__, e)
print("ok")
