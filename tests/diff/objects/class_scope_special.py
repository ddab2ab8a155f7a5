class C:
    print(__name__, __qualname__, __module__)
    def method(self):
        pass
    print(sorted(k for k in locals()))
class D:
    x = 1
    class Inner:
        y = 2
        print(__qualname__)
print(D.Inner.__qualname__)
class E:
    __doc__ = "explicit doc"
print(E.__doc__)
