g = {"x": 1}
l = {"y": 2}
exec("z = x + y\nprint('inside', x, y)", g, l)
print(sorted(k for k in g if k != "__builtins__"), l)
exec("def f():\n    return x\nr = f()", g, l)
print(l["r"])
print(eval("x * 10 + y", g, l))
exec("global x\nx = 99", g, l)
print(g["x"])
ns = {}
exec("class K:\n    a = 1\n    b = [a for _ in range(2)] if False else a + 1", ns)
print(ns["K"].b)
