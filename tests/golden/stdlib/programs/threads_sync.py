# Green threads: the synchronization primitives of threading, thread-local data, a thread pool, exceptions in
# threads and interpreter exit waiting for non-daemon threads (output made deterministic with joins and events).
import threading, queue, time, sys
from concurrent.futures import ThreadPoolExecutor, as_completed

# Two busy threads both make progress (the loop switches every sys.getswitchinterval() seconds).
print("switch interval", sys.getswitchinterval())
counts = [0, 0]
stop = threading.Event()
def spin(i):
    while not stop.is_set():
        counts[i] += 1
ts = [threading.Thread(target=spin, args=(i,)) for i in range(2)]
for t in ts: t.start()
t0 = time.monotonic()
time.sleep(0.05)
stop.set()
for t in ts: t.join()
print("both ran:", all(counts), "slept:", time.monotonic() - t0 >= 0.05)

# Lock contention with a read-modify-write that would lose updates without the lock.
lock = threading.Lock()
total = 0
def add():
    global total
    for _ in range(500):
        with lock:
            t = total
            time.sleep(0)
            total = t + 1
ts = [threading.Thread(target=add) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("total", total, lock.locked())

# Condition with wait_for, notify_all.
cond = threading.Condition()
items = []
seen = []
def waiter(n):
    with cond:
        cond.wait_for(lambda: len(items) >= n)
        seen.append((n, list(items[:n])))
ws = [threading.Thread(target=waiter, args=(n,)) for n in (1, 3)]
for w in ws: w.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
for w in ws: w.join()
print("condition", sorted(seen))

# Semaphore bounds concurrency; BoundedSemaphore refuses an extra release.
sem = threading.BoundedSemaphore(2)
active = peak = 0
def limited():
    global active, peak
    with sem:
        active += 1
        peak = max(peak, active)
        time.sleep(0.005)
        active -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("semaphore peak", peak)
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)

# Barrier: nobody passes before everyone arrives; the action runs once.
log = []
bar = threading.Barrier(3, action=lambda: log.append("action"))
def party(i):
    log.append(f"before {i}")
    bar.wait()
    log.append(f"after {i}")
ts = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("barrier", sorted(log[:3]), log[3], sorted(log[4:]))

# Event with a timeout, Timer (really waits), Timer.cancel.
ev = threading.Event()
print("event wait timeout", ev.wait(0.01))
fired = []
tm = threading.Timer(0.02, lambda: fired.append("fired"))
t0 = time.monotonic(); tm.start(); tm.join()
print("timer", fired, time.monotonic() - t0 >= 0.02)
tm2 = threading.Timer(5, lambda: fired.append("never")); tm2.start(); tm2.cancel(); tm2.join()
print("cancelled timer", fired)

# RLock is reentrant and owned; Lock acquire with timeout and non-blocking.
rl = threading.RLock()
with rl:
    with rl:
        print("rlock owned", rl._is_owned())
l = threading.Lock(); l.acquire()
print("acquire timeout", l.acquire(timeout=0.01), "non-blocking", l.acquire(False))
l.release()
def other_release():
    l.release()
l.acquire()
threading.Thread(target=other_release).start()
print("released by another thread", l.acquire(timeout=1))

# threading.local: each thread sees its own attributes; a subclass's __init__ runs per thread.
class Local(threading.local):
    def __init__(self, tag):
        self.tag = tag
        self.n = 0
loc = Local("init")
loc.n = 5
res = {}
def use_local(name):
    loc.n += 1
    res[name] = (loc.tag, loc.n, hasattr(loc, "extra"))
    loc.extra = name
ts = [threading.Thread(target=use_local, args=(f"T{i}",)) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print("local", sorted(res.items()), loc.n, hasattr(loc, "extra"))

# queue.Queue producer/consumer with task_done/join, LifoQueue, PriorityQueue.
q = queue.Queue(maxsize=3)
out = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        out.append(item * 2)
        q.task_done()
c = threading.Thread(target=consumer); c.start()
for i in range(10):
    q.put(i)
q.put(None)
q.join(); c.join()
print("queue", out)
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("queue.Empty after timeout")

# ThreadPoolExecutor: map, submit/as_completed, an exception in a task.
with ThreadPoolExecutor(max_workers=3, thread_name_prefix="pool") as ex:
    print("map", list(ex.map(lambda x: x * x, range(8))))
    futs = [ex.submit(pow, 2, k) for k in range(5)]
    print("as_completed", sorted(f.result() for f in as_completed(futs)))
    bad = ex.submit(int, "x")
    try:
        bad.result()
    except ValueError as e:
        print("task raised", e)

# Thread attributes and the registry.
t = threading.Thread(target=lambda: None, name="named", daemon=True)
print(t.name, t.daemon, t.is_alive(), t.ident)
t.start(); t.join()
print(t.is_alive(), t.ident != threading.get_ident(), threading.active_count(), threading.main_thread().name)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)

# An exception in a thread goes to threading.excepthook.
def hook(args):
    print("excepthook:", args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
t = threading.Thread(target=lambda: 1 / 0, name="Boom"); t.start(); t.join()
threading.excepthook = threading.__excepthook__

# Interpreter exit waits for a non-daemon thread; a daemon thread is abandoned.
def forever():
    while True:
        time.sleep(0.01)
threading.Thread(target=forever, daemon=True).start()
def late():
    time.sleep(0.03)
    print("non-daemon thread finished before exit")
threading.Thread(target=late).start()
print("main done")
