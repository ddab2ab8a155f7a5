print("hello, world")
print("second line", 2, 3.5, None, True)
