counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump(); bump()
print(counter)

def make():
    global created
    created = "yes"

make()
print(created)

def drop():
    global created
    del created

drop()
try:
    print(created)
except NameError as e:
    print(type(e).__name__, e)
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
print(len is __builtins__.len)
