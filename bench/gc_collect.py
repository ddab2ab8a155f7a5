# The cost of gc.collect() (docs/modules.md, "gc and _weakref") on a heap with the stdlib imported: 40 collections
# that each find one dead weakly referenced object, then 40 that find none. Runs under Typhon and CPython.
import asyncio, typing, json, re, collections, dataclasses, unittest, weakref, gc, time, decimal, email.parser, argparse, logging, inspect
class A: pass
gc.collect()
dead, live = [], []
for i in range(40):
    a = A(); r = weakref.ref(a); del a
    t=time.perf_counter(); n=gc.collect(); dead.append(time.perf_counter()-t)
    assert r() is None
keep = A(); rk = weakref.ref(keep)
for i in range(40):
    t=time.perf_counter(); gc.collect(); live.append(time.perf_counter()-t)
med = lambda xs: round(sorted(xs[-20:])[10]*1000, 1)
print("one dead: median", med(dead), "ms, min", round(min(dead)*1000,1), "| none dead: median", med(live), "ms, min", round(min(live)*1000,1), "| objects", len(gc.get_objects()))
