import zoneinfo
from datetime import datetime, timedelta, timezone
paris = zoneinfo.ZoneInfo("Europe/Paris")
ny = zoneinfo.ZoneInfo("America/New_York")
w = datetime(2024, 1, 15, 12, tzinfo=paris); s = datetime(2024, 7, 15, 12, tzinfo=paris)
print(w, s, w.tzname(), s.tzname(), w.utcoffset(), s.dst(), repr(paris), str(ny))
print(s.astimezone(ny), s.astimezone(timezone.utc), datetime(2024, 3, 10, 7, tzinfo=timezone.utc).astimezone(ny))
amb = datetime(2024, 11, 3, 1, 30, tzinfo=ny)
print(amb.utcoffset(), amb.replace(fold=1).utcoffset(), amb.replace(fold=1).tzname())
gap = datetime(2024, 3, 31, 2, 30, tzinfo=paris); print(gap.utcoffset(), (gap + timedelta(hours=1)).isoformat())
print(zoneinfo.ZoneInfo("UTC").utcoffset(None), paris is zoneinfo.ZoneInfo("Europe/Paris"), paris.key)
print("Europe/Paris" in zoneinfo.available_timezones(), type(zoneinfo.TZPATH).__name__)
for bad in ["Not/AZone", "../etc/passwd", ""]:
    try:
        zoneinfo.ZoneInfo(bad)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as e:
        print(type(e).__name__, e)
