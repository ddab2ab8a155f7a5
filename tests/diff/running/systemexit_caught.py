import sys
for code in (5, "text", None, (1, 2)):
    try:
        sys.exit(code)
    except SystemExit as e:
        print(repr(e.code), e.args)
try:
    raise SystemExit
except SystemExit as e:
    print(repr(e.code), e.args)
try:
    raise SystemExit(1, 2, 3)
except SystemExit as e:
    print(repr(e.code), e.args)
print("still running")
