for a in (7, -7, 0):
    for b in (2, -2, 3):
        print(a, b, a // b, a % b, divmod(a, b), a / b)
for bad in ((1, 0), (0, 0), (10**30, 0)):
    for op in ("//", "%", "/", "divmod"):
        try:
            if op == "divmod":
                divmod(*bad)
            else:
                eval(f"{bad[0]} {op} {bad[1]}")
        except ZeroDivisionError as e:
            print(op, e)
print(10**30 / 7, 2**1024 // 3 % 1000)
try:
    2**1024 / 1
except OverflowError as e:
    print(e)
print((2**1024) / (2**1000))
