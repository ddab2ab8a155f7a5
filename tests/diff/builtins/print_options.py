import sys
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=None, end=None)
print("no newline", end="")
print(" | continued")
print(*range(5), sep=", ", end=".\n")
print()
print(sep="-")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print("file None", file=None)
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
c = Collector()
print("x", 1, [2], file=c, sep="|")
print(c.parts)
for bad in (dict(sep=5), dict(end=[]), dict(file=5)):
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
