e = ValueError("msg", 2)
print(e.args, str(e), repr(e), e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__, getattr(e, "__notes__", "no notes"))
print(str(ValueError()), repr(ValueError()), str(ValueError("one")), repr(KeyError("k")), str(KeyError("k")), str(KeyError()))
e.args = ("new",)
print(e, e.args)
e2 = e.with_traceback(None)
print(e2 is e)
try:
    raise e
except ValueError as caught:
    print(caught.__traceback__ is not None, caught.__traceback__.tb_lineno)
print(BaseException.__mro__, Exception.__bases__, ArithmeticError.__subclasses__())
print(isinstance(ZeroDivisionError(), ArithmeticError), issubclass(KeyError, LookupError), issubclass(UnicodeDecodeError, ValueError))
