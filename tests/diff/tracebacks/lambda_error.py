key = lambda item: item[1]
print(sorted([(1, 2), (3,)], key=key))
