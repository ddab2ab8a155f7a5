# gc.collect() as a full mark: what each kind of root keeps alive survives it, what nothing holds dies with its
# weak references cleared and callbacks run (refcounting order), a failing callback goes to sys.unraisablehook.
import gc, sys, weakref, atexit, threading, contextvars, collections, codecs
class A:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"A({self.n})"
    def meth(self): return self.n
    def cb(self, ref): print("callback of", self, "got a dead ref:", ref() is None)
def alive(r): return r() is not None

# a frame local (this frame and an outer frame's)
def inner(r):
    gc.collect()
    return alive(r)
def frame_local():
    o = A(1); r = weakref.ref(o)
    return inner(r)
print("frame local", frame_local())

# a suspended generator's frame
def gen():
    o = A(2); yield weakref.ref(o); yield o.n
g = gen(); r = next(g); gc.collect(); print("generator frame", alive(r)); print(next(g))

# a green thread blocked in a wait
ev = threading.Event(); done = threading.Event(); refs = []
def worker():
    o = A(3); refs.append(weakref.ref(o)); done.set(); ev.wait(); refs.append(o.n)
t = threading.Thread(target=worker); t.start(); done.wait(); gc.collect()
print("thread frame", alive(refs[0])); ev.set(); t.join(); print(refs[1])

# an atexit callback only atexit holds
def make_cb():
    def at_exit(): print("atexit ran")
    return at_exit
f = make_cb(); r = weakref.ref(f); atexit.register(f); del f; gc.collect(); print("atexit callback", alive(r))

# a closure cell, an instance dict, a class attribute, a __slots__ slot, a module global in sys.modules
def outer():
    o = A(4)
    def get(): return o
    return get, weakref.ref(o)
get, r = outer(); gc.collect(); print("closure cell", alive(r))
class Holder: pass
h = Holder(); h.x = A(5); r = weakref.ref(h.x); gc.collect(); print("instance dict", alive(r))
class K: attr = A(6)
r = weakref.ref(K.attr); gc.collect(); print("class attribute", alive(r))
class S:
    __slots__ = ("v", "__weakref__")
s = S(); s.v = A(7); r = weakref.ref(s.v); gc.collect(); print("slot", alive(r))
class Str(str): pass
st = Str("x"); st.extra = A(8); r = weakref.ref(st.extra); gc.collect(); print("str subclass dict", alive(r))
import types
m = types.ModuleType("m_gc"); m.val = A(9); sys.modules["m_gc"] = m; r = weakref.ref(m.val); del m; gc.collect(); print("sys.modules", alive(r))

# a list being sorted: its items are out of the list while the key function runs
items = [A(10), A(11)]; r = weakref.ref(items[0]); seen = []
def key(x):
    gc.collect(); seen.append(alive(r)); return x.n
items.sort(key=key); print("list being sorted", seen)

# the exception being handled, a context variable, a thread-local, a defaultdict's factory, a codec search function
class E(Exception): pass
try:
    raise E()
except E:
    r = weakref.ref(sys.exception()); gc.collect(); print("handled exception", alive(r))
cv = contextvars.ContextVar("cv"); cv.set(A(12)); r = weakref.ref(cv.get()); gc.collect(); print("context variable", alive(r))
loc = threading.local(); loc.v = A(13); r = weakref.ref(loc.v); gc.collect(); print("thread local", alive(r))
dd = collections.defaultdict(A(14).meth); r = weakref.ref(dd.default_factory.__self__); gc.collect(); print("defaultdict factory", alive(r))
def search(name): return None
r = weakref.ref(search); codecs.register(search); del search; gc.collect(); print("codec search function", alive(r))
# bound method / callback held by a weak reference's callback
o = A(15); keep = weakref.ref(o, A(16).cb); r = weakref.ref(keep.__callback__.__self__); gc.collect(); print("ref callback", alive(r))
# and the dead: a local that is gone, an object only a weak container holds
o = A(17); r = weakref.ref(o); del o; gc.collect(); print("deleted", alive(r))
ws = weakref.WeakSet([A(18)]); gc.collect(); print("weakset only", len(ws))
class Bad:
    def __call__(self, ref): raise ValueError("from a callback")
    def __repr__(self): return "<Bad callback>"
o = A(19); r = weakref.ref(o, Bad()); del o; gc.collect(); print("after a failing callback", r())
