import heapq
h = []
for x in [5, 1, 8, 3, 9, 2]: heapq.heappush(h, x)
print(h, heapq.heappop(h), heapq.heappushpop(h, 0), heapq.heapreplace(h, 7), h)
data = [9, 4, 7, 1, 8, 2]; heapq.heapify(data); print(data, [heapq.heappop(data) for _ in range(len(data))])
print(heapq.nlargest(3, [1, 8, 3, 9, 4]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len), heapq.nlargest(2, {"a": 3, "b": 1, "c": 2}.items(), key=lambda kv: kv[1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge(["ccc", "a"], ["bb"], key=len, reverse=True)))
tasks = []
for prio, name in [(2, "write"), (1, "plan"), (3, "ship"), (1, "coffee")]: heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks)[1] for _ in range(4)])
for bad in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapify([1, "a"])]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
