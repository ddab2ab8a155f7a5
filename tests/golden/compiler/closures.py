def outer(a, b=1, *args, c, **kw):
    x = a
    def inner():
        nonlocal x
        x += a
        return x
    return inner

def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    del inc
    return None

class C:
    attr = 1
    def method(self):
        return __class__, super().method()
    @staticmethod
    def sm(): return C.attr
    @property
    def p(self): return self._p
    def __private(self): return self.__x

def uses_global():
    global G
    G = 1
    return G
