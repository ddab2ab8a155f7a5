def gen(name):
    try:
        yield 1
    finally:
        print("finalizing", name)

g = gen("explicit")
next(g)
del g
print("after del")
for x in gen("loop-break"):
    break
print("after loop")
def run():
    g = gen("local")
    next(g)
run()
print("end")
