def read(lines):
    for line in lines:
        yield line.strip()

def nonempty(lines):
    return (l for l in lines if l)

def numbered(lines):
    for i, l in enumerate(lines, 1):
        yield f"{i}: {l}"

src = ["  a ", "", "b", "   ", "c  "]
for row in numbered(nonempty(read(src))):
    print(row)
print(sum(x * x for x in range(10) if x % 3))
print(max((len(w), w) for w in "the quick brown fox".split()))
it = (x for x in range(3))
print(next(it), list(it), list(it))
