import weakref, gc
class Obj:
    def __init__(self, n): self.n = n
    def method(self): return self.n
    def __repr__(self): return f"Obj({self.n})"
o = Obj(1); r = weakref.ref(o, lambda ref: print("callback fired", ref() is None))
print(r() is o, weakref.getweakrefcount(o), r.__callback__ is not None)
del o; gc.collect(); print(r())
vd = weakref.WeakValueDictionary(); keep = Obj(2); tmp = Obj(3); vd["keep"] = keep; vd["tmp"] = tmp
del tmp; gc.collect(); print(sorted(vd.keys()), len(vd))
kd = weakref.WeakKeyDictionary(); k1 = Obj(4); kd[k1] = "v"; print(list(kd.values()), k1 in kd); del k1; gc.collect(); print(len(kd))
ws = weakref.WeakSet(); a, b = Obj(5), Obj(6); ws.add(a); ws.add(b); del a; gc.collect(); print(len(ws), list(ws))
p = weakref.proxy(keep); print(p.n, p.method(), type(p).__name__)
wm = weakref.WeakMethod(keep.method); print(wm()(), type(wm).__name__)
f = weakref.finalize(keep, print, "finalized", 2); print(f.alive, f.peek()[1:] if f.peek() else None); f(); print(f.alive)
t = Obj(7); weakref.finalize(t, print, "finalizer on delete"); del t; gc.collect()
print("end of program")
for bad in [lambda: weakref.ref(1), lambda: weakref.ref([])]:
    try:
        bad()
    except TypeError as e:
        print(e)
d = Obj(8); pr = weakref.proxy(d); del d; gc.collect()
try:
    pr.n
except ReferenceError as e:
    print(type(e).__name__, e)
