# diff-stdin: "typed input\n"
print(repr(input("Enter: ")))
try:
    open("/definitely/not/here.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    open(5.5)
except TypeError as e:
    print(e)
