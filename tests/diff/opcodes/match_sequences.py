def shape(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case [first, *rest] if len(rest) > 2:
            return f"long starting {first}, {len(rest)} more"
        case (a, b, c):
            return f"three {a} {b} {c}"
        case str():
            return "string"
        case _:
            return "other"

for v in ([], [1], (1, 2), [1, 2, 3], [1, 2, 3, 4, 5], "ab", range(3), {1: 2}):
    print(repr(v), shape(v))
