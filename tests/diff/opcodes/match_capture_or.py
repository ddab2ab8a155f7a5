def f(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as direction]:
            return "going " + direction
        case ["pick", "up", item] | ["take", item]:
            return "taking " + item
        case ["drop", *items]:
            return "dropping " + ",".join(items)
        case [verb, *_]:
            return "unknown verb " + verb
        case []:
            return "nothing"

for c in ("go north", "go west", "pick up key", "take lamp", "drop a b c", "dance", ""):
    print(repr(c), f(c))
import sys
match sys.version_info:
    case (3, minor, *_):
        print("python 3 minor", minor)
