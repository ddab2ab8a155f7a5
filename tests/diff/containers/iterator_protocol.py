class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

print(list(Countdown(3)), sum(Countdown(4)), sorted(Countdown(3)), max(Countdown(5)))
it = iter([1, 2])
print(type(it).__name__, next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
class NotIter:
    pass
for bad in (lambda: iter(NotIter()), lambda: next([1]), lambda: iter(5)):
    try:
        bad()
    except TypeError as e:
        print(e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
calls = iter([1, 2, 3, 0, 5]).__next__
print(list(iter(calls, 0)))
t_it = iter((1, 2))
print(type(t_it).__name__, type(iter("s")).__name__, type(iter({})).__name__, type(iter(set())).__name__, type(iter({}.items())).__name__)
print(t_it.__length_hint__(), type(iter(range(3))).__name__, type(iter(b"")).__name__)
