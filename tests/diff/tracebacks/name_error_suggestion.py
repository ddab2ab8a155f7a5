length = 5
print(lenght + 1)
