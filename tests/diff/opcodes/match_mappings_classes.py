class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point():
            return "somewhere"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} extra={rest}"
        case {"type": t}:
            return f"mapping of type {t}"
        case _:
            return "unknown"

for v in (Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), {"type": "circle", "r": 2, "c": 1}, {"type": "sq"}, 5):
    print(where(v))

class Bad:
    __match_args__ = ("a",)

try:
    match Bad():
        case Bad(1, 2):
            pass
except TypeError as e:
    print(e)
match {"a": 1}:
    case {"a": 1, "b": _}:
        print("no")
    case {"a": v} as whole:
        print("yes", v, whole)
