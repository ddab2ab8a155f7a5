def f(a, b=2):
    c = a + b
    print(sorted(locals().items()))
    def g():
        return c
    print(sorted(locals()))
    return g

f(1)

class C:
    x = 1
    print(sorted(k for k in locals() if not k.startswith("__")))

print(sorted(k for k in locals() if not k.startswith("__")) == sorted(k for k in globals() if not k.startswith("__")))
print([locals() for _ in range(1)][0].keys() - {"_"})
