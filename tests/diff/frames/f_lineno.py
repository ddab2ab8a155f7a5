import sys

def line():
    return sys._getframe(1).f_lineno

print(line())
x = (
    line()
)
print(x)
def multi():
    a = line(); b = line()
    return a, b
print(multi())
for i in range(2):
    print("loop", line())
