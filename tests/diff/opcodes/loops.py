i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 7:
        break
    print("while", i)
else:
    print("no else: broke out")

for x in range(3):
    print("for", x)
else:
    print("for else runs")

for x in []:
    pass
else:
    print("empty for else")

n = 0
while True:
    n += 1
    try:
        if n == 3:
            break
    finally:
        print("finally", n)
print(n)
total = 0
for a in range(4):
    for b in range(4):
        if b > a:
            break
        total += a * b
print(total)
