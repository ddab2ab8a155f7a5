# PEP 578 audit hooks: sys.addaudithook and sys.audit's semantics (order, argument tuples, errors, a hook that
# refuses new hooks), and the events raised by exec, eval, compile, id and import (of a built-in module).
import sys

SEEN = ("x.", "y.", "sys.addaudithook", "compile", "exec", "builtins.id", "import")
log = []
opened = []
os_events = []
sys_events = []


def hook(event, args):
    if event == "x.error":
        raise ValueError(f"hook saw {event} {args}")
    if event == "open" and isinstance(args[0], (str, int)):
        opened.append(args)
    if event.startswith("os."):
        os_events.append((event, args))
    if event in ("sys._getframe", "sys._getframemodulename", "sys.settrace", "sys.setprofile"):
        sys_events.append((event, tuple(type(a).__name__ if event == "sys._getframe" else a for a in args)))
    if not event.startswith(SEEN):
        return
    if event == "exec":
        args = (type(args[0]).__name__,)
    elif event == "builtins.id":
        args = (type(args[0]).__name__,)
    elif event == "import":
        if args[0] != "_string":
            return
        args = (args[0],) + tuple(type(a).__name__ for a in args[1:])
    log.append((event, args))


sys.addaudithook(hook)
sys.audit("x.first")
sys.audit("x.args", 1, "two", (3,), None)
sys.addaudithook(lambda e, a: log.append(("second hook", e)) if e.startswith("x.") else None)
sys.audit("x.both")
exec("y = 1")
eval("  1 + 2")
eval(compile("3", "<file>", "eval"))
compile(b"pass", "bytes.py", "exec")
id(object())
import _string  # noqa: E402,F401
for entry in log:
    print(entry)

for args, kw in (((), {}), ((1,), {}), (("e",), {"k": 1})):
    try:
        sys.audit(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)


def refuser(event, args):
    if event == "sys.addaudithook":
        raise RuntimeError("no more hooks")


sys.addaudithook(refuser)
print(sys.addaudithook(lambda e, a: print("never installed", e)))
sys.audit("x.after-refuser")


class Stop(BaseException):
    pass


def stopper(event, args):
    if event == "y.stop":
        raise Stop("stopped")


# refuser raises RuntimeError (an Exception) for every new hook: stopper is not installed either.
sys.addaudithook(stopper)
sys.audit("y.stop")
print("y.stop went through")


# The first hook raises: the exception reaches the caller and the later hooks do not run.
log.clear()
try:
    sys.audit("x.error", 42)
except ValueError as e:
    print("ValueError:", e)
print(log[-2:])

# "open" (seen by the first hook): FileIO (through open() and io.open_code) reports the path or descriptor, FileIO's own mode and the open(2)
# flags with O_CLOEXEC; os.open reports no mode.
import io, os, tempfile  # noqa: E401,E402

opened.clear()
d = tempfile.mkdtemp()
p = os.path.join(d, "f.txt")
open(p, "w").close()
open(p, "rb").close()
open(p, "a+").close()
io.FileIO(p, "r+").close()
io.open_code(p).close()
fd = os.open(p, os.O_RDONLY)
open(fd).close()
try:
    open(os.path.join(d, "missing", "x"))
except OSError as e:
    print(type(e).__name__)
for a in opened:
    if isinstance(a[0], int) or os.path.basename(a[0]) in ("f.txt", "x"):  # not mkdtemp's own (random) name
        print(os.path.basename(a[0]) if isinstance(a[0], str) else type(a[0]).__name__, a[1], a[2])
os.remove(p)
os.rmdir(d)

# os.mkdir, rename, replace, listdir, scandir, rmdir, remove, unlink, chdir: their events and dir_fd -1.
d = tempfile.mkdtemp()
a, b = os.path.join(d, "a"), os.path.join(d, "b")
os_events.clear()
os.mkdir(a)
os.mkdir(b, 0o755)
os.rename(a, os.path.join(d, "c"))
os.replace(os.path.join(d, "c"), a)
os.listdir(d)
list(os.scandir(d))
cwd = os.getcwd()
os.chdir(d)
os.listdir()
os.chdir(cwd)
os.rmdir(a)
os.rmdir(b)
open(a, "w").close()
os.remove(a)
open(a, "w").close()
os.unlink(a)
os.rmdir(d)


def show(x):
    if isinstance(x, str) and x.startswith(d):
        return "<d>" + x[len(d):]
    return "<cwd>" if x == cwd else x


for event, args in os_events:
    print(event, tuple(show(x) for x in args))

# sys._getframe (the frame), sys._getframemodulename (the depth), sys.settrace and sys.setprofile (no arguments).
os_events.clear()
log.clear()
sys_events.clear()
f = sys._getframe()
sys._getframemodulename(1)
sys.settrace(None)
sys.setprofile(None)
try:
    sys._getframe(10 ** 4)
except ValueError as e:
    print("ValueError:", e)
print(sys_events)
