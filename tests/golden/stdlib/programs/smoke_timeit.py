import timeit
t = timeit.timeit("sum(range(100))", number=100); print(type(t).__name__, t >= 0)
tm = timeit.Timer("x * 2", setup="x = 21"); r = tm.repeat(repeat=3, number=10); print(len(r), all(v >= 0 for v in r))
n, total = tm.autorange(); print(type(n).__name__, n >= 1, total >= 0)
g = {"data": [3, 1, 2]}; print(timeit.timeit("sorted(data)", globals=g, number=5) >= 0, timeit.repeat("pass", repeat=2, number=1).__len__())
print(timeit.Timer(lambda: None).timeit(number=3) >= 0, timeit.default_timer is __import__("time").perf_counter, timeit.default_number, timeit.default_repeat)
for bad in ["x = = 1", "return 1"]:
    try:
        timeit.Timer(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
try:
    timeit.Timer("undefined_name").timeit(number=1)
except NameError as e:
    print(e)
import io, contextlib
out = io.StringIO()
import warnings
with contextlib.redirect_stdout(out), warnings.catch_warnings(action="ignore"): timeit.main(["-n", "2", "-r", "2", "pass"])
print(out.getvalue().startswith("2 loops, best of 2:"))
