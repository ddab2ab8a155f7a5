def run(value):
    match value:
        case str(a, b):
            return "never"

try:
    run("x")
except TypeError as e:
    print(e)
not_a_class = 5
try:
    match 1:
        case not_a_class():
            pass
except TypeError as e:
    print(e)
class P:
    __match_args__ = ("a", "a")
    a = 1
try:
    match P():
        case P(x, y):
            pass
except TypeError as e:
    print(e)
class Q:
    __match_args__ = ["a"]
try:
    match Q():
        case Q(x):
            pass
except TypeError as e:
    print(e)
for src in ("match x:\n    case y:\n        pass\n    case 1:\n        pass\n", "match x:\n    case a | b:\n        pass\n", "match x:\n    case [a, a]:\n        pass\n", "match x:\n    case {**r, 'k': 1}:\n        pass\n"):
    try:
        compile(src, "<match>", "exec")
    except SyntaxError as e:
        print(e.msg)
