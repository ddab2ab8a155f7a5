x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
try:
    gen = (1 / i for i in [1, 0])
    print(next(gen))
    print(next(gen))
except ZeroDivisionError as e:
    print(e)
try:
    (i for i in 5)
except TypeError as e:
    print(e)
class C:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
print(C.doubled)
