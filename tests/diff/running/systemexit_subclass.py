class Quit(SystemExit):
    pass

print(issubclass(Quit, BaseException), issubclass(Quit, Exception))
raise Quit(4)
