class Interface:
    def required(self):
        raise NotImplementedError(f"{type(self).__name__}.required")

class Impl(Interface):
    def required(self):
        return "done"

print(Impl().required())
try:
    Interface().required()
except NotImplementedError as e:
    print(type(e).__name__, e, issubclass(NotImplementedError, RuntimeError))
print(bool(NotImplemented) if False else "skip bool(NotImplemented)")
