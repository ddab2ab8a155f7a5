def m(cmd):
    match cmd:
        case 0 | 1 | 2:
            return "small"
        case [x, y, *rest] if x > y:
            return rest
        case {"k": v, **others}:
            return v, others
        case Point(x=0, y=yy) as p:
            return p, yy
        case str() | bytes():
            return "text"
        case (1, 2):
            return "pair"
        case None | True:
            return "singleton"
        case -1.5 | 2j:
            return "num"
        case _:
            return None
