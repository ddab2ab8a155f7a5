import calendar
print(calendar.month(2024, 2))
print(calendar.isleap(2000), calendar.isleap(1900), calendar.leapdays(1900, 2024), calendar.monthrange(2024, 2), calendar.weekday(2024, 7, 4))
print(calendar.monthcalendar(2023, 1))
tc = calendar.TextCalendar(calendar.SUNDAY)
print(tc.formatmonth(2025, 12, w=3))
print(list(calendar.day_name), list(calendar.month_abbr), calendar.firstweekday())
print(calendar.timegm((2024, 1, 1, 0, 0, 0)), calendar.Month.MARCH, calendar.Day.FRIDAY, repr(calendar.MONDAY))
c = calendar.Calendar()
print(list(c.itermonthdates(2024, 2))[:3], list(c.itermonthdays2(2024, 2))[:9], c.yeardatescalendar(2024, 6)[0][0][0][:2])
print(calendar.HTMLCalendar().formatmonth(2024, 1)[:300])
print(calendar.calendar(2024, m=4)[:600])
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print(type(e).__name__, e)
