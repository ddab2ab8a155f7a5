# exec(code, closure=...) (3.11) and code objects with free variables given to exec or eval.
def f():
    x = 1
    def g(): return x
    return g
g = f()
def h():
    y = 5
    def k():
        print('k sees', y)
        return y * 2
    return k
k = h()
calls = [lambda: eval(g.__code__), lambda: exec(g.__code__), lambda: exec(g.__code__, closure=g.__closure__),
         lambda: exec(g.__code__, closure=()), lambda: exec(g.__code__, closure=[g.__closure__[0]]),
         lambda: exec(g.__code__, closure=(1,)), lambda: exec(compile('1', 's', 'exec'), closure=g.__closure__),
         lambda: exec('1', closure=g.__closure__), lambda: exec(k.__code__, {}, closure=k.__closure__),
         lambda: exec(compile('1', 's', 'exec'), closure=None), lambda: eval('1', closure=None)]
for call in calls:
    try: print(call())
    except Exception as e: print(type(e).__name__, e)
