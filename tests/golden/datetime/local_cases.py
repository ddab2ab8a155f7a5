# Local-time cases for the native _datetime (fromtimestamp, timestamp, astimezone() and PEP 495 folds and gaps through
# the host's time zone), run under a fixed TZ by tests/unit/modules/datetime.test.ts. Captured with:
#   for z in America/New_York Europe/Dublin; do TZ=$z PYENV_VERSION=3.13.0 python3.13 local_cases.py > local_$(echo $z | tr / _).txt; done
from datetime import datetime, date, timezone, timedelta
for start in (datetime(2014, 11, 2, 5, 0, tzinfo=timezone.utc), datetime(2014, 3, 9, 6, 0, tzinfo=timezone.utc),
              datetime(2014, 3, 30, 0, 0, tzinfo=timezone.utc), datetime(2014, 10, 26, 0, 0, tzinfo=timezone.utc)):
    base = start.timestamp()
    for k in range(-3, 6):
        ts = base + k * 1800
        d = datetime.fromtimestamp(ts)
        print(ts, repr(d), d.timestamp(), d.astimezone(), d.astimezone(timezone.utc), d.replace(fold=1 - d.fold).timestamp())
for mo, day in ((11, 2), (3, 9), (3, 30), (10, 26)):
    for h, m in ((0, 59), (1, 30), (1, 59), (2, 0), (2, 15), (2, 30), (3, 0)):
        for f in (0, 1):
            d = datetime(2014, mo, day, h, m, fold=f)
            print(repr(d), d.timestamp(), d.astimezone(), d.astimezone(timezone.utc), d.utctimetuple()[:6], hash(d) == hash(d.replace(fold=0)))
print(datetime(1900, 1, 1).timestamp(), datetime(2300, 7, 1).timestamp(), datetime(1, 1, 2).timestamp(), datetime(9999, 12, 30).timestamp())
print(date.fromtimestamp(1e9), date.today() > date(2020, 1, 1), datetime.fromtimestamp(-1e10), datetime.fromtimestamp(1e11))
print(datetime(2020, 6, 1, 12, tzinfo=timezone.utc).astimezone(), datetime(2020, 1, 1, 12).astimezone(timezone(timedelta(hours=3))))
# (no tzname(): the time module's tm_zone comes from Intl, which names most zones outside the US 'GMT+N')
print(datetime.fromtimestamp(0).tzname(), datetime.fromtimestamp(0).astimezone().utcoffset(), datetime.fromtimestamp(1e9).astimezone().utcoffset())
