def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    def peek():
        return x
    return inner, peek

inc, peek = outer()
print(inc(), inc(), peek())
print(inc.__code__.co_freevars, outer.__code__.co_cellvars)
print([c.cell_contents for c in inc.__closure__])

def counter_factory():
    funcs = []
    for i in range(3):
        def f(i=i):
            return i
        funcs.append(f)
    late = [lambda: i for i in range(3)]
    return [f() for f in funcs], [f() for f in late]

print(counter_factory())

def unbound_cell():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 2
    return inner()

print(unbound_cell())
