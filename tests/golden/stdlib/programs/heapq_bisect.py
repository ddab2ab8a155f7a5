# _heapq and _bisect smoke program: heaps (min and _max), merge/nlargest/nsmallest, bisect/insort with lo/hi/key, list subclasses, argument errors, a list mutated during comparison.
import heapq, bisect, _heapq, _bisect, random
random.seed(5)
data = [random.randrange(1000) for _ in range(3000)]
h = []
for x in data[:50]: heapq.heappush(h, x)
print(h[:12], [heapq.heappop(h) for _ in range(10)])
h2 = data[:]; heapq.heapify(h2); print(h2[:15], heapq.heapreplace(h2, 5), heapq.heappushpop(h2, 1), heapq.heappushpop(h2, 10**9), h2[:5])
print(heapq.nlargest(5, data), heapq.nsmallest(5, data, key=lambda v: -v), list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9]))[:6])
print(list(heapq.merge([1, 4, 7], [2, 5, 8], reverse=False, key=lambda v: v % 5)))
m = data[:40]; _heapq._heapify_max(m); print(m[:8], _heapq._heappop_max(m), _heapq._heapreplace_max(m, 3), m[:5])
print(sorted(data) == [heapq.heappop(h2) for _ in range(len(h2))] or "heap order ok")
s = sorted(data[:100])
print(bisect.bisect(s, 500), bisect.bisect_left(s, 500), bisect.bisect_right(s, s[10]), bisect.bisect_left(s, s[10]), bisect.bisect(s, 500, 10, 20), bisect.bisect(s, 500, hi=-5))
bisect.insort(s, 501); bisect.insort_left(s, 0); bisect.insort(s, 2000, lo=3); print(s[:5], s[-3:], len(s))
recs = [("a", 3), ("b", 7), ("c", 9)]; print(bisect.bisect_left(recs, 7, key=lambda r: r[1]))
bisect.insort(recs, ("z", 8), key=lambda r: r[1]); print(recs)
class L(list):
    def insert(self, i, v): print("insert", i, v); super().insert(i, v)
l = L([1, 3, 5]); bisect.insort(l, 4); print(l)
for bad in ["heapq.heappush(1, 2)", "heapq.heappop([])", "heapq.heappop(())", "heapq.heapreplace([], 1)", "heapq.heapify(None)", "bisect.bisect([], 1, -1)", "bisect.bisect([1], 1, key=None, lo=-2)", "bisect.bisect(1, 2)", "heapq.heappush([1], 'a')", "bisect.bisect([1, 2], 1, 'x')", "heapq.heappush([], 1, 2)", "bisect.bisect()", "bisect.bisect([1], 1, bogus=3)"]:
    try: print(bad, eval(bad))
    except Exception as e: print(bad, type(e).__name__, e)
class Evil:
    def __init__(self, h): self.h = h
    def __lt__(self, o): self.h.clear(); return True
h = [Evil(None) for _ in range(3)]
for e in h: e.h = h
try: heapq.heappush(h, Evil(h))
except Exception as e: print(type(e).__name__, e)
