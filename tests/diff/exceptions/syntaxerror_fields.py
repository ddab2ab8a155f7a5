try:
    compile("x = 1 +", "<test>", "exec")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, e.args[0], len(e.args))
    print(str(e), repr(e)[:30])
try:
    compile("def f():\n  return\n    x = 1", "<indent>", "exec")
except IndentationError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    compile("if 1:\n\tpass\n        pass", "<tabs>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
e = SyntaxError("custom", ("f.py", 3, 5, "bad line", 3, 8))
print(e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, str(e))
print(str(SyntaxError("only msg")), SyntaxError().msg)
