# The native _datetime against _pydatetime, under one interpreter:
#   node bin/typhon.js bench/datetime_native.py          (native _datetime)
#   node bin/typhon.js bench/datetime_native.py pure     (sys.modules['_datetime'] = None first: datetime uses _pydatetime)
# and PYENV_VERSION=3.13.0 python3.13 bench/datetime_native.py [pure] for CPython's own figures. Prints ms per workload.
import sys, time
if "pure" in sys.argv:
    sys.modules["_datetime"] = None
import datetime as dt
from datetime import datetime, timedelta, date, timezone

def bench(name, f):
    t0 = time.perf_counter(); f(); t1 = time.perf_counter()
    print(f"{name:28s} {(t1 - t0) * 1000:8.1f} ms")

N = 100000
def create():
    for i in range(N): datetime(2024, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60, i)
def isoformat():
    d = datetime(2024, 3, 10, 14, 30, 15, 123456)
    for i in range(N): d.isoformat()
def strftime():
    d = datetime(2024, 3, 10, 14, 30, 15, 123456)
    for i in range(N // 10): d.strftime("%Y-%m-%d %H:%M:%S.%f")
def arith():
    d = datetime(2024, 3, 10); td = timedelta(hours=1, seconds=7)
    for i in range(N): d = d + td
def fromiso():
    for i in range(N): datetime.fromisoformat("2024-05-06T07:08:09.123456+02:00")
def compare_hash():
    a = datetime(2024, 1, 1, tzinfo=timezone.utc); s = set()
    for i in range(N): s.add(a + timedelta(seconds=i % 1000))
bench("datetime() x100k", create)
bench("isoformat x100k", isoformat)
bench("strftime x10k", strftime)
bench("dt + timedelta x100k", arith)
bench("fromisoformat x100k", fromiso)
bench("aware hash/set x100k", compare_hash)
