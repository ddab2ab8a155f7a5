# range.count and range.index: arithmetic for ints and bools, a search by == for anything else.
class AlwaysEq:
    def __eq__(self, other): return True
class Two:
    def __eq__(self, other): return other == 2
for r in (range(10), range(0, 20, 3), range(5, -5, -2), range(0), range(2**64, 2**64 + 4)):
    print(r, r.count(2), r.count(True), r.count(AlwaysEq()), r.count(Two()), r.count(2.0), r.count('2'))
    for v in (3, True, False, AlwaysEq(), Two(), 3.0, 2**64 + 1, 'x'):
        try: print('  ', r.index(v))
        except ValueError as e: print('  ', 'ValueError', str(e).replace(repr(v), 'V') if not isinstance(v, (AlwaysEq, Two)) else e.args[0].split(' at ')[0][:40])
