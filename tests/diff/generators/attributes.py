def gen(a):
    yield a

g = gen(5)
print(g.gi_code is gen.__code__, g.gi_code.co_name, g.gi_running, g.gi_suspended)
print(g.gi_frame.f_locals)
print(g.__name__, g.__qualname__)
g.__name__ = "renamed"
print(g.__name__)
try:
    g.__name__ = 5
except TypeError as e:
    print(e)
print(gen.__code__.co_flags & 0x20 != 0)
ge = (x for x in [1])
print(ge.__name__, ge.__qualname__, type(ge).__name__)
class K:
    def m(self):
        yield 1
print(K().m().__qualname__)
