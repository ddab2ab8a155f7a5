def level3(n):
    return 10 // n

def level2(n):
    return level3(n - 1) * 2

def level1(n):
    result = level2(n)
    return result

print(level1(3))
print(level1(1))
