e = ValueError("base")
e.add_note("first")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as err:
    print(err)
e.__notes__ = ["replaced"]
print(e.__notes__)
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as err:
    print(err)
f = KeyError("k")
f.__notes__ = None
try:
    f.add_note("x")
except TypeError as err:
    print(err)
del f.__notes__
f.add_note("fresh")
print(f.__notes__)
