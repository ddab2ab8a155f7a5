try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__, repr(e))
for cls in (SystemExit, KeyboardInterrupt, GeneratorExit, Exception, BaseExceptionGroup):
    print(cls.__name__, cls.__bases__)
print(sorted(c.__name__ for c in BaseException.__subclasses__()))
print(len([c for c in Exception.__subclasses__() if c.__module__ == "builtins"]) > 15)
