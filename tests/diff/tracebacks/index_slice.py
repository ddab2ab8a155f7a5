items = list(range(5))
print(items[1:3][4])
