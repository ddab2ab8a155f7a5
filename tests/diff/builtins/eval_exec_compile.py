print(eval("1 + 2"), eval("x * 2", {"x": 5}), eval("y", {}, {"y": 7}), eval("len('abc')"))
ns = {}
exec("a = 1\nb = a + 1", ns)
print(ns["a"], ns["b"], "__builtins__" in ns)
code = compile("c + 1", "<expr>", "eval")
print(code.co_filename, code.co_name, eval(code, {"c": 41}))
code2 = compile("for i in range(2): print('single', i)", "<s>", "exec")
exec(code2)
code3 = compile("5 * 5", "<single>", "single")
exec(code3)
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
for bad in (lambda: eval("1 +"), lambda: eval("x = 1"), lambda: compile("1", "f", "bad"), lambda: eval(5), lambda: exec("raise ValueError('inside exec')")):
    try:
        bad()
    except (SyntaxError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(eval(" 1 + 1"), eval("\n1"), eval(b"2 * 3"))
restricted = {"__builtins__": {}}
try:
    eval("len([])", restricted)
except NameError as e:
    print(e)
