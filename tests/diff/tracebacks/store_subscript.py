def fill(table, keys):
    for k in keys:
        table[k] = len(k)
    return table

print(fill({}, ["a"]))
fill({}, ["a", ["unhashable"]])
