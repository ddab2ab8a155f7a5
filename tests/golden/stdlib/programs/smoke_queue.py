import queue, threading
q = queue.Queue(maxsize=2); q.put(1); q.put_nowait(2)
print(q.qsize(), q.full(), q.empty(), q.get(), q.get_nowait(), q.empty())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
q.put(1); q.put(2)
try:
    q.put(3, timeout=0.01)
except queue.Full:
    print("Full")
lq = queue.LifoQueue(); pq = queue.PriorityQueue(); sq = queue.SimpleQueue()
for x in [3, 1, 2]: lq.put(x); pq.put((x, str(x))); sq.put(x)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)], [sq.get() for _ in range(3)], sq.empty())
work = queue.Queue(); results = []
def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done(); break
        results.append(item * item); work.task_done()
ts = [threading.Thread(target=worker) for _ in range(3)]
for t in ts: t.start()
for i in range(20): work.put(i)
for _ in ts: work.put(None)
work.join()
for t in ts: t.join()
print(sorted(results), work.unfinished_tasks)
q2 = queue.Queue(); q2.shutdown() if hasattr(q2, "shutdown") else None
try:
    q2.put(1)
except Exception as e:
    print(type(e).__name__)
