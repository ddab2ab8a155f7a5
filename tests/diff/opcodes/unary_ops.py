for v in (0, 5, -3, 2.5, True, False):
    print(repr(v), -v, +v, not v)
for v in (0, 5, -3, True):
    print(~v)
try:
    ~2.5
except TypeError as e:
    print(e)
try:
    -"s"
except TypeError as e:
    print(e)
try:
    +[]
except TypeError as e:
    print(e)
print(not [], not [0], not "", not "a", not None)
