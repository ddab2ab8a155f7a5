def comps(xs, ys):
    a = [x * 2 for x in xs if x]
    b = {x: y for x in xs for y in ys if x != y}
    c = {x for x in xs}
    d = (x for x in xs)
    e = [[y for y in x] for x in xs]
    f = [lambda: x for x in xs]
    return a, b, c, d, e, f

class K:
    vals = [v for v in range(3)]
    other = [vals for _ in range(2)]

g = [i for i in range(3)]
