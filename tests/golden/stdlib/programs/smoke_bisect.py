import bisect
a = [1, 2, 4, 4, 4, 8, 10]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 11), bisect.bisect_left(a, 4, lo=4), bisect.bisect_right(a, 4, 0, 3))
bisect.insort(a, 5); bisect.insort_left(a, 4); print(a)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"): return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
recs = [("alice", 31), ("bob", 25), ("carol", 40)]; recs.sort(key=lambda r: r[1])
print(bisect.bisect_left(recs, 30, key=lambda r: r[1]), recs[bisect.bisect_left(recs, 40, key=lambda r: r[1])])
bisect.insort(recs, ("dave", 33), key=lambda r: r[1]); print(recs)
for bad in [lambda: bisect.bisect([1], 1, lo=-1), lambda: bisect.bisect(None, 1), lambda: bisect.insort([1, 2], "x")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
