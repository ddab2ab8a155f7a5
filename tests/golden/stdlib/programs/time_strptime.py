import time
print(time.strptime('2024-03-05', '%Y-%m-%d')[:3])
print(time.strftime('%d/%m/%y', time.strptime('1 Feb 2020', '%d %b %Y')))
