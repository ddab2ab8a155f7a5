# iter(callable, sentinel): the sentinel compares first and a reentrant exhaustion ends the iterator; a class that
# deletes its __next__ mid-loop gives a TypeError (not a crash), and is no iterator any more.
class S:
    def __eq__(self, o): print('S.__eq__', o); return o == 3
n = iter([1, 2, 3, 4]).__next__
print(list(iter(n, S())))
class R:
    def __eq__(self, o): print('R.__eq__', o); return False
it = iter(iter([1, 2]).__next__, 2)
print(list(iter(lambda: R(), 5))[:0] if False else 'skip')
def spam():
    if spam.rec: return 2
    spam.rec = True
    list(spam.it)
    return 1
spam.rec = False
spam.it = iter(spam, 2)
try: print(next(spam.it))
except StopIteration: print('StopIteration')
class BadIterator:
    def __iter__(self): return self
    def __next__(self):
        del BadIterator.__next__
        return 1
try:
    for i in BadIterator(): pass
except TypeError as e: print('TypeError', e)
import collections.abc
print(isinstance(BadIterator(), collections.abc.Iterator))
try: iter(BadIterator())
except TypeError as e: print('TypeError', e)
