a = [1, 2]
b = {"x": 1}
print([*a, *"xy", 3])
print((*a,), (*a, *a))
print({*a, *(3, 4)})
print({**b, "y": 2, **{"x": 9}})
print(dict(**b, z=3))
print({1: "a", 2: "b", 3: "c"})
print(f"{a}-{b!r}-{'s'!s}-{3.14159:.2f}-{42:>6}-{'é'!a}")
print([i for i in range(3)], {i: i * i for i in range(3)}, {i % 2 for i in range(5)})
def f(*args, **kwargs):
    return args, kwargs
print(f(*a, 5, *a, k=1, **b))
try:
    f(**b, **{"x": 2})
except TypeError as e:
    print(e)
try:
    f(*1)
except TypeError as e:
    print(e)
try:
    f(**[1])
except TypeError as e:
    print(e)
