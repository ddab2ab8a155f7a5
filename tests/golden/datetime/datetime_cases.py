# Differential cases for the native _datetime (src/modules/_datetimemodule.ts): one 'label = result' line per case,
# compared with CPython 3.13's output (tools/capture_cases.py datetime). Deterministic: no now(), TZ fixed to UTC.
import os, time as _time
os.environ["TZ"] = "UTC"
_time.tzset()
import datetime as dt, pickle, copy, sys, warnings
warnings.showwarning = lambda m, c, *a, **k: print("warning =", c.__name__, m)
from datetime import date, time, datetime, timedelta, timezone, tzinfo, UTC, MINYEAR, MAXYEAR

def p(label, f):
    try:
        r = f()
        out = repr(r)
    except Exception as e:
        out = f"!{type(e).__name__}: {e}"
    print(f"{label} = {out}")

def s(label, f):
    try:
        out = str(f())
    except Exception as e:
        out = f"!{type(e).__name__}: {e}"
    print(f"{label} = {out}")

def _try(f, *a):
    try:
        return f(*a)
    except Exception as e:
        return f"!{type(e).__name__}: {e}"

print("module =", dt.datetime.__module__, date.__module__, timedelta.__module__, type(UTC).__module__)
p("consts", lambda: (MINYEAR, MAXYEAR, UTC is timezone.utc))
p("names", lambda: sorted(n for n in dir(dt) if not n.startswith("__")))

# ---- timedelta ----
for args, kw in [((), {}), ((1,), {}), ((1, 2, 3), {}), ((0, 0, 0, 1), {}), ((0, 0, 0, 0, 1, 1, 1), {}),
                 ((-1,), {}), ((0, -1), {}), ((0, 0, -1), {}), ((1.5,), {}), ((0, 1.5), {}), ((0, 0, 1.5), {}),
                 ((0, 0, 0.5), {}), ((0, 0, 1.5), {}), ((0, 0, 2.5), {}), ((0, 0, -0.5), {}), ((0, 0, -1.5), {}),
                 ((), {"weeks": 1.25}), ((), {"hours": -25.5}), ((), {"minutes": 1e-7}), ((), {"seconds": 1e-7}),
                 ((), {"days": 1/3, "seconds": 1/3, "microseconds": 1/3}), ((), {"milliseconds": -1.0000005}),
                 ((999999999,), {}), ((-999999999,), {}), ((1000000000,), {}), ((-1000000000,), {}),
                 ((999999999, 86399, 999999), {}), ((999999999, 86400), {}), ((), {"days": 1e9}),
                 ((), {"seconds": 1e20}), ((), {"microseconds": float("nan")}), ((), {"days": float("inf")}),
                 (("1",), {}), ((), {"day": 1}), ((1, 2, 3, 4, 5, 6, 7, 8), {}), ((True,), {}),
                 ((10**20,), {}), ((0, 10**15), {}), ((), {"microseconds": 2**63}), ((), {"weeks": 10**10}),
                 ((-0.0,), {}), ((0, 0, 0, 0, 0, 0, 1e-10), {}), ((), {"seconds": 0.0000005}),
                 ((), {"seconds": 0.0000015}), ((), {"seconds": -0.0000005}), ((1, 86399.9999995), {})]:
    p(f"td{args}{kw}", lambda: timedelta(*args, **kw))
td = timedelta(days=1, hours=25, minutes=-5, seconds=3.5)
for name, f in [("str", lambda: str(td)), ("neg", lambda: -td), ("abs", lambda: abs(-td)), ("pos", lambda: +td),
                ("strs", lambda: [str(timedelta(d, s_, u)) for d, s_, u in [(0,0,0),(0,0,1),(-1,0,0),(2,3600,10),(-2,0,-1),(0,59,999999)]]),
                ("total", lambda: td.total_seconds()), ("total2", lambda: timedelta(999999999, 86399, 999999).total_seconds()),
                ("attrs", lambda: (td.days, td.seconds, td.microseconds)),
                ("add", lambda: td + td), ("sub", lambda: td - timedelta(3)), ("mul", lambda: td * 3), ("rmul", lambda: 3 * td),
                ("mulf", lambda: td * 0.1), ("mulf2", lambda: td * 2.5), ("mulf3", lambda: timedelta(0, 0, 1) * 0.5),
                ("mulf4", lambda: timedelta(0, 0, 3) * 0.5), ("mulnan", lambda: td * float("nan")), ("mulinf", lambda: td * float("inf")),
                ("mulbig", lambda: td * 10**9), ("div", lambda: td / 3), ("divf", lambda: td / 0.3), ("divtd", lambda: td / timedelta(hours=1)),
                ("div0", lambda: td / 0), ("div0f", lambda: td / 0.0), ("divtd0", lambda: td / timedelta(0)),
                ("fdiv", lambda: td // 3), ("fdivtd", lambda: td // timedelta(hours=7)), ("fdiv0", lambda: td // 0),
                ("fdivf", lambda: td // 2.5), ("mod", lambda: td % timedelta(hours=7)), ("mod0", lambda: td % timedelta(0)),
                ("divmod", lambda: divmod(td, timedelta(hours=7))), ("divmodneg", lambda: divmod(-td, timedelta(hours=7))),
                ("divround", lambda: [timedelta(0, 0, n) / 2 for n in range(-4, 5)]), ("fdivneg", lambda: timedelta(0, 0, -5) // 2),
                ("mulround", lambda: [timedelta(0, 0, n) * 0.5 for n in range(-4, 5)]),
                ("add_int", lambda: td + 1), ("radd", lambda: 1 + td), ("sub_date", lambda: td - date(2020, 1, 1)),
                ("mul_td", lambda: td * td), ("mul_str", lambda: td * "a"), ("div_str", lambda: td / "a"),
                ("overflow", lambda: timedelta.max + timedelta(0, 0, 1)), ("overflow2", lambda: timedelta.min * 2),
                ("neg_min", lambda: -timedelta.min), ("eq", lambda: (td == td, td == 1, td != 1, td == timedelta(2, 3600 - 300 + 3, 500000))),
                ("lt", lambda: td < 1), ("cmp", lambda: (timedelta(1) < timedelta(2), timedelta(1) >= timedelta(0, 86400))),
                ("bool", lambda: (bool(timedelta(0)), bool(timedelta(0, 0, 1)))),
                ("hash", lambda: (hash(td), hash(timedelta(0)), hash(timedelta(-1, 5, 7)), hash(timedelta.max))),
                ("minmaxres", lambda: (timedelta.min, timedelta.max, timedelta.resolution)),
                ("reduce", lambda: td.__reduce__()), ("repr_sub", lambda: type("TD", (timedelta,), {})(1, 2)),
                ("sub_arith", lambda: type(type("TD", (timedelta,), {})(1) + timedelta(1))),
                ("setattr", lambda: setattr(td, "days", 3)), ("round", lambda: timedelta(0, 0.5e-6 * 3)),
                ]:
    p(f"td.{name}", f)

# ---- date ----
for args, kw in [((2024, 2, 29), {}), ((2023, 2, 29), {}), ((1, 1, 1), {}), ((9999, 12, 31), {}), ((0, 1, 1), {}),
                 ((10000, 1, 1), {}), ((2000, 0, 1), {}), ((2000, 13, 1), {}), ((2000, 1, 0), {}), ((2000, 1, 32), {}),
                 ((2000, 4, 31), {}), ((2000, 1), {}), ((), {}), ((2000.0, 1, 1), {}), (("2000", 1, 1), {}),
                 ((), {"year": 2000, "month": 1, "day": 1}), ((2000,), {"month": 1, "day": 2}), ((2000, 1, 1, 1), {}),
                 ((2000, 1, 1), {"foo": 1}), ((2000, 1), {"day": 1, "month": 2}), ((2**31, 1, 1), {}), ((2**64, 1, 1), {}),
                 ((-1, 1, 1), {}), ((True, 1, 1), {}), ((b"\x07\xe8\x02\x1d",), {}), ((b"\x07\xe8\x0d\x1d",), {})]:
    p(f"date{args}{kw}", lambda: date(*args, **kw))
d = date(2024, 2, 29)
for name, f in [("str", lambda: str(d)), ("iso", lambda: d.isoformat()), ("ctime", lambda: d.ctime()),
                ("wd", lambda: (d.weekday(), d.isoweekday())), ("isocal", lambda: d.isocalendar()),
                ("isocal_attrs", lambda: (d.isocalendar().year, d.isocalendar().week, d.isocalendar().weekday)),
                ("isocal_str", lambda: str(d.isocalendar())), ("isocal_type", lambda: (type(d.isocalendar()).__name__, type(d.isocalendar()).__module__, isinstance(d.isocalendar(), tuple))),
                ("isocal_reduce", lambda: d.isocalendar().__reduce__()),
                ("isocals", lambda: [date(y, m, dd).isocalendar()[:] for y, m, dd in [(2004,1,1),(2005,1,1),(2008,12,29),(2009,12,31),(2010,1,3),(1,1,1),(9999,12,31)]]),
                ("ord", lambda: (d.toordinal(), date(1, 1, 1).toordinal(), date.max.toordinal())),
                ("fromord", lambda: [date.fromordinal(n) for n in (1, 738000, 3652059, 730120, 36525)]),
                ("fromord0", lambda: date.fromordinal(0)), ("fromordbig", lambda: date.fromordinal(3652060)),
                ("fromord_f", lambda: date.fromordinal(1.0)),
                ("replace", lambda: d.replace(year=2023, day=28)), ("replace_bad", lambda: d.replace(year=2023)),
                ("replace_pos", lambda: d.replace(2020, 3)), ("replace_kw", lambda: d.replace(hour=1)),
                ("copy_replace", lambda: copy.replace(d, month=3)),
                ("tt", lambda: d.timetuple()), ("tt_attrs", lambda: (d.timetuple().tm_yday, d.timetuple().tm_isdst)),
                ("add", lambda: d + timedelta(days=1)), ("radd", lambda: timedelta(days=400) + d),
                ("add_secs", lambda: d + timedelta(seconds=86399)), ("add_neg_secs", lambda: d + timedelta(seconds=-1)),
                ("sub_td", lambda: d - timedelta(days=366)), ("sub_date", lambda: d - date(2000, 1, 1)),
                ("add_int", lambda: d + 1), ("sub_int", lambda: d - 1), ("add_date", lambda: d + d),
                ("overflow", lambda: date.max + timedelta(1)), ("underflow", lambda: date.min - timedelta(1)),
                ("bigadd", lambda: date.min + timedelta(days=999999999)),
                ("cmp", lambda: (d < date(2024, 3, 1), d == date(2024, 2, 29), d != date(2024, 2, 29), d == 5, d != 5)),
                ("cmp_bad", lambda: d < 5), ("cmp_dt", lambda: d == datetime(2024, 2, 29)), ("cmp_dt2", lambda: d < datetime(2024, 2, 29)),
                ("hash", lambda: (hash(d), hash(date(1, 1, 1)), hash(date.max))),
                ("minmaxres", lambda: (date.min, date.max, date.resolution)),
                ("fromiso", lambda: [date.fromisoformat(x) for x in ("2021-12-31", "20211231", "2021-W01-1", "2021W017", "2020-W53-7", "2021-W52")]),
                ("fromiso_bad", lambda: [_try(date.fromisoformat, x) for x in ("2021-13-01", "2021-12-32", "2021-1-1", "2021-12-31T00", "", "2021-W54-1", "2021-W01-8", "2021-W53-1", "abcd-ef-gh", "２０２１-01-01", "2021-12-3１", "2021W011x")]),
                ("fromiso_type", lambda: date.fromisoformat(5)),
                ("fromisocal", lambda: [date.fromisocalendar(*a) for a in [(2021, 1, 1), (2020, 53, 7), (1, 1, 1), (9999, 52, 5)]]),
                ("fromisocal_bad", lambda: [_try(date.fromisocalendar, *a) for a in [(2021, 53, 1), (2021, 0, 1), (2021, 1, 0), (2021, 1, 8), (0, 1, 1), (10000, 1, 1), (9999, 52, 6)]]),
                ("fromts", lambda: [date.fromtimestamp(x) for x in (0, 86400 * 365.5, -86400, 1e9)]),
                ("fromts_bad", lambda: date.fromtimestamp(float("nan"))), ("fromts_big", lambda: date.fromtimestamp(1e20)),
                ("fromts_str", lambda: date.fromtimestamp("0")),
                ("reduce", lambda: d.__reduce__()), ("reduce_ex", lambda: d.__reduce_ex__(2)),
                ("format", lambda: (format(d), format(d, ""), format(d, "%Y|%m|%d"), f"{d:%A}")),
                ("format_bad", lambda: format(d, 5)),
                ("strftime", lambda: d.strftime("%A %d %B %Y %j %U %W %a %b %c %x %X %H:%M:%S %f %z %Z %% %G %V %u %w %y %C %e %D %F %T %R %h %n %t %p %r")),
                ("strftime_bad", lambda: d.strftime(5)),
                ("strftime_early", lambda: date(5, 1, 2).strftime("%Y-%m-%d %G %C %y")),
                ("subclass", lambda: type("D", (date,), {})(2020, 1, 1)),
                ("subclass_add", lambda: type(type("D", (date,), {})(2020, 1, 1) + timedelta(1))),
                ("subclass_fromord", lambda: type(type("D", (date,), {}).fromordinal(5))),
                ]:
    p(f"date.{name}", f)


# ---- time ----
tz = timezone(timedelta(hours=5, minutes=30), "IST")
for args, kw in [((), {}), ((9, 5, 7, 1), {}), ((24,), {}), ((0, 60), {}), ((0, 0, 60), {}), ((0, 0, 0, 1000000), {}),
                 ((-1,), {}), ((1, 2, 3, 4, tz), {}), ((1,), {"tzinfo": 5}), ((1,), {"fold": 1}), ((1,), {"fold": 2}),
                 ((1,), {"fold": -1}), ((1.0,), {}), ((), {"hour": 3, "second": 4}), ((1, 2, 3, 4, None, 1), {}),
                 ((1, 2, 3, 4, None, 0, 1), {}), ((), {"minute": "1"}), ((b"\x01\x02\x03\x00\x00\x04",), {}),
                 ((b"\x81\x02\x03\x00\x00\x04",), {}), ((b"\x19\x02\x03\x00\x00\x04",), {}), ((b"\x01\x02\x03\x00\x00\x04", tz), {})]:
    p(f"time{args}{kw}", lambda: time(*args, **kw))
t = time(12, 34, 56, 789012)
ta = time(12, 0, tzinfo=tz)
for name, f in [("str", lambda: str(t)), ("iso", lambda: [t.isoformat(ts) for ts in ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds")]),
                ("iso_bad", lambda: t.isoformat("foo")), ("iso_zero", lambda: [time(1).isoformat(), time(1, 0, 0, 1000).isoformat(), time(1).isoformat("microseconds")]),
                ("iso_aware", lambda: ta.isoformat()), ("str_aware", lambda: str(ta)),
                ("attrs", lambda: (t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold)),
                ("replace", lambda: t.replace(hour=1, tzinfo=tz)), ("replace_bad", lambda: t.replace(hour=25)),
                ("replace_fold", lambda: t.replace(fold=1)), ("replace_fold_bad", lambda: t.replace(fold=3)),
                ("copy_replace", lambda: copy.replace(t, minute=0)),
                ("utcoffset", lambda: (t.utcoffset(), ta.utcoffset(), ta.tzname(), ta.dst(), t.tzname(), t.dst())),
                ("cmp", lambda: (t < time(13), t == time(12, 34, 56, 789012), t == 1, t != 1)),
                ("cmp_bad", lambda: t < 1), ("cmp_mixed", lambda: t == ta), ("cmp_mixed_lt", lambda: t < ta),
                ("cmp_aware", lambda: (ta == time(6, 30, tzinfo=timezone.utc), ta < time(7, tzinfo=timezone.utc))),
                ("hash", lambda: (hash(t), hash(time()), hash(ta) == hash(time(6, 30, tzinfo=timezone.utc)), hash(time(1, fold=1)) == hash(time(1)))),
                ("hash_aware", lambda: hash(ta)),
                ("bool", lambda: (bool(time()), bool(time(0, 0, 0, 1)))),
                ("minmaxres", lambda: (time.min, time.max, time.resolution)),
                ("fromiso", lambda: [time.fromisoformat(x) for x in ("23:59:59.5", "01", "0102", "010203", "01:02", "01:02:03.1234", "01:02:03,123456", "01:02:03.1234567", "01:02:03+05:00", "01:02:03Z", "01:02:03-0530", "T01:02", "01:02:03+05:30:15.5")]),
                ("fromiso_bad", lambda: [_try(time.fromisoformat, x) for x in ("25:00", "01:60", "1:02", "01:02:03.", "01:02:03+25:00", "", "01:02:03.1234567890", "01:02:03x", "01:02:03+05:0", "24:00:01")]),
                ("strftime", lambda: (t.strftime("%H:%M:%S.%f %p %I"), ta.strftime("%z %Z %:z"), t.strftime("%z|%Z|%Y-%m-%d"))),
                ("format", lambda: (format(t, ""), format(t, "%H"))),
                ("reduce", lambda: t.__reduce__()), ("reduce_ex", lambda: (ta.__reduce_ex__(2), time(1, fold=1).__reduce_ex__(4), time(1, fold=1).__reduce_ex__(3))),
                ("subclass", lambda: type("T", (time,), {})(1, 2)),
                ]:
    p(f"time.{name}", f)

# ---- tzinfo / timezone ----
for args, kw in [((timedelta(hours=5),), {}), ((timedelta(hours=-5), "EST"), {}), ((timedelta(0),), {}),
                 ((timedelta(hours=24),), {}), ((timedelta(hours=-24),), {}), ((timedelta(hours=23, minutes=59, seconds=59, microseconds=999999),), {}),
                 ((timedelta(seconds=1),), {}), ((timedelta(microseconds=1),), {}), ((5,), {}), ((timedelta(0), 5), {}),
                 ((), {}), ((timedelta(0), "x", 1), {}), ((), {"offset": timedelta(hours=1), "name": "A"}),
                 ((timedelta(hours=1), "\ud800"), {})]:
    p(f"timezone{args}{kw}", lambda: timezone(*args, **kw))
for name, f in [("utc", lambda: (timezone.utc, str(timezone.utc), repr(UTC))),
                ("minmax", lambda: (timezone.min, timezone.max)),
                ("strs", lambda: [str(timezone(timedelta(**k))) for k in ({"hours": 5}, {"hours": -5}, {"hours": 5, "minutes": 30, "seconds": 15}, {"hours": -1, "microseconds": 5}, {})]),
                ("tzname", lambda: (tz.tzname(None), timezone(timedelta(hours=-3)).tzname(None), tz.utcoffset(None), tz.dst(None))),
                ("tzname_bad", lambda: tz.tzname(5)), ("utcoffset_bad", lambda: tz.utcoffset(5)),
                ("fromutc", lambda: tz.fromutc(datetime(2020, 1, 1, tzinfo=tz))), ("fromutc_bad", lambda: tz.fromutc(datetime(2020, 1, 1))),
                ("fromutc_bad2", lambda: tz.fromutc(5)), ("fromutc_bad3", lambda: tz.fromutc(datetime(2020, 1, 1, tzinfo=timezone.utc))),
                ("eq", lambda: (tz == timezone(timedelta(hours=5, minutes=30)), tz == 5, timezone.utc == timezone(timedelta(0)))),
                ("lt", lambda: tz < tz), ("hash", lambda: hash(tz) == hash(timedelta(hours=5, minutes=30))),
                ("getinitargs", lambda: (tz.__getinitargs__(), timezone.utc.__getinitargs__())),
                ("reduce", lambda: (tz.__reduce__(), timezone.utc.__reduce__())),
                ("tzinfo_base", lambda: (type(tzinfo()), tzinfo().__reduce__())),
                ("tzinfo_abstract", lambda: [_try(m, None) for m in (tzinfo().utcoffset, tzinfo().dst, tzinfo().tzname)]),
                ("tzinfo_fromutc", lambda: tzinfo().fromutc(datetime(2020, 1, 1, tzinfo=tzinfo()))),
                ("subclass_tz", lambda: timezone.__subclasses__()),
                ("subclass_timezone", lambda: type("Z", (timezone,), {})),
                ]:
    p(f"tz.{name}", f)

class FixedTZ(tzinfo):
    def __init__(self, off, name="F", dst=None):
        self.off, self.name, self._dst = off, name, dst
    def utcoffset(self, d): return self.off
    def tzname(self, d): return self.name
    def dst(self, d): return self._dst
    def __repr__(self): return f"FixedTZ({self.off!r})"
class BadTZ(tzinfo):
    def __init__(self, v): self.v = v
    def utcoffset(self, d): return self.v
    def tzname(self, d): return self.v
    def dst(self, d): return self.v

# ---- datetime ----
for args, kw in [((2024, 3, 10, 14, 30, 15, 123456), {}), ((2024, 3, 10), {}), ((2024, 3), {}), ((2020, 1, 1, 24), {}),
                 ((2020, 1, 1, 0, 60), {}), ((2020, 1, 1, 0, 0, 60), {}), ((2020, 1, 1, 0, 0, 0, 10**6), {}),
                 ((2020, 1, 1, 0, 0, 0, 0, tz), {}), ((2020, 1, 1), {"tzinfo": "x"}), ((2020, 1, 1), {"fold": 1}),
                 ((2020, 1, 1), {"fold": 2}), ((2020, 2, 30), {}), ((2020, 1, 1, 1, 2, 3, 4, None, 1), {}),
                 ((), {"year": 1, "month": 2, "day": 3, "minute": 5}), ((b"\x07\xe8\x02\x1d\x01\x02\x03\x00\x00\x04",), {}),
                 ((b"\x07\xe8\x02\x1d\x01\x02\x03\x00\x00\x04", tz), {}), ((b"\x07\xe8\x82\x1d\x01\x02\x03\x00\x00\x04",), {}),
                 ((2020, 1, 1, 1.5), {})]:
    p(f"datetime{args}{kw}", lambda: datetime(*args, **kw))
x = datetime(2024, 3, 10, 14, 30, 15, 123456)
xa = datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)
xt = datetime(2024, 1, 1, 12, 0, tzinfo=tz)
for name, f in [("str", lambda: (str(x), str(xa), str(xt), str(datetime(2020, 1, 1)))),
                ("repr", lambda: (datetime(2020, 1, 1), datetime(2020, 1, 1, 1), datetime(2020, 1, 1, 0, 1), datetime(2020, 1, 1, 0, 0, 1), datetime(2020, 1, 1, fold=1), xa, xt)),
                ("iso", lambda: [x.isoformat(sep, ts) for sep in ("T", " ") for ts in ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds")]),
                ("iso_bad", lambda: [_try(x.isoformat, *a) for a in (("TT",), ("T", "bad"), (5,), ("\U0001f600",))]),
                ("iso_aware", lambda: (xa.isoformat(), xt.isoformat(timespec="hours"))),
                ("iso_odd_tz", lambda: [datetime(2020, 1, 1, tzinfo=timezone(timedelta(**k))).isoformat() for k in ({"seconds": 1}, {"microseconds": -1}, {"hours": -1, "seconds": 30})]),
                ("attrs", lambda: (x.year, x.month, x.day, x.hour, x.minute, x.second, x.microsecond, x.tzinfo, x.fold)),
                ("date_time", lambda: (x.date(), x.time(), xt.timetz(), xt.time())),
                ("ctime", lambda: (x.ctime(), datetime(2020, 1, 5).ctime())),
                ("tt", lambda: (x.timetuple(), xt.timetuple(), xt.utctimetuple(), x.utctimetuple())),
                ("tt_dst", lambda: (datetime(2020, 1, 1, tzinfo=FixedTZ(timedelta(hours=1), dst=timedelta(hours=1))).timetuple().tm_isdst, datetime(2020, 1, 1, tzinfo=FixedTZ(timedelta(hours=1), dst=timedelta(0))).timetuple().tm_isdst)),
                ("ord_wd", lambda: (x.toordinal(), x.weekday(), x.isoweekday(), x.isocalendar())),
                ("replace", lambda: (x.replace(year=2000), x.replace(tzinfo=tz), xa.replace(tzinfo=None), x.replace(fold=1), x.replace(microsecond=0))),
                ("replace_bad", lambda: [_try(lambda k=k: x.replace(**k)) for k in ({"month": 13}, {"tzinfo": 1}, {"fold": 2}, {"foo": 1}, {"hour": "1"})]),
                ("copy_replace", lambda: copy.replace(x, day=1)),
                ("add", lambda: (x + timedelta(1, 1, 1), timedelta(hours=10) + x, x - timedelta(days=10000), xt + timedelta(hours=1))),
                ("add_bad", lambda: [_try(lambda: x + 1), _try(lambda: x + x), _try(lambda: x - 1), _try(lambda: 1 - x)]),
                ("sub", lambda: (x - datetime(2000, 1, 1), xa - xt, xt - xa, datetime(2000, 1, 1) - x)),
                ("sub_mixed", lambda: x - xa), ("sub_date", lambda: x - date(2020, 1, 1)),
                ("overflow", lambda: datetime.max + timedelta(0, 0, 1)), ("underflow", lambda: datetime.min - timedelta(0, 0, 1)),
                ("cmp", lambda: (x < datetime(2025, 1, 1), x == datetime(2024, 3, 10, 14, 30, 15, 123456), xa == xt, xa > xt, xa == x, xa != x)),
                ("cmp_mixed", lambda: x < xa), ("cmp_date", lambda: (x == date(2024, 3, 10), x != date(2024, 3, 10))),
                ("cmp_date_lt", lambda: x < date(2024, 3, 10)), ("cmp_int", lambda: x < 5),
                ("cmp_fold", lambda: (datetime(2020, 1, 1, fold=1) == datetime(2020, 1, 1), datetime(2020, 1, 1, fold=1, tzinfo=tz) == datetime(2020, 1, 1, tzinfo=tz))),
                ("hash", lambda: (hash(x), hash(datetime(2020, 1, 1)), hash(datetime(2020, 1, 1, fold=1)) == hash(datetime(2020, 1, 1)))),
                ("hash_aware", lambda: (hash(xa), hash(xt), hash(xa) == hash(datetime(2024, 1, 1, 17, 30, tzinfo=tz)))),
                ("minmaxres", lambda: (datetime.min, datetime.max, datetime.resolution)),
                ("offsets", lambda: (x.utcoffset(), xa.utcoffset(), xt.tzname(), xt.dst(), x.tzname(), x.dst())),
                ("bad_tz", lambda: [_try(getattr(datetime(2020, 1, 1, tzinfo=BadTZ(v)), m)) for v in (5, timedelta(days=1), timedelta(hours=1, microseconds=1), "x", None) for m in ("utcoffset", "tzname", "dst")]),
                ("bad_tz_iso", lambda: [_try(datetime(2020, 1, 1, tzinfo=BadTZ(v)).isoformat) for v in (timedelta(hours=-1, seconds=-5), timedelta(days=-1, seconds=1))]),
                ("astz", lambda: (xa.astimezone(tz), xt.astimezone(timezone.utc), xa.astimezone(tz).tzname(), x.astimezone(timezone.utc), xa.astimezone(), x.astimezone())),
                ("astz_bad", lambda: [_try(xa.astimezone, 5), _try(datetime.max.replace(tzinfo=tz).astimezone, timezone(timedelta(hours=-10)))]),
                ("astz_fixed", lambda: xa.astimezone(FixedTZ(timedelta(hours=2)))),
                ("timestamp", lambda: (xa.timestamp(), xt.timestamp(), x.timestamp(), datetime(1970, 1, 1).timestamp(), datetime(1900, 1, 1, tzinfo=UTC).timestamp())),
                ("timestamp_min", lambda: datetime(1, 1, 1).timestamp()), ("timestamp_min2", lambda: datetime(1, 1, 2).timestamp()),
                ("fromts", lambda: [_try(datetime.fromtimestamp, v) for v in (0, 1.5, -1.5, 1e9 + 0.9999996, 1700000000.123456, -62135596800, -62135596800 + 86400, 1e-7, -1e-7, 0.4999995e-6, 2.5e-6)]),
                ("fromts_tz", lambda: [datetime.fromtimestamp(v, tz) for v in (0, 86400.5)]),
                ("fromts_bad", lambda: [_try(datetime.fromtimestamp, *a) for a in ((float("nan"),), (1e20,), ("0",), (0, 5), (-1e15,), (253402300800,))]),
                ("fromts_kw", lambda: datetime.fromtimestamp(timestamp=5, tz=UTC)),
                ("utcfromts", lambda: [datetime.utcfromtimestamp(v) for v in (0, 86400, 1.25)]),
                ("utcfromts_bad", lambda: datetime.utcfromtimestamp(float("inf"))),
                ("fromiso", lambda: [_try(datetime.fromisoformat, s_) for s_ in ("2024-05-06T07:08:09+02:00", "2024-05-06 07:08", "2024-05-06", "20240506T070809", "2024-05-06T07:08:09.123", "2024-05-06T07:08:09.123456789", "2024-W01-1T10", "2024-05-06T24:00", "2024-12-31T24:00:00", "2024-05-06T07Z", "2024-05-06T07:08:09-00:00", "2024-05-06T07:08:09+00:00:01.5", "2024-05-06x07:08", "2024-05-06T070809,5")]),
                ("fromiso_bad", lambda: [_try(datetime.fromisoformat, s_) for s_ in ("2024-05-06T", "2024-05-06T25:00", "2024-05-06T24:00:01", "9999-12-31T24:00", "2024-05-06T07:08:09+", "2024-13-06", "2024-05-06T07:08:09+24:00", "2024-05-06T07:08:09 ", "", "2024-05-06T07:08:09.1234567x", "2024-05-06\ud800", "2024-05-0607:08")]),
                ("fromiso_type", lambda: datetime.fromisoformat(b"2020-01-01")),
                ("combine", lambda: (datetime.combine(d, time(1)), datetime.combine(d, ta), datetime.combine(d, ta, tzinfo=None), datetime.combine(d, t, timezone.utc), datetime.combine(x, t))),
                ("combine_bad", lambda: [_try(datetime.combine, *a) for a in ((d, 1), (1, t), (d,), (d, t, 5))]),
                ("strftime", lambda: (x.strftime("%Y-%m-%dT%H:%M:%S.%f %p %I %a %b %c %x %X %j %U %W %G %V %u"), xt.strftime("%z|%Z|%:z|%%z|%%f"), x.strftime("%z|%Z|%:z|"), xa.strftime("%z %:z %Z"))),
                ("strftime_tz", lambda: [datetime(2020, 1, 1, tzinfo=timezone(timedelta(**k))).strftime("%z %:z") for k in ({"seconds": 1}, {"microseconds": -1}, {"hours": -1, "seconds": 30}, {"hours": 3, "microseconds": 5})]),
                ("strftime_tzname", lambda: datetime(2020, 1, 1, tzinfo=FixedTZ(timedelta(0), "a%b")).strftime("%Z")),
                ("strftime_tzname_bad", lambda: datetime(2020, 1, 1, tzinfo=BadTZ(timedelta(0))).strftime("%Z")),
                ("strftime_trailing", lambda: x.strftime("abc%")),
                ("strftime_surrogate", lambda: x.strftime("\ud800%Y")),
                ("strftime_year1", lambda: (datetime(1, 2, 3).strftime("%Y %y %G"), datetime(999, 1, 1).strftime("%Y %C %c"))),
                ("format", lambda: (format(x, ""), format(x, "%d/%m/%y"), f"{x:%H:%M}", format(xa, ""))),
                ("strptime", lambda: (datetime.strptime("2023-07-04 09:15:00", "%Y-%m-%d %H:%M:%S"), datetime.strptime("03/Feb/2020:10:00:00 +0100", "%d/%b/%Y:%H:%M:%S %z"), datetime.strptime("2020 UTC", "%Y %Z"))),
                ("strptime_bad", lambda: datetime.strptime("x", "%Y")), ("strptime_type", lambda: datetime.strptime(1, "%Y")),
                ("date_strptime", lambda: date.strptime("2020-02-03", "%Y-%m-%d") if hasattr(date, "strptime") else "absent"),
                ("time_strptime", lambda: time.strptime("10:11", "%H:%M") if hasattr(time, "strptime") else "absent"),
                ("reduce", lambda: (x.__reduce__(), xt.__reduce__(), datetime(2020, 1, 1, fold=1).__reduce_ex__(4), datetime(2020, 1, 1, fold=1).__reduce_ex__(3))),
                ("subclass", lambda: (type("DT", (datetime,), {})(2020, 1, 1), type(type("DT", (datetime,), {}).fromtimestamp(0)), type(type("DT", (datetime,), {})(2020, 1, 1) + timedelta(1)))),
                ("subclass_combine", lambda: type(type("DT", (datetime,), {}).combine(d, t))),
                ("subclass_fromiso", lambda: type(type("DT", (datetime,), {}).fromisoformat("2020-01-01"))),
                ("subclass_replace", lambda: type(type("DT", (datetime,), {})(2020, 1, 1).replace(year=2021))),
                ("subclass_astz", lambda: type(type("DT", (datetime,), {})(2020, 1, 1, tzinfo=UTC).astimezone(tz))),
                ("isinstance", lambda: (isinstance(x, date), issubclass(datetime, date), datetime.__mro__)),
                ("fold_local", lambda: (datetime(2020, 1, 1, fold=1).timestamp(), datetime(2020, 1, 1, fold=1).astimezone(UTC))),
                ("fromordinal", lambda: datetime.fromordinal(738000)), ("today_type", lambda: type(datetime.today())),
                ("now_type", lambda: (type(datetime.now()), datetime.now(UTC).tzinfo, type(date.today()), datetime.utcnow().tzinfo)),
                ("now_bad", lambda: datetime.now(5)),
                ]:
    p(f"dt.{name}", f)

# ---- pickling and copying ----
objs = [timedelta(1, 2, 3), timedelta(-1), date(2024, 2, 29), time(1, 2, 3, 4), time(1, 2, 3, 4, tz), time(5, fold=1),
        datetime(2024, 3, 10, 14, 30, 15, 123456), datetime(2024, 1, 1, tzinfo=UTC), datetime(2024, 1, 1, 1, fold=1, tzinfo=tz),
        timezone.utc, tz, timezone(timedelta(hours=-2)), timezone.min, date.min, datetime.max, tzinfo()]
for i, o in enumerate(objs):
    for proto in range(0, 6):
        p(f"pickle{i}.{proto}", lambda: pickle.dumps(o, proto))
    p(f"unpickle{i}", lambda: [repr(v) if type(v) is not tzinfo else "tzinfo" for v in (pickle.loads(pickle.dumps(o)), copy.copy(o), copy.deepcopy(o))])
p("pickle_subclass", lambda: pickle.loads(pickle.dumps(type("X", (), {})) if False else pickle.dumps(date(2020, 1, 1))))
p("pickle_fixedtz", lambda: pickle.dumps(FixedTZ) and pickle.loads(pickle.dumps(time(1, tzinfo=UTC), 2)))

# ---- isocalendar date and misc ----
ic = date(2024, 2, 29).isocalendar()
p("ic.repr", lambda: repr(ic)); p("ic.eq", lambda: ic == (2024, 9, 4)); p("ic.hash", lambda: hash(ic) == hash((2024, 9, 4)))
p("ic.new", lambda: type(ic)(2020, 1, 1)); p("ic.new_bad", lambda: type(ic)(2020, 1)); p("ic.pickle", lambda: pickle.dumps(ic, 2))
p("ic.fields", lambda: getattr(type(ic), "_fields", "absent"))
p("tdsum", lambda: sum([timedelta(1), timedelta(hours=1)], timedelta()))
p("strs_range", lambda: [str(date(y, 1, 1)) for y in (1, 10, 100, 1000)])
p("ctime_all", lambda: [datetime(2024, m, 1 + m, m, m, m).ctime() for m in range(1, 13)])
p("leap", lambda: [date(y, 2, 28) + timedelta(1) for y in (1900, 2000, 2004, 2100, 2400)])
p("ordinals", lambda: [date.fromordinal(o).toordinal() == o for o in range(1, 3652059, 99991)])
p("td_cmp_other", lambda: (timedelta(1) == date(2020,1,1), timedelta(1).__eq__(1), date(2020,1,1).__lt__(1), datetime(2020,1,1).__eq__(date(2020,1,1))))
p("descr", lambda: (date.year.__class__.__name__, timedelta.days.__doc__, date.__doc__, timezone.__doc__))
p("dt_doc", lambda: (datetime.__doc__, time.__doc__, timedelta.__doc__, tzinfo.__doc__))
p("sizes", lambda: (date(1,1,1).__sizeof__() > 0))

# ---- a DST-aware tzinfo (the documentation's USTimeZone), folds and gaps ----
ZERO, HOUR = timedelta(0), timedelta(hours=1)
def first_sunday_on_or_after(d):
    days_to_go = 6 - d.weekday()
    return d + timedelta(days_to_go) if days_to_go else d
DSTSTART, DSTEND = datetime(1, 3, 8, 2), datetime(1, 11, 1, 2)
class USTimeZone(tzinfo):
    def __init__(self, hours, reprname, stdname, dstname):
        self.stdoffset = timedelta(hours=hours); self.reprname = reprname; self.stdname = stdname; self.dstname = dstname
    def __repr__(self): return self.reprname
    def tzname(self, dt): return self.dstname if self.dst(dt) else self.stdname
    def utcoffset(self, dt): return self.stdoffset + self.dst(dt)
    def dst(self, dt):
        if dt is None or dt.tzinfo is None: return ZERO
        start = first_sunday_on_or_after(DSTSTART.replace(year=dt.year))
        end = first_sunday_on_or_after(DSTEND.replace(year=dt.year))
        if start + HOUR <= dt.replace(tzinfo=None) < end - HOUR: return HOUR
        if end - HOUR <= dt.replace(tzinfo=None) < end: return ZERO if dt.fold else HOUR
        if start <= dt.replace(tzinfo=None) < start + HOUR: return HOUR if dt.fold else ZERO
        return ZERO
    def fromutc(self, dt):
        assert dt.tzinfo is self
        start = first_sunday_on_or_after(DSTSTART.replace(year=dt.year))
        end = first_sunday_on_or_after(DSTEND.replace(year=dt.year))
        std_time = dt + self.stdoffset
        dst_time = std_time + HOUR
        if end <= dst_time < end + HOUR: return std_time.replace(fold=1)
        if std_time < start or dst_time >= end: return std_time
        if start <= std_time < end - HOUR: return dst_time
Eastern = USTimeZone(-5, "Eastern", "EST", "EDT")
for name, f in [
    ("us.fold_eq", lambda: (datetime(2024, 11, 3, 1, 30, tzinfo=Eastern) == datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=Eastern), datetime(2024, 11, 3, 1, 30, tzinfo=Eastern) == datetime(2024, 11, 3, 5, 30, tzinfo=timezone.utc), datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=Eastern) == datetime(2024, 11, 3, 6, 30, tzinfo=timezone.utc))),
    ("us.offsets", lambda: [(datetime(2024, 11, 3, 1, 30, fold=f, tzinfo=Eastern).utcoffset(), datetime(2024, 11, 3, 1, 30, fold=f, tzinfo=Eastern).tzname()) for f in (0, 1)]),
    ("us.astz", lambda: [datetime(2024, 11, 3, h, 30, tzinfo=timezone.utc).astimezone(Eastern) for h in range(4, 8)]),
    ("us.astz_back", lambda: [datetime(2024, 3, 10, h, 30, tzinfo=Eastern).astimezone(timezone.utc) for h in range(1, 4)]),
    ("us.tt", lambda: [datetime(2024, m, 1, tzinfo=Eastern).timetuple().tm_isdst for m in (1, 7)]),
    ("us.utctt", lambda: datetime(2024, 7, 1, 12, tzinfo=Eastern).utctimetuple()),
    ("us.sub", lambda: (datetime(2024, 7, 1, 12, tzinfo=Eastern) - datetime(2024, 1, 1, 12, tzinfo=Eastern), datetime(2024, 7, 1, 12, tzinfo=Eastern) - datetime(2024, 7, 1, 12, tzinfo=timezone.utc))),
    ("us.iso", lambda: (datetime(2024, 7, 1, 12, tzinfo=Eastern).isoformat(), datetime(2024, 7, 1, 12, tzinfo=Eastern).strftime("%z %Z %:z"))),
    ("us.cmp", lambda: (datetime(2024, 7, 1, 12, tzinfo=Eastern) < datetime(2024, 7, 1, 17, tzinfo=timezone.utc), datetime(2024, 7, 1, 12, tzinfo=Eastern) == datetime(2024, 7, 1, 16, tzinfo=timezone.utc))),
    ("us.hash", lambda: hash(datetime(2024, 7, 1, 12, tzinfo=Eastern)) == hash(datetime(2024, 7, 1, 16, tzinfo=timezone.utc))),
    ("us.hash_fold", lambda: hash(datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=Eastern)) == hash(datetime(2024, 11, 3, 1, 30, tzinfo=Eastern))),
    ("us.tzinfo_fromutc", lambda: tzinfo.fromutc(Eastern, datetime(2024, 7, 1, 16, tzinfo=Eastern))),
    ("us.time_aware", lambda: (time(1, tzinfo=Eastern).utcoffset(), time(1, tzinfo=Eastern).tzname(), time(1, tzinfo=Eastern).isoformat())),
    ]:
    p(name, f)

# ---- subclasses ----
class MyDate(date):
    def __new__(cls, *a, **k):
        return super().__new__(cls, *a, **k)
    def __repr__(self): return "MyDate:" + super().__repr__()
class MyDT(datetime):
    extra = 5
    def isoformat(self, sep="T", timespec="auto"): return "ISO:" + super().isoformat(sep, timespec)
class MyTime(time):
    pass
class MyTD(timedelta):
    def __new__(cls, *a, **k): return super().__new__(cls, *a, **k)
class MyTZ(tzinfo):
    def __init__(self, h=0): self.h = h
    def utcoffset(self, d): return timedelta(hours=self.h)
    def dst(self, d): return timedelta(0)
    def tzname(self, d): return f"TZ{self.h}"
    def __getinitargs__(self): return (self.h,)
for name, f in [
    ("sub.date", lambda: (MyDate(2020, 1, 2), str(MyDate(2020, 1, 2)), MyDate(2020, 1, 2) + timedelta(1), MyDate.fromordinal(3), MyDate.fromisoformat("2020-01-02"), MyDate(2020, 1, 2).replace(day=5))),
    ("sub.date_pickle", lambda: [pickle.loads(pickle.dumps(MyDate(2020, 1, 2), p_)) for p_ in range(6)]),
    ("sub.dt", lambda: (MyDT(2020, 1, 2, 3), str(MyDT(2020, 1, 2, 3)), MyDT(2020, 1, 2).extra, type(MyDT.combine(date(1, 1, 1), time())), type(MyDT.now()), type(MyDT.fromordinal(5)))),
    ("sub.dt_pickle", lambda: [pickle.loads(pickle.dumps(MyDT(2020, 1, 2, 3, fold=1, tzinfo=tz), p_)) for p_ in range(6)]),
    ("sub.dt_sub", lambda: (type(MyDT(2020, 1, 2) - timedelta(1)), MyDT(2020, 1, 2) - datetime(2020, 1, 1), type(MyDT(2020, 1, 2).astimezone(UTC)))),
    ("sub.time", lambda: (MyTime(1, 2, fold=1), type(MyTime.fromisoformat("01:02")), type(MyTime(1).replace(hour=2)), pickle.loads(pickle.dumps(MyTime(1, 2, 3, 4, tz), 4)))),
    ("sub.td", lambda: (MyTD(1), type(MyTD(1) + MyTD(2)), type(-MyTD(1)), type(abs(MyTD(1))), type(MyTD(1) * 2), pickle.loads(pickle.dumps(MyTD(1, 2, 3))))),
    ("sub.tz", lambda: (datetime(2020, 1, 1, tzinfo=MyTZ(3)).isoformat(), pickle.loads(pickle.dumps(datetime(2020, 1, 1, tzinfo=MyTZ(3)))).tzinfo.h, MyTZ(3).__reduce__())),
    ("sub.tz_pickle", lambda: pickle.dumps(MyTZ(2), 2)),
    ("sub.tz_pickle5", lambda: pickle.dumps(MyTZ(2), 5)),
    ("sub.isinstance", lambda: (isinstance(MyDT(2020, 1, 1), date), MyDT(2020, 1, 1) == datetime(2020, 1, 1), MyDate(2020, 1, 1) == date(2020, 1, 1), hash(MyDate(2020, 1, 1)) == hash(date(2020, 1, 1)))),
    ("sub.cmp_date_dt", lambda: (MyDate(2020, 1, 1) == MyDT(2020, 1, 1), date(2020, 1, 1) != datetime(2020, 1, 1))),
    ]:
    p(name, f)

# ---- more corners ----
for name, f in [
    ("c.td_float_round", lambda: [timedelta(seconds=x) for x in (0.5e-6, 1.5e-6, 2.5e-6, -2.5e-6, 1e-6 * 0.49999999, 123.4567895, 86399.9999996, -0.0000015)]),
    ("c.td_mixed_round", lambda: [timedelta(days=d, seconds=s_, microseconds=u) for d, s_, u in [(0.5, 0.5, 0.5), (1e-11, 0, 0.5), (-0.5, 0, -0.5), (0, 1.0000005, 0), (0, 0, 1.5), (0, 0, 2.5)]]),
    ("c.td_str_big", lambda: [str(timedelta.max), str(timedelta.min), str(timedelta(-1, 86399, 999999)), repr(timedelta(seconds=-1))]),
    ("c.td_ops", lambda: (timedelta(1) // timedelta(hours=5), timedelta(1) % timedelta(hours=5), timedelta(-1) // timedelta(hours=5), timedelta(-1) % timedelta(hours=5), timedelta(microseconds=-5) // 2, timedelta(microseconds=-5) / 2, timedelta(1) / 7, timedelta(1) * 1.1, 1.1 * timedelta(1), timedelta(seconds=1) / 3.0, timedelta(seconds=1) // 3)),
    ("c.td_cmp_types", lambda: [timedelta(1) == x for x in (1, 1.0, "1", None, date(1, 1, 1))]),
    ("c.td_total_big", lambda: (timedelta.min.total_seconds(), timedelta(0, 0, 1).total_seconds(), timedelta(123456789, 1, 123).total_seconds())),
    ("c.date_add_neg", lambda: (date(2024, 3, 1) + timedelta(seconds=-1), date(2024, 3, 1) - timedelta(seconds=1), date(2024, 3, 1) - timedelta(days=1, seconds=86399), date(1, 1, 2) - timedelta(1))),
    ("c.ords", lambda: [(o, date.fromordinal(o)) for o in (59, 60, 365, 366, 1461, 36524, 36525, 146097, 146098)]),
    ("c.weekdays", lambda: [date(2000 + i, 1, 1).weekday() for i in range(10)]),
    ("c.strftime_odd", lambda: [datetime(2024, 1, 2, 3, 4, 5, 6).strftime(f_) for f_ in ("%", "%%", "%:", "%:x", "%.%f", "%f%f", "%%f", "%z%Z", "", "plain", "%-d", "%Ez", "%:zz", "%e", "%k", "%l", "%P", "%s")]),
    ("c.strftime_tzname_pct", lambda: datetime(2020, 1, 1, tzinfo=timezone(timedelta(0), "%Y%%")).strftime("[%Z]")),
    ("c.strftime_nul", lambda: datetime(2020, 1, 1).strftime("a\x00b%Y")),
    ("c.time_strftime", lambda: (time(13, 5).strftime("%H %I %p %M %S %f %Y %m %d %j %a"), time(1, tzinfo=timezone(timedelta(hours=-2, minutes=-30))).strftime("%z|%:z|%Z"))),
    ("c.isoformat_subsec", lambda: [datetime(2020, 1, 1, 0, 0, 0, us).isoformat(timespec=ts) for us in (0, 999, 1000, 999999) for ts in ("milliseconds", "auto")]),
    ("c.fromiso_more", lambda: [_try(datetime.fromisoformat, s_) for s_ in ("2024-05-06T07:08:09.5Z", "2024-05-06T07:08:09+05", "2024-05-06T07:08:09+0530", "2024-05-06T07:08:09+05:30:00", "2024-05-06T07:08:09+05:30:00.000001", "2024W011T07", "2024W01T07", "2024-W01-1 07:08", "2024-W01-107:08", "2024-W0107", "20240506 07", "2024-05-06T7", "2024-05-06T07:8", "2024-05-06T07:08:9", "2024-05-06T07:08:09,", "2024-05-06T0708", "2024-05-06T07:0809", "2024-05-06T070809.123", "2024-05-06T07:08:09.12345678912345", "2024-05-06T07:08:09Zx", "2024-05-06T07:08:09+01:00Z", "0000-01-01", "2024-02-30T00:00", "２０２４-05-06", "2024-05-06T07:08:09.-5", "2024-05-06T07:08:09-24:00", "2024-05-06T07:08:09+23:59:59.999999")]),
    ("c.time_fromiso_more", lambda: [_try(time.fromisoformat, s_) for s_ in ("T07", "T", "07:08:09.123456+00:00", "070809.5", "07:08:09.5-05:30", "07:08:09.5+05:30:59.999", "07:08:09Z", "07:08:09z", "24", "07:08:09.1234567+01:00", "07:08+01", "07+01:00")]),
    ("c.date_fromiso_more", lambda: [_try(date.fromisoformat, s_) for s_ in ("20240506", "2024-0506", "202405-06", "2024-W01", "2024W01", "2024W011", "2024-W011", "2024W01-1", "20241231xx", "2024-12-31", "1-01-01", "0001-01-01")]),
    ("c.fromisocalendar_types", lambda: [_try(date.fromisocalendar, *a) for a in ((2020.0, 1, 1), ("2020", 1, 1), (2**40, 1, 1), (2020, 1, -2**40))]),
    ("c.reduce_ex_bad", lambda: [_try(datetime(2020, 1, 1).__reduce_ex__, a) for a in ("x", 2**70, -1)]),
    ("c.combine_kw", lambda: (datetime.combine(date=date(2020, 1, 1), time=time(5), tzinfo=UTC), datetime.combine(date(2020, 1, 1), time(5, fold=1)))),
    ("c.astz_same", lambda: (xa.astimezone(timezone.utc) is xa, xt.astimezone(tz) is xt)),
    ("c.timestamp_aware", lambda: [datetime(y, 1, 1, tzinfo=UTC).timestamp() for y in (1, 1969, 1970, 2038, 9999)]),
    ("c.fromts_round", lambda: [datetime.fromtimestamp(x, UTC) for x in (0.0000005, 0.0000015, 0.0000025, -0.0000005, -0.0000015, 1.9999995, 1e9 + 0.1234565)]),
    ("c.utcfromts_neg", lambda: (datetime.fromtimestamp(-1, UTC), datetime.fromtimestamp(-86400 * 365 * 1000, UTC), date.fromtimestamp(-1.5))),
    ("c.ctime_years", lambda: [datetime(y, 1, 1).ctime() for y in (1, 99, 999, 9999)]),
    ("c.isocal_dt", lambda: (datetime(2021, 1, 3, 12).isocalendar(), date(2020, 12, 31).isocalendar(), date(2026, 1, 1).isocalendar())),
    ("c.tt_types", lambda: (type(date(2020, 1, 1).timetuple()).__name__, date(2020, 12, 31).timetuple().tm_yday, datetime(2020, 1, 1, tzinfo=UTC).timetuple().tm_isdst)),
    ("c.replace_all", lambda: (datetime(2020, 1, 1).replace(2021, 2, 3, 4, 5, 6, 7, UTC, fold=1), time(1).replace(2, 3, 4, 5, UTC, fold=1))),
    ("c.replace_pos_too_many", lambda: _try(lambda: datetime(2020, 1, 1).replace(1, 2, 3, 4, 5, 6, 7, None, 1))),
    ("c.new_kw_dup", lambda: [_try(lambda: date(2020, year=2020)), _try(lambda: time(1, hour=1)), _try(lambda: datetime(2020, 1, 1, 0, month=1))]),
    ("c.new_bool", lambda: (time(True, False), datetime(2020, True, True, True))),
    ("c.timezone_name_sub", lambda: repr(timezone(timedelta(hours=1), type("S", (str,), {})("x")))),
    ("c.tz_utcoffset_args", lambda: [_try(m, a) for m in (UTC.utcoffset, UTC.dst, UTC.tzname) for a in (None, datetime(2020, 1, 1), date(2020, 1, 1))]),
    ("c.tzinfo_sub_noimpl", lambda: [_try(lambda: datetime(2020, 1, 1, tzinfo=type("Z", (tzinfo,), {})()).utcoffset()), _try(lambda: datetime(2020, 1, 1, tzinfo=type("Z", (tzinfo,), {})()).isoformat())]),
    ("c.time_cmp_tzs", lambda: (time(1, tzinfo=timezone(timedelta(hours=1))) == time(0, tzinfo=UTC), time(1, tzinfo=timezone(timedelta(hours=1))) < time(0, 30, tzinfo=UTC), time(1, tzinfo=MyTZ(0)) == time(1))),
    ("c.hash_td_neg", lambda: [hash(timedelta(d)) for d in (-1, -2, 1, 999999999)]),
    ("c.hash_time_aware", lambda: (hash(time(1, tzinfo=timezone(timedelta(hours=1)))), hash(time(0, tzinfo=UTC)))),
    ("c.dt_eq_date_sub", lambda: (datetime(2020, 1, 1) == MyDate(2020, 1, 1), MyDate(2020, 1, 1).__eq__(datetime(2020, 1, 1)))),
    ("c.format_spec", lambda: (format(date(2020, 1, 1), "%Y"), format(time(1), "%H"), format(timedelta(1), ""), _try(format, timedelta(1), "x"))),
    ("c.dir_td", lambda: sorted(n for n in dir(timedelta) if not n.startswith("_"))),
    ("c.dir_dt", lambda: sorted(n for n in dir(datetime) if not n.startswith("_"))),
    ("c.dir_time", lambda: sorted(n for n in dir(time) if not n.startswith("_"))),
    ("c.dir_tz", lambda: sorted(n for n in dir(timezone) if not n.startswith("_"))),
    ("c.attrs_readonly", lambda: [_try(setattr, o, a, 1) for o, a in ((date(2020, 1, 1), "year"), (time(), "hour"), (datetime(2020, 1, 1), "tzinfo"), (timedelta(), "days"))]),
    ("c.weakref", lambda: __import__("weakref").ref(date(2020, 1, 1))),
    ]:
    p(name, f)

# ---- seeded mutations of ISO 8601 strings and random timedelta arguments ----
import random
rnd = random.Random(12345)
alpha = "0123456789" * 4 + "-:TW.,+Z x\u00e9\u6642\ud800"
templates = ["2024-05-06T07:08:09.123456+05:30", "2024W017T0708", "20240506T070809,5Z", "2024-W52-7 23:59:59-00:00:00.5",
             "07:08:09.1234567+01", "9999-12-31T23:59:59.999999"]
def mutate(s):
    s = list(s)
    for _ in range(rnd.randint(0, 3)):
        op = rnd.randint(0, 2); i = rnd.randint(0, len(s))
        if op == 0 and s: del s[min(i, len(s) - 1)]
        elif op == 1: s.insert(i, rnd.choice(alpha))
        elif s: s[min(i, len(s) - 1)] = rnd.choice(alpha)
    return "".join(s)
for n in range(1500):
    s_ = mutate(rnd.choice(templates)) if n % 3 else "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 14)))
    print(f"iso{n} = {ascii(s_)} | " + " | ".join(_try(lambda: repr(f_(s_))) for f_ in (date.fromisoformat, time.fromisoformat, datetime.fromisoformat)))
for n in range(600):
    vals = [rnd.choice([0, 1, -1, 0.5, -0.5, 1e-7, 2.5e-6, 1e9, -1e9, 86399.9999995, 3, 7, 1 << 31, 1e18]) for _ in range(7)]
    kw = dict(zip(["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"], vals))
    for k in list(kw):
        if rnd.random() < 0.6: del kw[k]
    p(f"tdr{n}", lambda: timedelta(**kw))

# ---- every public method with seeded random arguments (values, types and counts) ----
# The messages of the method-call layer (arity of METH_NOARGS/METH_O rows, unbound methods, object.__format__ and
# object.__reduce_ex__) are not _datetime's: those exceptions print their type only.
rnd = random.Random(7)
pool = [None, 0, 1, -1, 2**31, 2**70, 1.5, float("nan"), float("inf"), "x", "", "2020-01-01", "%Y", b"", b"\x07\xe4\x01\x01",
        timedelta(1), timedelta(0), date(2020, 1, 1), datetime(2020, 1, 1, tzinfo=UTC), datetime(2020, 1, 1), time(1),
        time(1, tzinfo=UTC), UTC, timezone(timedelta(hours=-3)), tzinfo(), object(), [], (), 12, 24, 60, 1000000]
objs = [timedelta(1, 2, 3), date(2020, 2, 29), time(1, 2, 3, 4), time(5, tzinfo=UTC), datetime(2020, 2, 29, 1, 2, 3, 4),
        datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=5))), UTC, timezone(timedelta(hours=1), "X"), tzinfo()]
def show(v):
    if type(v) in (tzinfo, object): return type(v).__name__
    r = repr(v)
    return r if " at 0x" not in r else type(v).__name__
LAYER = ("takes no arguments", "takes exactly one argument", "needs an argument", "takes no keyword", "format() argument 2",
         "__format__() argument must be str")
for o in objs + [timedelta, date, time, datetime, timezone, tzinfo]:
    names = sorted(n_ for n_ in dir(o) if not n_.startswith("__") or n_ in ("__add__", "__sub__", "__mul__", "__truediv__",
        "__floordiv__", "__mod__", "__divmod__", "__lt__", "__eq__", "__format__", "__replace__", "__new__", "__radd__", "__rsub__"))
    for name in names:
        f_ = getattr(o, name)
        if not callable(f_) or name in ("now", "today", "utcnow", "utcfromtimestamp"): continue
        for k in range(6):
            args = [rnd.choice(pool) for _ in range(rnd.randint(0, 3))]
            try:
                r = show(f_(*args))
            except Exception as e:
                r = f"!{type(e).__name__}" + ("" if any(m in str(e) for m in LAYER) else f": {e}")
            owner = o.__name__ if isinstance(o, type) else show(o)
            print(f"m.{owner}.{name}.{k} = {tuple(show(a) for a in args)} -> {r}")
