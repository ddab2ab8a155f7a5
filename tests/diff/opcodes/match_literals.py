def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case float() if x > 100:
            return "big float"
        case int(n) if n < 0:
            return f"negative {n}"
        case _:
            return "other"

for v in (0, 2, "hello", None, True, 1000.5, -4, 7, 3.0):
    print(repr(v), describe(v))
