import copyreg, pickle, copy
class Temp:
    def __init__(self, c): self.c = c
def reduce_temp(t): return (Temp, (t.c + 0.5,))
copyreg.pickle(Temp, reduce_temp)
print(pickle.loads(pickle.dumps(Temp(20))).c, copy.copy(Temp(1)).c, Temp in copyreg.dispatch_table)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1; self.b = 2
s = pickle.loads(pickle.dumps(Slotted(), protocol=2)); print(s.a, s.b, copyreg._slotnames(Slotted))
print(copyreg.__newobj__(list).__class__.__name__, copyreg._reconstructor(object, object, None).__class__.__name__, copyreg.__newobj_ex__(dict, (), {}))
copyreg.add_extension("mymod", "myname", 240); print(copyreg._extension_registry[("mymod", "myname")], copyreg._inverted_registry[240]); copyreg.remove_extension("mymod", "myname", 240)
class C(complex): pass
print(pickle.loads(pickle.dumps(C(1, 2), protocol=0)), copyreg.pickle_complex(3j) if hasattr(copyreg, "pickle_complex") else None)
for bad in [lambda: copyreg.pickle(Temp, 5), lambda: copyreg.add_extension("m", "n", 0), lambda: copyreg.remove_extension("x", "y", 5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
