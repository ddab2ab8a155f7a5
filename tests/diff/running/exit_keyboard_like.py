class Stop(BaseException):
    pass

try:
    raise Stop("stop now")
except Exception:
    print("not caught here")
except BaseException as e:
    print("caught", type(e).__name__, e)
raise Stop("really stop")
