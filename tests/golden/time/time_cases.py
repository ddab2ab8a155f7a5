# Local-time cases of the time module (glibc's tzset, localtime_r, mktime and strftime as CPython 3.13 calls them on
# Linux), run under each TZ of tools/capture_time.py by tests/unit/modules/time.test.ts. Zone data comes from the
# host's /usr/share/zoneinfo, as for CPython. Every line is "label = value".
import os, time

def show(label, value):
    print(f"{label} = {value!r}")

def lt_fields(t):
    s = time.localtime(t)
    return tuple(s) + (s.tm_zone, s.tm_gmtoff)

show("tzname", time.tzname)
show("timezone", (time.timezone, time.altzone, time.daylight))

# Offset changes, found by scanning each year hour by hour, with the seconds around each one.
for year in (1970, 1995, 2014, 2024):
    start = int(time.mktime((year, 1, 1, 0, 0, 0, 0, 1, -1)))
    prev = time.localtime(start).tm_gmtoff
    found = 0
    for h in range(1, 366 * 24):
        t = start + 3600 * h
        off = time.localtime(t).tm_gmtoff
        if off != prev:
            lo, hi = t - 3600, t
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if time.localtime(mid).tm_gmtoff == prev:
                    lo = mid
                else:
                    hi = mid
            found += 1
            for d in (-1, 0, 1, 1800):
                show(f"transition {year} #{found} {d:+}", (hi + d, lt_fields(hi + d)))
            # The wall times of the gap or fold, through mktime with every tm_isdst.
            before = time.localtime(hi - 1)
            for minute in (-30, 0, 30, 59, 60, 90):
                wall = list(before[:9])
                wall[4] += minute
                for isdst in (-1, 0, 1):
                    wall[8] = isdst
                    try:
                        r = time.mktime(tuple(wall))
                    except OverflowError as e:
                        r = f"OverflowError: {e}"
                    show(f"mktime {year} #{found} {minute:+} isdst={isdst}", r)
            prev = off
    show(f"transitions {year}", found)

for t in (0, 1, -1, 86399, 10**9, 1234567890, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 4102444800, 253402300799,
          -2208988800, -3000000000, -5000000000, 1e9 + 0.5, -0.5, 1700000000.999999):
    show(f"localtime {t}", lt_fields(t))
    show(f"mktime(localtime {t})", time.mktime(time.localtime(t)))
    show(f"ctime {t}", time.ctime(t))
    show(f"strftime {t}", time.strftime("%Y-%m-%d %H:%M:%S %Z %z %s", time.localtime(t)))

for y in (1, 1000, 1900, 1969, 2038, 9999):
    tup = (y, 6, 15, 12, 30, 45, 0, 166, -1)
    try:
        show(f"mktime year {y}", time.mktime(tup))
    except OverflowError as e:
        show(f"mktime year {y}", f"OverflowError: {e}")

# strftime's directives, glibc's flags (_ - 0 ^ #), widths and the E/O modifiers on fixed struct_times.
fixed = [time.localtime(1234567890), time.localtime(0), time.localtime(1719792000), time.gmtime(951782400)]
directives = "aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ%"
for i, tm in enumerate(fixed):
    for c in directives:
        show(f"strftime[{i}] %{c}", time.strftime("%" + c, tm))
    for spec in ("%-d", "%_d", "%0e", "%^a", "%#b", "%^#Z", "%10Y", "%-10d", "%_5H", "%010j", "%Ey", "%EY", "%Od",
                 "%OH", "%Ec", "%Ex", "%EX", "%#p", "%^p", "%-I", "%3z", "%:z", "%Q", "%E", "%O", "%5%"):
        show(f"strftime[{i}] {spec}", time.strftime(spec, tm))
show("asctime", [time.asctime(tm) for tm in fixed])

# Changing TZ at run time: os.environ then time.tzset().
orig = os.environ.get("TZ")
for tz in ("UTC", "Asia/Tokyo", "EST5EDT,M3.2.0,M11.1.0", "<+0545>-5:45", "Nowhere/Invalid", "XYZ"):
    os.environ["TZ"] = tz
    time.tzset()
    show(f"tzset {tz}", (time.tzname, time.timezone, time.altzone, time.daylight, lt_fields(1234567890),
                         time.mktime((2024, 7, 1, 12, 0, 0, 0, 0, -1))))
if orig is None:
    del os.environ["TZ"]
else:
    os.environ["TZ"] = orig
time.tzset()
show("restored", (time.tzname, time.timezone, lt_fields(1234567890)))
