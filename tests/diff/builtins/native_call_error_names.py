# Argument errors of native functions and methods name them as _PyObject_FunctionStr: module-qualified for module functions (not builtins), by __qualname__ for methods.
import os, pwd, datetime, collections, math, itertools
for f in [lambda: os.pipe2(), lambda: pwd.getpwuid(), lambda: datetime.date.toordinal(datetime.date(2020, 1, 1), 1), lambda: collections.deque().append(), lambda: math.sqrt(), lambda: math.sqrt(1, x=2), lambda: len(), lambda: [].append(1, 2), lambda: {}.get(), lambda: os.getcwd(1), lambda: "".join(), lambda: itertools.chain.from_iterable()]:
    try: f()
    except TypeError as e: print(e)
