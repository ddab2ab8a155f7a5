def val(x):
    print("eval", x)
    return x

print(val(1) < val(2) < val(3))
print(val(1) < val(0) < val(3))
print(1 == 1.0 == True, [] is not None, "a" != "b")
print([1, 2] < [1, 3], (1, 2) <= (1, 2), "abc" > "abd")
print(3 > 2 > 1 > 0 >= 0 == 0 != 1)
x = 5
print(0 < x <= 5, 0 < x < 5)
