import datetime as dt
from datetime import date, datetime, time, timedelta, timezone
d = date(2024, 2, 29)
print(d, repr(d), d.isoformat(), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), d.replace(year=2023, day=28))
print(d + timedelta(days=1), d - date(2000, 1, 1), date.fromisoformat("2021-12-31"), date.fromordinal(738000), d.strftime("%A %d %B %Y %j %U"))
t = datetime(2024, 3, 10, 14, 30, 15, 123456)
print(t, repr(t), t.isoformat(timespec="milliseconds"), t.timestamp() if False else t.date(), t.time(), t.ctime())
print(t.strftime("%Y-%m-%dT%H:%M:%S.%f %p %I %a %b"), format(t, "%d/%m/%y"), f"{t:%H:%M}")
td = timedelta(days=1, hours=25, minutes=-5, seconds=3.5)
print(td, repr(td), td.total_seconds(), td * 2, td // 3, -td, abs(-td), timedelta(microseconds=1) / timedelta(seconds=1), timedelta(weeks=1) % timedelta(days=3))
tz = timezone(timedelta(hours=5, minutes=30), "IST")
aware = datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)
print(aware, aware.astimezone(tz), aware.astimezone(tz).tzname(), aware.utcoffset(), repr(tz), timezone(timedelta(hours=-3)))
print(datetime.fromisoformat("2024-05-06T07:08:09+02:00"), datetime.fromisoformat("2024-05-06 07:08"), datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400) if False else datetime(1970, 1, 2))
print(datetime.strptime("2023-07-04 09:15:00", "%Y-%m-%d %H:%M:%S"), datetime.strptime("03/Feb/2020:10:00:00 +0100", "%d/%b/%Y:%H:%M:%S %z"))
print(time(9, 5, 7, 1), time.fromisoformat("23:59:59.5"), time(1, 2).replace(hour=3), time(12, tzinfo=tz).isoformat())
print(sorted([datetime(2020, 1, 1), datetime(2019, 5, 5)]), aware == datetime(2024, 1, 1, 17, 30, tzinfo=tz), aware.timestamp(), datetime.combine(d, time(1)))
print(dt.MINYEAR, dt.MAXYEAR, date.max, datetime.min, timedelta.max, timedelta.resolution)
for bad in [lambda: date(2023, 2, 29), lambda: datetime(2020, 1, 1, 25), lambda: timedelta(days=10 ** 9), lambda: date.fromisoformat("2024-13-01"), lambda: datetime(2020, 1, 1) - aware, lambda: datetime.strptime("x", "%Y")]:
    try:
        bad()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
