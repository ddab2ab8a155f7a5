print(3 in [1, 2, 3], 4 not in {1, 2}, "b" in "abc", "ab" in "xaby")
print(2 in {2: "x"}, "x" in {2: "x"}, 1 in range(0, 10, 2), 2 in range(0, 10, 2))
a = [1]
b = a
print(a is b, a is [1], a is not b, None is None)

class Always:
    def __contains__(self, item):
        return item == "yes"

print("yes" in Always(), "no" in Always())

class Seq:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        return i * 10

print(30 in Seq(), 35 in Seq())
try:
    1 in 5
except TypeError as e:
    print(e)
