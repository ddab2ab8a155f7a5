def numbers():
    yield 1
    yield 2
    yield 1 / 0

total = 0
for n in numbers():
    total += n
