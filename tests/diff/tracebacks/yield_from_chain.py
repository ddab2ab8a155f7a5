def leaf():
    yield 1
    raise LookupError("leaf failed")

def middle():
    yield from leaf()

def top():
    yield from middle()

print(list(top()))
