class Collide:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        return 42
    def __eq__(self, o):
        print("eq", self.name, o.name)
        return self.name == o.name
    def __repr__(self):
        return self.name

d = {Collide("a"): 1, Collide("b"): 2}
print(d[Collide("b")])
s = {Collide("x"), Collide("y"), Collide("x")}
print(len(s))
print({1: "int", 1.0: "float", True: "bool"})
print({0, 0.0, False, -0.0})
