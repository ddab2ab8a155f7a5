def validate(x):
    e = ValueError("invalid")
    e.add_note("while validating x")
    e.add_note(f"x = {x!r}")
    raise e

try:
    validate(3)
except ValueError as err:
    err.add_note("in the main block")
    raise
