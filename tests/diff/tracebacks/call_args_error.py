def greet(name, greeting="hello", *, punct="!"):
    return greeting + ", " + name + punct

print(greet("x"))
greet()
