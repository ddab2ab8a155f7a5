class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

class Model:
    a = Field()
    b = Field()

print(Model.a.name, Model.b.name)
f = Field()
class Later:
    pass
Later.c = f
print(hasattr(f, "name"))
T = type("T", (), {"d": Field()})
print(T.d.name)
class Err:
    def __set_name__(self, owner, name):
        raise ValueError("refused " + name)
try:
    class Host:
        x = Err()
except ValueError as e:
    print(type(e).__name__, e, getattr(e, "__notes__", None))
