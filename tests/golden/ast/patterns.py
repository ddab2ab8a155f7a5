match command.split():
    case [action]:
        pass
    case [action, obj, *_]:
        pass
    case ("a" | "b" "c") as s if s:
        pass
    case {"x": 1, **rest}:
        pass
    case {1: _, -2: _, 3+4j: _, a.b.c: _}:
        pass
    case Point(1, y=2) | Point():
        pass
    case [*_, (1, 2), [3]]:
        pass
    case True | False | None | -1.5 | b"x":
        pass
    case (x,) | ():
        pass
    case _:
        pass
match = 1; case = match; type = case; _ = type
match (x, y):
    case x, y: pass
match *a, b:
    case {}: pass
