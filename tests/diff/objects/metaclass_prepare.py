class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print("prepare", name, kwargs)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kwargs):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kwargs.get("tag")
        return cls
    def __init__(cls, name, bases, ns, **kwargs):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args):
        print("meta call", args)
        return super().__call__(*args)

class Model(metaclass=OrderedMeta, tag="x"):
    a = 1
    def method(self):
        return self.injected

m = Model()
print(Model.tag, m.method(), type(Model).__name__)
class Sub(Model):
    b = 2
print(Sub.tag, type(Sub).__name__)
