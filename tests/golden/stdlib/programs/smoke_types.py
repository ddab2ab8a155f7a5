import types
ns = types.SimpleNamespace(a=1, b="x"); ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[1]), vars(ns))
mp = types.MappingProxyType({"k": 1})
print(mp["k"], list(mp.items()), mp | {"z": 2}, type(mp).__name__)
try:
    mp["k"] = 2
except TypeError as e:
    print(e)
def gen(): yield 1
async def coro(): pass
print(isinstance(gen(), types.GeneratorType), isinstance(len, types.BuiltinFunctionType), isinstance(gen, types.FunctionType))
c = coro(); print(isinstance(c, types.CoroutineType)); c.close()
print(isinstance(types, types.ModuleType), types.NoneType, types.EllipsisType, types.NotImplementedType)
m = types.ModuleType("mymod", "docstring"); m.x = 1
print(m.__name__, m.__doc__, m.x, repr(m))
class A:
    def meth(self): return self
bm = types.MethodType(lambda self: "bound " + type(self).__name__, A())
print(bm(), isinstance(A().meth, types.MethodType), isinstance(str.upper, types.MethodDescriptorType))
def body(ns): ns["greet"] = lambda self: "hi"
K = types.new_class("K", (A,), {}, body)
print(K.__name__, K().greet(), K.__mro__[1].__name__, types.resolve_bases((A, int)))
print(types.get_original_bases(type("Q", (list,), {})), types.GenericAlias(list, (int,)), types.UnionType)
def f(x, y=2): return x + y
f2 = types.FunctionType(f.__code__, {}, "f2", (10,))
print(f2(1), f2.__name__, f.__code__.co_varnames, types.CodeType.__name__)
fr = types.FrameType; tb = types.TracebackType
print(fr.__name__, tb.__name__, types.CellType.__name__, types.DynamicClassAttribute.__name__)
@types.coroutine
def old(): yield 5
print(list(old()), types.CapsuleType.__name__ if hasattr(types, "CapsuleType") else "no capsule")
