import threading, time
from concurrent.futures import ThreadPoolExecutor, as_completed
counter = 0; lock = threading.Lock()
def inc(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
ts = [threading.Thread(target=inc, args=(1000,), name=f"w{i}") for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(counter, [t.name for t in ts], ts[0].is_alive(), threading.current_thread().name, threading.main_thread() is threading.current_thread())
ev = threading.Event(); out = []
def waiter(): ev.wait(); out.append("woke")
w = threading.Thread(target=waiter); w.start(); time.sleep(0.01); out.append("set"); ev.set(); w.join(); print(out, ev.is_set())
cond = threading.Condition(); items = []
def consumer():
    with cond:
        cond.wait_for(lambda: items); out.append(items.pop())
c = threading.Thread(target=consumer); c.start()
with cond: items.append("item"); cond.notify()
c.join(); print(out[-1])
sem = threading.BoundedSemaphore(2); print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False)); sem.release(); sem.release()
try:
    sem.release()
except ValueError as e:
    print(e)
rl = threading.RLock()
with rl:
    with rl: print("reentrant ok")
b = threading.Barrier(3); order = []
def at_barrier(i): order.append(b.wait() >= 0)
bs = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
for t in bs: t.start()
for t in bs: t.join()
print(order)
loc = threading.local(); loc.v = "main"; seen = []
def tl(): loc.v = "thread"; seen.append(loc.v)
t = threading.Thread(target=tl); t.start(); t.join(); print(loc.v, seen)
with ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(pow, 2, i) for i in range(8)]
    print(sorted(f.result() for f in as_completed(futs)), list(ex.map(str.upper, ["a", "b"])))
tm = threading.Timer(0.01, lambda: out.append("timer")); tm.start(); tm.join(); print(out[-1])
class MyThread(threading.Thread):
    def run(self): self.result = sum(range(100))
mt = MyThread(daemon=True); mt.start(); mt.join(); print(mt.result, mt.daemon, threading.active_count())
def boom(): raise ValueError("in thread")
threading.excepthook = lambda args: print("hook:", args.exc_type.__name__, args.exc_value)
t = threading.Thread(target=boom); t.start(); t.join()
try:
    threading.Thread(target=inc).join()
except RuntimeError as e:
    print(e)
