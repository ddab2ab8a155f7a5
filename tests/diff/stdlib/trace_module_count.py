# The trace module (Lib/trace.py) over sys.settrace: line counts, a traced listing and the called functions.
import os
import sys
import trace

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def loop(k):
    total = 0
    for i in range(k):
        if i % 2:
            total += i
        else:
            total -= 1
    return total

t = trace.Trace(count=1, trace=0, countfuncs=0)
t.runfunc(loop, 5)
t.runfunc(fib, 4)
counts = t.results().counts
for (filename, lineno), n in sorted(counts.items()):
    print(os.path.basename(filename), lineno, n)

t2 = trace.Trace(count=0, trace=1)
t2.runfunc(loop, 2)

t3 = trace.Trace(count=0, trace=0, countfuncs=1)
t3.runfunc(fib, 3)
for (filename, modulename, funcname), n in sorted(t3.results().calledfuncs.items()):
    print(os.path.basename(filename), modulename, funcname, n)
