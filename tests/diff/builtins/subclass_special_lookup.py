# Special methods of subclasses of built-in types are looked up on the type: len() honours an overriding __len__
# of a list or tuple subclass, and dict's __missing__ comes from the class (not the instance, and not through a
# class's __getattr__).
class L(list):
    def __len__(self):
        return 99


class T(tuple):
    def __len__(self):
        return 7


print(len(L([1, 2])), len(T((1,))), len([1, 2]), len((1,)), len(list(L([1, 2]))))


class D(dict):
    pass


d = D()
d.__missing__ = lambda k: "instance"
try:
    d["x"]
except KeyError as e:
    print("KeyError", e)
D.__missing__ = lambda self, k: "class " + k
print(d["x"])


class G(dict):
    def __getattr__(self, name):
        return self[name]


try:
    G()["y"]
except KeyError as e:
    print("KeyError", e)


class M(dict):
    def __missing__(self, key):
        return key * 2


print(M()["ab"], M(a=1)["a"])
