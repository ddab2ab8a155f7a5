class Only:
    def __eq__(self, o):
        return "eq-result"
o = Only()
print(o == 1, o != 1)
class Neq:
    def __ne__(self, o):
        return "ne-result"
print(Neq() != 1, Neq() == 1)
print(1 == 1.0, 1 != 1.0, "a" == "a", [1, 2] == [1, 2], (1, [2]) == (1, [2]))
print(float("nan") == float("nan"), [float("nan")] == [float("nan")])
x = float("nan")
print([x] == [x], x in [x])
