import sys

def fail():
    raise ValueError("x")

def middle():
    fail()

try:
    middle()
except ValueError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, type(tb.tb_lasti).__name__)
        tb = tb.tb_next
    print(sys.exc_info()[0].__name__, sys.exc_info()[1] is e, sys.exception() is e)
print(sys.exc_info(), sys.exception())
