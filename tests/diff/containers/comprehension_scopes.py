x = "outer"
print([x for x in range(3)], x)
print({k: v for k, v in zip("ab", "cd")}, [(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)], [i for i in range(10) if i % 2 if i % 3])
def f():
    y = 10
    return [y + i for i in range(3)], {y for _ in "ab"}
print(f())
matrix = [[1, 2], [3, 4]]
print([row[i] for i in range(2) for row in matrix], [sum(r) for r in matrix])
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print(e)
print([lambda: i for i in range(2)][0](), [(lambda i=i: i)() for i in range(3)])
