import sys
try:
    exec("x = (1,\ny = 2")
except SyntaxError:
    sys.excepthook(*sys.exc_info())
exec("def f(:\n    pass\n")
