import sys
M = type(sys)
m = M("fresh", "A fresh module.")
print(type(m).__name__, m.__name__, m.__doc__, m.__spec__, m.__loader__, m.__package__, sorted(m.__dict__))
m.value = 42
print(m.value, m.__dict__["value"], repr(M("x")))
try:
    m.missing
except AttributeError as e:
    print(e)
def __getattr__(name):
    return f"module-level __getattr__ for {name}"
print(sys.modules[__name__].anything)
print(type(sys.modules).__name__, "sys" in sys.modules, sys.modules["sys"] is sys, sys.__name__)
try:
    M()
except TypeError as e:
    print(e)
