def append(x, acc=[]):
    acc.append(x)
    return acc

print(append(1), append(2), append(3, []), append(4))
def kw(*, a=[]):
    a.append(1)
    return len(a)
print(kw(), kw(), kw.__kwdefaults__)
def late(x=len("abc")):
    return x
print(late())
