def sample(a, b, /, c, *args, d, **kwargs):
    x = a + b
    def inner():
        return x
    return inner

co = sample.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_names, co.co_firstlineno, co.co_filename)
print(co.co_flags, co.co_stacksize, type(co.co_code).__name__, len(co.co_code) % 2, type(co.co_linetable).__name__)
print([c for c in co.co_consts if not hasattr(c, "co_code")], [c.co_name for c in co.co_consts if hasattr(c, "co_code")])
inner = sample(1, 2, 3, d=4)
print(inner.__code__.co_freevars, inner.__code__.co_qualname, inner.__code__.co_flags & 0x10 != 0)
print(list(co.co_lines())[:3] == list(co.co_lines())[:3], all(len(t) == 3 for t in co.co_lines()))
print(list(co.co_positions())[0] if co.co_positions() else None)
print(co.co_exceptiontable, type(co).__name__)
c2 = co.replace(co_name="renamed")
print(c2.co_name, c2.co_qualname, c2 is co, c2 == co)
