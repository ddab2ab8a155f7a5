// Green threads, blocking calls, select and _socket (docs/interpreter.md, "Threads"; docs/modules.md, "select,
// _socket"): programs run by bin/typhon.js. Expected texts are CPython 3.13's, except where Typhon deliberately
// differs (a deadlock raises instead of hanging; no network sockets), which the tests pin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..", "..", "..", "..");

function run(src: string): { out: string; err: string; status: number | null; ms: number } {
  const t0 = Date.now();
  const p = spawnSync(process.execPath, [join(ROOT, "bin", "typhon.js"), "-c", src], {
    encoding: "utf8", timeout: 60000, env: { ...process.env, PYTHONHASHSEED: "0" },
  });
  return { out: p.stdout, err: p.stderr, status: p.status, ms: Date.now() - t0 };
}

test("threads: a busy thread is preempted, both threads make progress, join waits", () => {
  const r = run(`
import threading
n = [0, 0]
stop = False
def spin(i):
    while not stop:
        n[i] += 1
t = threading.Thread(target=spin, args=(1,)); t.start()
n[1] = 0
while n[1] == 0:   # never blocks: only preemption lets the other thread count
    n[0] += 1
stop = True
t.join()
print(n[0] > 0, n[1] > 0, t.is_alive(), threading.active_count())
`);
  assert.equal(r.err, "");
  assert.equal(r.out, "True True False 1\n");
});

test("threads: time.sleep really waits and lets another thread run meanwhile", () => {
  const r = run(`
import threading, time
seen = []
t = threading.Thread(target=lambda: seen.append(time.monotonic()))
t0 = time.monotonic(); t.start(); time.sleep(0.2); t1 = time.monotonic()
t.join()
print(t1 - t0 >= 0.2, t0 <= seen[0] <= t1)
`);
  assert.equal(r.out, "True True\n");
});

test("threads: a blocking acquire inside a Python callback called from native code (nested wait) still works", () => {
  const r = run(`
import threading
lock = threading.Lock(); lock.acquire()
got = []
def key(x):
    got.append(lock.acquire(timeout=5))   # called by sorted(): a JS frame sits between
    lock.release()
    return x
t = threading.Thread(target=lambda: sorted([2, 1], key=key)); t.start()
lock.release()
t.join()
print(got)
`);
  assert.equal(r.out, "[True, True]\n");
});

test("threads: a worker blocked in a callback from native code (iter(q.get, None)) while main waits", () => {
  const r = run(`
import threading, queue
q = queue.Queue()
out = []
def worker():
    for item in iter(q.get, None):   # q.get runs under the native callable iterator
        out.append(item)
t = threading.Thread(target=worker); t.start()
for i in range(5):
    q.put(i)
q.put(None)
t.join()
print(out)
`);
  assert.equal(r.err, "");
  assert.equal(r.out, "[0, 1, 2, 3, 4]\n");
});

test("threads: start_new_thread, get_ident, _count, exceptions reported as unraisable", () => {
  const r = run(`
import _thread, time
res = []
def f(a, b=0):
    res.append((a, b, _thread.get_ident() != main))
main = _thread.get_ident()
_thread.start_new_thread(f, (1,), {"b": 2})
print(_thread._count())
time.sleep(0.01)
print(res, _thread._count())
def bad(): 1/0
_thread.start_new_thread(bad, ())
time.sleep(0.01)
try: _thread.start_new_thread(f, [])
except TypeError as e: print(e)
h = _thread._ThreadHandle()
try: h.join()
except RuntimeError as e: print(e)
`);
  assert.equal(r.out, "1\n[(1, 2, True)] 0\n2nd arg must be a tuple\nthread not started\n");
  assert.match(r.err, /^Exception ignored in thread started by <function bad at 0x[0-9a-f]+>:\nTraceback \(most recent call last\):\n/);
  assert.match(r.err, /ZeroDivisionError: division by zero\n$/);
});

test("threads: interrupt_main runs the main thread's SIGINT handler, also while the main thread waits", () => {
  const r = run(`
import threading, _thread, time, signal
def later():
    time.sleep(0.05)
    _thread.interrupt_main()
threading.Thread(target=later).start()
try:
    while True:
        time.sleep(0.01)
except KeyboardInterrupt:
    print("KeyboardInterrupt in main")
got = []
signal.signal(signal.SIGINT, lambda s, f: got.append((s, threading.current_thread().name)))
t = threading.Thread(target=lambda: _thread.interrupt_main()); t.start(); t.join()
time.sleep(0.01)
print("handler ran", got)
`);
  assert.equal(r.err, "");
  assert.equal(r.out, "KeyboardInterrupt in main\nhandler ran [(2, 'MainThread')]\n");
});

test("threads: a deadlock raises RuntimeError (DEVIATION: CPython hangs)", () => {
  const r = run(`
import threading
a = threading.Lock(); b = threading.Lock()
bar = threading.Barrier(2)
def other():
    with a:
        bar.wait()
        with b: pass
t = threading.Thread(target=other); t.start()
with b:
    bar.wait()
    try:
        a.acquire()
    except RuntimeError as e:
        print(e)
t.join()
l = threading.Lock(); l.acquire()
try: l.acquire()
except RuntimeError as e: print(e)
`);
  assert.equal(r.out, "deadlock: every thread is blocked waiting for a lock\ndeadlock: every thread is blocked waiting for a lock\n");
  assert.equal(r.status, 0);
});

test("threads: interpreter exit waits for non-daemon threads, not daemon ones", () => {
  const r = run(`
import threading, time
def forever():
    while True: time.sleep(0.01)
threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=lambda: (time.sleep(0.05), print("late"))).start()
print("main")
`);
  assert.equal(r.out, "main\nlate\n");
  assert.equal(r.status, 0);
});

test("threads: sys.setswitchinterval and its checks", () => {
  const r = run(`
import sys
print(sys.getswitchinterval()); sys.setswitchinterval(0.001); print(sys.getswitchinterval())
for v in (0, -1, "x"):
    try: sys.setswitchinterval(v)
    except Exception as e: print(type(e).__name__, e)
`);
  assert.equal(r.out, "0.005\n0.001\nValueError switch interval must be strictly positive\n" +
    "ValueError switch interval must be strictly positive\nTypeError must be real number, not str\n");
});

test("select and _socket: socketpair over the in-memory channel; network sockets refused (DEVIATION)", () => {
  const r = run(`
import socket, select, errno
a, b = socket.socketpair()
print(select.select([a, b], [a], [], 0))
a.sendall(b"ping")
print(select.select([a, b], [], [], 0)[0] == [b], b.recv(2), b.recv(10))
b.setblocking(False)
try: b.recv(1)
except BlockingIOError as e: print("BlockingIOError", e.errno == errno.EAGAIN)
b.settimeout(0.05)
try: b.recv(1)
except TimeoutError as e: print("TimeoutError", e)
a.close()
print(b.recv(5), select.select([b], [], [], None)[0] == [b])
try: socket.socket()
except PermissionError as e: print("PermissionError", e.errno)
try: socket.getaddrinfo("example.com", 80)
except socket.gaierror as e: print("gaierror", e)
for args in ((1, [], []), ([], [], [], "x"), ([], [], [], -1), ([-1], [], [], 0)):
    try: select.select(*args)
    except Exception as e: print(type(e).__name__, e)
`);
  assert.equal(r.err, "");
  const lines = r.out.split("\n");
  assert.match(lines[0], /^\(\[\], \[<socket\.socket fd=\d+, family=1, type=1, proto=0.*>\], \[\]\)$/);
  assert.deepEqual(lines.slice(1), [
    "True b'pi' b'ng'",
    "BlockingIOError True",
    "TimeoutError timed out",
    "b'' True",
    "PermissionError 1",
    "gaierror [Errno -3] Temporary failure in name resolution",
    "TypeError arguments 1-3 must be sequences",
    "TypeError timeout must be a float or None",
    "ValueError timeout must be non-negative",
    "ValueError file descriptor cannot be a negative integer (-1)",
    "",
  ]);
});

test("asyncio: asyncio.run with sleeps that really wait, to_thread", () => {
  const r = run(`
import asyncio, time
async def main():
    t0 = time.monotonic()
    r = await asyncio.gather(asyncio.sleep(0.1, result=1), asyncio.to_thread(lambda: 2))
    return r, time.monotonic() - t0 >= 0.1
print(asyncio.run(main()))
`);
  assert.equal(r.err, "");
  assert.equal(r.out, "([1, 2], True)\n");
});
