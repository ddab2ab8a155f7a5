import sys

def gen():
    fr = sys._getframe()
    yield fr.f_code.co_name
    yield fr.f_lineno

g = gen()
print(next(g))
print(g.gi_frame.f_lineno, g.gi_frame.f_code.co_name)
print(next(g))
print(list(g), g.gi_frame)
def outer():
    inner_frame = sys._getframe()
    return inner_frame
fr = outer()
print(fr.f_back is None or fr.f_back.f_code.co_name)
fr.clear()
print(fr.f_locals)
