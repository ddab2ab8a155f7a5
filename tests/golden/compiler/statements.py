"""Module docstring."""
import os, sys as system
from os.path import join, split as sp
from . import sibling
from .. pkg import *
x = 1; y: int = 2; z: "list[int]"
a = b = c = x
a, (b, *c), d = [1, (2, 3, 4), 5]
x += 1; x -= 1; x *= 2; x /= 3; x //= 4; x %= 5; x **= 6; x <<= 1; x >>= 1; x &= 7; x |= 8; x ^= 9; x @= y
obj.attr = 1; obj.attr += 2; del obj.attr
seq[0] = 1; seq[1:2] = [3]; seq[::2] += [4]; del seq[0], seq[1:3]
global_name = None
del a, b
assert x, "message"
assert y
pass
if x:
    pass
elif y:
    x = 2
else:
    x = 3
while x:
    x -= 1
    if x == 5:
        continue
    if x == 3:
        break
else:
    y = 0
for i in range(3):
    pass
else:
    i = None
for k, v in {}.items():
    print(k, v, sep="", end="")
raise
