import time
t0 = time.gmtime(0); print(t0, tuple(t0), t0.tm_year, t0.tm_zone)
st = time.gmtime(1700000000)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %w", st), time.asctime(st), time.ctime(1700000000))
print(time.mktime(st), time.localtime(1700000000)[:6], time.timezone, time.tzname, time.daylight)
print(time.strptime("2024-02-29 13:45", "%Y-%m-%d %H:%M"), time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0)).tm_mday)
a = time.monotonic(); b = time.perf_counter(); time.sleep(0.01)
print(time.monotonic() >= a, time.perf_counter() - b >= 0.005, type(time.time()).__name__, type(time.time_ns()).__name__, time.thread_time() >= 0, time.process_time() >= 0)
print(time.get_clock_info("monotonic").monotonic, time.get_clock_info("time").adjustable, time.monotonic_ns() > 0)
for bad in [lambda: time.strftime("%Y", (1,)), lambda: time.strptime("x", "%d"), lambda: time.sleep(-1), lambda: time.gmtime(1e30)]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError, OSError) as e:
        print(type(e).__name__, e)
