def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc(); inc(5)
print(get(), inc.__closure__[0].cell_contents, inc.__code__.co_freevars)

def outer():
    x = 1
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x
print(outer())
def cells():
    a = 1
    def f():
        return a
    a = 2
    return f
print(cells()())
c = (lambda: 0).__closure__
print(c)
import sys
def empty_cell():
    def inner():
        return z
    cell = inner.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print(e)
    z = 1
    return cell.cell_contents
print(empty_cell())
