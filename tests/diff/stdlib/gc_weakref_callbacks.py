# Weak reference callbacks, proxies, weak containers, finalize, __del__ and sys.unraisablehook after del + gc.collect().
import gc, sys, weakref
class A:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"A({self.n})"
    def cb(self, ref): print("callback", self.n, ref() is None)
o = A(0)
basic = weakref.ref(o); p = weakref.proxy(o)
r1 = weakref.ref(o, A(1).cb); r2 = weakref.ref(o, A(2).cb); r3 = weakref.ref(o, A(3).cb)
print(weakref.getweakrefcount(o), basic is weakref.ref(o), p is weakref.proxy(o))
del o; gc.collect()
print(basic(), r1.__callback__)
try:
    p.n
except ReferenceError as e:
    print(type(e).__name__, e)
vd = weakref.WeakValueDictionary(); keep = A(4); vd["keep"] = keep
t = A(5); vd["t"] = t; kd = weakref.WeakKeyDictionary({t: 1}); ws = weakref.WeakSet([t, keep])
f = weakref.finalize(t, print, "finalized", 5)
del t; gc.collect()
print(sorted(vd), len(kd), list(ws), f.alive)
class D(A):
    def __del__(self): print("del", self.n)
d = D(6); rd = weakref.ref(d, A(7).cb); del d; gc.collect(); print(rd())
seen = []
sys.unraisablehook = seen.append
def bad(ref): raise KeyError("cb")
o = A(8); r = weakref.ref(o, bad); del o; gc.collect()
sys.unraisablehook = sys.__unraisablehook__
print(type(seen[0]).__name__, seen[0].exc_type.__name__, seen[0].object is bad, seen[0].err_msg)
r = weakref.ref(A(9)); gc.collect(); print(r())
