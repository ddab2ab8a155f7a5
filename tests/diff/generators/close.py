def closable():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("cleanup")

c = closable()
print(next(c))
print(c.close())
print(c.close())
print(c.gi_frame)

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)

def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "value from close"

r = returns_on_close()
next(r)
print(r.close())
u = closable()
u.close()
print("unstarted close prints nothing")
