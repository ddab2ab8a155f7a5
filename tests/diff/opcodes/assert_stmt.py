assert True
assert 1 == 1, "never"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print("AssertionError", e.args)
AssertionError = None
try:
    assert False, "uses the real one"
except BaseException as e:
    print(type(e).__name__, e)
