class Fake:
    def __mro_entries__(self, bases):
        print("mro_entries called with", [type(b).__name__ for b in bases])
        return (Real,)

class Real:
    def where(self):
        return "real"

class Child(Fake()):
    pass

print(Child.__bases__, Child.__orig_bases__[0].__class__.__name__, Child().where())
class Empty:
    def __mro_entries__(self, bases):
        return ()
class Lonely(Empty()):
    pass
print(Lonely.__bases__)
try:
    type("X", (Fake(),), {})
except TypeError as e:
    print(e)
