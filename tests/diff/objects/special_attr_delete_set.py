# Deleting and setting special attributes of functions, instances, modules and classes: which may be deleted
# (an instance's __dict__), and CPython's errors for the rest (readonly members, getsets without a setter).
def f(): pass
class C: pass
o = C()
import types
m = types.ModuleType("m")
targets = [(f, ["__code__", "__name__", "__qualname__", "__defaults__", "__kwdefaults__", "__doc__", "__dict__", "__annotations__", "__module__", "__globals__", "__closure__", "__type_params__"]),
           (o, ["__class__", "__dict__"]), (m, ["__name__", "__dict__", "__doc__"]), (C, ["__dict__", "__mro__", "__base__", "__flags__"])]
for obj, names in targets:
    for n in names:
        try:
            delattr(obj, n)
            print("deleted", type(obj).__name__, n, repr(getattr(obj, n, "<gone>"))[:40])
        except Exception as e:
            print(type(obj).__name__, n, type(e).__name__, e)
for obj, n, v in [(f, "__name__", 1), (f, "__qualname__", 1), (f, "__code__", 1), (f, "__defaults__", 1), (f, "__kwdefaults__", 1), (f, "__annotations__", 1), (f, "__dict__", 1), (o, "__class__", int), (o, "__dict__", 1), (f, "__type_params__", 1)]:
    try:
        setattr(obj, n, v)
        print("set", n)
    except Exception as e:
        print("set", type(obj).__name__, n, type(e).__name__, e)
o2 = C()
o2.a = 1
del o2.__dict__
print(o2.__dict__, getattr(o2, "a", "no a"))
o2.b = 2
print(o2.__dict__, o2.b)
for target, n in ((types, "__dict__"), (C, "__base__"), (C, "__flags__")):
    try:
        setattr(target, n, {})
    except AttributeError as e:
        print("set", n, e)
