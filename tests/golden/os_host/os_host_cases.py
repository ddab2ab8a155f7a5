# The host door's calls of issue #5 (os.pipe/pipe2/dup/dup2, blocking and inheritable flags, select on pipes, chown,
# statvfs, exact utime, pwd, grp): each line is "label = result", run by CPython (tools/capture_cases.py os_host) and
# by Typhon on the Node host and on the in-memory host (tests/unit/host/os_calls.test.ts). Machine-independent output.
import os, sys, select, stat, shutil, tempfile, threading, pwd, grp

SCRUB = []  # temporary directory names, printed as <D>

def show(label, f):
    try:
        r = f()
    except BaseException as e:
        r = f"{type(e).__name__}: {e}"
    r = str(r)
    for s in SCRUB:
        r = r.replace(s, "<D>")
    print(f"{label} = {r}")

# ---- pipes ----
r, w = os.pipe()
show("pipe flags", lambda: (os.get_inheritable(r), os.get_inheritable(w), os.get_blocking(r), os.get_blocking(w)))
st = os.fstat(r)
show("pipe fstat", lambda: (oct(st.st_mode), stat.S_ISFIFO(st.st_mode), st.st_size, st.st_nlink, st.st_blksize, st.st_uid == os.geteuid(), os.fstat(w).st_ino == st.st_ino))
show("pipe write", lambda: os.write(w, b"through pipe"))
show("pipe select ready", lambda: select.select([r], [w], [], 0) == ([r], [w], []))
show("pipe read part", lambda: os.read(r, 7))
show("pipe read zero", lambda: os.read(r, 0))
show("pipe read rest", lambda: os.read(r, 100))
show("pipe select empty", lambda: select.select([r], [], [], 0))
show("pipe read on write end", lambda: os.read(w, 1))
show("pipe write on read end", lambda: os.write(r, b"x"))
show("pipe lseek", lambda: os.lseek(r, 0, os.SEEK_SET))
show("pipe ftruncate", lambda: os.ftruncate(w, 0))
show("pipe isatty", lambda: os.isatty(r))
os.set_blocking(r, False)
show("nonblocking empty read", lambda: os.read(r, 5))
try:
    os.read(r, 5)
except BlockingIOError as e:
    show("BlockingIOError errno", lambda: (e.errno, e.strerror))
os.close(w)
show("EOF after close", lambda: os.read(r, 5))
show("select at EOF", lambda: select.select([r], [], [], 0)[0] == [r])
show("close twice", lambda: os.close(w))
show("write closed", lambda: os.write(w, b"x"))
os.close(r)
r, w = os.pipe(); os.close(r)
show("write without reader", lambda: os.write(w, b"x"))
show("select writer without reader", lambda: select.select([w], [w], [], 0) == ([w], [w], []))
os.close(w)

# pipe2, capacity, non-blocking writes
show("pipe2 no args", lambda: os.pipe2())
show("pipe2 str", lambda: os.pipe2("a"))
show("pipe2 bad flags", lambda: os.pipe2(12345678))
r, w = os.pipe2(os.O_NONBLOCK)
show("pipe2 flags", lambda: (os.get_blocking(r), os.get_blocking(w), os.get_inheritable(r)))
r0, w0 = os.pipe2(0); show("pipe2(0) inheritable", lambda: (os.get_inheritable(r0), os.get_inheritable(w0))); os.close(r0); os.close(w0)
n = 0
try:
    while True:
        n += os.write(w, b"x" * 1000)
except BlockingIOError as e:
    show("full after 1000-byte writes", lambda: (n, e.errno))
show("select full", lambda: select.select([], [w], [], 0))
show("partial big write", lambda: os.write(w, b"y" * 10000))
show("drain", lambda: len(os.read(r, 100000)))
show("big write when empty", lambda: os.write(w, b"z" * 70000))
show("drain 2", lambda: len(os.read(r, 100000)))
os.set_blocking(w, True); show("set_blocking", lambda: (os.get_blocking(w), os.get_blocking(r)))
os.set_inheritable(r, True); show("set_inheritable", lambda: (os.get_inheritable(r), os.get_inheritable(w)))
os.close(r); os.close(w)

# dup, dup2: the copy shares the pipe; the pipe ends when every copy is closed
r, w = os.pipe()
w2 = os.dup(w)
show("dup", lambda: (w2 not in (r, w), os.get_inheritable(w2), os.fstat(w2).st_ino == os.fstat(w).st_ino))
os.write(w2, b"via dup"); os.close(w)
show("read via dup", lambda: os.read(r, 100))
show("select with a writer left", lambda: select.select([r], [], [], 0)[0])
r9, w9 = os.pipe()
show("dup2", lambda: os.dup2(w2, w9) == w9)
show("dup2 inheritable", lambda: (os.get_inheritable(w9), os.dup2(w2, w9, inheritable=False) == w9, os.get_inheritable(w9)))
show("read end of replaced pipe at EOF", lambda: os.read(r9, 10))
os.write(w9, b"dup2'd"); os.close(w2)
show("read via dup2", lambda: os.read(r, 100))
os.close(w9)
show("EOF after all copies", lambda: os.read(r, 100))
os.close(r); os.close(r9)
for name, f in [("dup bad", lambda: os.dup(99999)), ("dup2 bad", lambda: os.dup2(99999, 5)), ("dup2 negative", lambda: os.dup2(0, -1)),
                ("set_blocking bad", lambda: os.set_blocking(99999, True)), ("get_blocking bad", lambda: os.get_blocking(99999)),
                ("get_inheritable bad", lambda: os.get_inheritable(99999)), ("set_inheritable bad", lambda: os.set_inheritable(99999, True)),
                ("set_inheritable 1 arg", lambda: os.set_inheritable(1)), ("fstat bad", lambda: os.fstat(99999)),
                ("read bad", lambda: os.read(99999, 1)), ("close bad", lambda: os.close(99999))]:
    show(name, f)

# files over pipes: open(fd), os.fdopen
r, w = os.pipe()
with os.fdopen(w, "w") as f:
    f.write("line one\nline two\n")
with open(r, "r") as f:
    show("text over a pipe", lambda: f.read().splitlines())
show("fd closed by the file", lambda: os.fstat(r))

# green threads: a blocked read lets the writer run; a reader waits for data in select
r, w = os.pipe()
def writer():
    for i in range(3):
        os.write(w, b"chunk%d;" % i)
    os.close(w)
t = threading.Thread(target=writer); t.start()
got = b""
while True:
    b = os.read(r, 4)
    if not b:
        break
    got += b
t.join(); os.close(r)
show("reader and writer threads", lambda: got)
r, w = os.pipe()
def big_writer():
    with os.fdopen(w, "wb") as f:
        f.write(b"x" * 200000)
t = threading.Thread(target=big_writer); t.start()
with open(r, "rb") as f:
    data = f.read()
t.join()
show("200000 bytes through a FileIO pair", lambda: len(data))
r, w = os.pipe()
t = threading.Thread(target=lambda: (os.write(w, b"wake"), os.close(w))); t.start()
show("select waits for a thread", lambda: select.select([r], [], [], 10)[0] == [r])
t.join()
show("after select", lambda: (os.read(r, 10), os.read(r, 10)))
os.close(r)

# in-memory sockets: their flags through os (socket.get_inheritable calls os.get_inheritable)
import socket
sa, sb = socket.socketpair()
show("socket inheritable", lambda: (sa.get_inheritable(), sa.set_inheritable(True), sa.get_inheritable(), os.get_inheritable(sb.fileno())))
show("socket os blocking", lambda: (os.get_blocking(sb.fileno()), os.set_blocking(sb.fileno(), False), os.get_blocking(sb.fileno()), sb.getblocking()))
sa.close(); sb.close()

# ---- owners ----
d = tempfile.mkdtemp()
SCRUB.append(d)
p = os.path.join(d, "f.txt")
with open(p, "w") as f:
    f.write("data")
uid, gid = os.getuid(), os.getgid()
show("chown unchanged", lambda: (os.chown(p, -1, -1), os.stat(p).st_uid == uid, os.stat(p).st_gid == gid))
show("chown own ids", lambda: os.chown(p, uid, gid))
show("lchown", lambda: os.lchown(p, uid, -1))
fd = os.open(p, os.O_RDONLY)
show("fchown", lambda: os.fchown(fd, -1, gid))
show("chown fd", lambda: os.chown(fd, uid, gid))
show("chown fd follow_symlinks", lambda: os.chown(fd, 0, 0, follow_symlinks=False))
show("chown fd dir_fd", lambda: os.chown(fd, 0, 0, dir_fd=3))
os.close(fd)
show("chown 2**32-1", lambda: os.chown(p, 2**32 - 1, -1))
for name, f in [("chown missing", lambda: os.chown(os.path.join(d, "nope"), 0, 0)), ("chown bad fd", lambda: os.chown(99999, 0, 0)),
                ("chown str uid", lambda: os.chown(p, "a", 0)), ("chown float gid", lambda: os.chown(p, 0, 1.5)),
                ("chown -2", lambda: os.chown(p, -2, 0)), ("chown 2**40", lambda: os.chown(p, 2**40, 0)),
                ("chown 2**32", lambda: os.chown(p, 0, 2**32)), ("chown 2**64", lambda: os.chown(p, 2**64, 0)),
                ("chown -2**64", lambda: os.chown(p, -2**64, 0)), ("lchown fd", lambda: os.lchown(5, 0, 0)),
                ("fchown bad", lambda: os.fchown(99999, 0, 0)), ("fchown str", lambda: os.fchown("a", 0, 0)),
                ("chown 2 args", lambda: os.chown(p, 0)), ("chown None", lambda: os.chown(None, 0, 0)),
                ("chown bytes missing", lambda: os.chown(os.fsencode(os.path.join(d, "nope")), 0, 0))]:
    show(name, f)

# ---- statvfs ----
sv = os.statvfs(d)
show("statvfs type", lambda: (type(sv).__name__, len(sv), sv.n_sequence_fields if hasattr(sv, "n_sequence_fields") else None, os.statvfs_result.n_fields))
show("statvfs fields", lambda: os.statvfs_result.__match_args__)
show("statvfs relations", lambda: (sv.f_frsize == sv.f_bsize, sv.f_bavail <= sv.f_bfree <= sv.f_blocks, sv.f_favail <= sv.f_files, sv[0] == sv.f_bsize, type(sv.f_fsid).__name__))
with open(p) as f:
    show("fstatvfs", lambda: os.fstatvfs(f.fileno())[:2] == sv[:2])
    show("statvfs fd", lambda: os.statvfs(f.fileno())[:2] == sv[:2])
r, w = os.pipe()
show("fstatvfs pipe", lambda: os.fstatvfs(r)); os.close(r); os.close(w)
du = shutil.disk_usage(d)
show("disk_usage", lambda: (type(du).__name__, du.total >= du.used >= 0, du.free >= 0))
for name, f in [("statvfs missing", lambda: os.statvfs(os.path.join(d, "nope"))), ("fstatvfs bad", lambda: os.fstatvfs(99999)),
                ("statvfs bad fd", lambda: os.statvfs(99999)), ("fstatvfs str", lambda: os.fstatvfs("a"))]:
    show(name, f)

# ---- utime ----
os.utime(p, ns=(1700000000123456789, 1700000000987654321))
st = os.stat(p)
show("utime ns", lambda: (st.st_atime_ns, st.st_mtime_ns, st.st_mtime, st.st_atime))
os.utime(p, (1.5, 2.25)); show("utime float", lambda: (os.stat(p).st_atime_ns, os.stat(p).st_mtime_ns))
os.utime(p, (-1.25, 1e9 + 0.1)); show("utime negative float", lambda: (os.stat(p).st_atime_ns, os.stat(p).st_mtime_ns))
with open(p) as f:
    os.utime(f.fileno(), (3, 4)); show("utime fd", lambda: (os.stat(p).st_atime, os.stat(p).st_mtime))
os.symlink(p, os.path.join(d, "link"))
os.utime(os.path.join(d, "link"), ns=(5, 6), follow_symlinks=False)
show("utime no follow", lambda: (os.lstat(os.path.join(d, "link")).st_mtime_ns, os.stat(p).st_mtime_ns))
src = os.path.join(d, "src.txt")
with open(src, "w") as f:
    f.write("x")
os.utime(src, ns=(1763790000123456789, 1763790000987654321))
shutil.copy2(src, os.path.join(d, "copy.txt"))
show("copy2 times", lambda: (os.stat(os.path.join(d, "copy.txt")).st_mtime == os.stat(src).st_mtime, os.stat(os.path.join(d, "copy.txt")).st_mtime_ns == os.stat(src).st_mtime_ns))
with open(src, "w") as f:
    f.write("y")
shutil.copystat(src, os.path.join(d, "copy.txt"))
show("copystat of a fresh mtime", lambda: os.stat(os.path.join(d, "copy.txt")).st_mtime == os.stat(src).st_mtime)
for name, f in [("utime missing", lambda: os.utime(os.path.join(d, "nope"))), ("utime both", lambda: os.utime(p, (1, 2), ns=(1, 2))),
                ("utime times int", lambda: os.utime(p, 5)), ("utime times list", lambda: os.utime(p, [1, 2])),
                ("utime ns int", lambda: os.utime(p, ns=5)), ("utime ns float", lambda: os.utime(p, ns=(1.5, 2))),
                ("utime ns str", lambda: os.utime(p, ns=("a", 2))), ("utime times str", lambda: os.utime(p, (1, "a"))),
                ("utime nan", lambda: os.utime(p, (float("nan"), 1))), ("utime huge", lambda: os.utime(p, (1e300, 1))),
                ("utime fd no follow", lambda: os.utime(0, follow_symlinks=False))]:
    show(name, f)
shutil.rmtree(d)

# ---- pwd, grp ----
me = pwd.getpwuid(os.getuid())
show("getpwuid", lambda: (type(me).__name__, me.pw_uid == os.getuid(), me.pw_gid == os.getgid(), len(me), me[0] == me.pw_name))
show("getpwnam", lambda: pwd.getpwnam(me.pw_name) == me)
show("getpwall", lambda: me in pwd.getpwall())
show("struct_passwd", lambda: (repr(pwd.struct_passwd), pwd.struct_passwd.n_sequence_fields, pwd.struct_passwd.__match_args__))
show("struct_passwd doc", lambda: repr(pwd.struct_passwd.__doc__))
show("pwd doc", lambda: repr(pwd.__doc__))
show("pwd names", lambda: [x for x in dir(pwd) if not x.startswith("__")])
show("pwd docs", lambda: (pwd.getpwuid.__doc__, pwd.getpwnam.__doc__, pwd.getpwall.__doc__))
show("pwd signatures", lambda: (pwd.getpwuid.__text_signature__, pwd.getpwnam.__text_signature__))
for name, f in [("getpwuid missing", lambda: pwd.getpwuid(3999999)), ("getpwnam missing", lambda: pwd.getpwnam("no such user x")),
                ("getpwuid -5", lambda: pwd.getpwuid(-5)), ("getpwuid 2**40", lambda: pwd.getpwuid(2**40)),
                ("getpwuid str", lambda: pwd.getpwuid("a")), ("getpwnam bytes", lambda: pwd.getpwnam(b"x")),
                ("getpwnam null", lambda: pwd.getpwnam("a\0b")), ("getpwuid -1", lambda: pwd.getpwuid(-1)),
                ("getpwuid 2**32-1", lambda: pwd.getpwuid(2**32 - 1)), ("getpwuid 2**32", lambda: pwd.getpwuid(2**32)),
                ("getpwuid 2**64", lambda: pwd.getpwuid(2**64)), ("getpwuid float", lambda: pwd.getpwuid(1.0))]:
    show(name, f)
g = grp.getgrgid(os.getgid())
show("getgrgid", lambda: (type(g).__name__, g.gr_gid == os.getgid(), type(g.gr_mem).__name__, len(g)))
show("getgrnam", lambda: grp.getgrnam(g.gr_name) == g)
show("getgrnam keyword", lambda: grp.getgrnam(name=g.gr_name) == grp.getgrgid(id=g.gr_gid))
show("getgrall", lambda: g in grp.getgrall())
show("struct_group", lambda: (repr(grp.struct_group), grp.struct_group.__doc__, grp.struct_group.__match_args__))
show("grp doc", lambda: repr(grp.__doc__))
show("grp docs", lambda: (grp.getgrgid.__doc__, grp.getgrnam.__doc__, grp.getgrall.__doc__))
for name, f in [("getgrgid missing", lambda: grp.getgrgid(3999999)), ("getgrnam missing", lambda: grp.getgrnam("no such group x")),
                ("getgrgid 2**40", lambda: grp.getgrgid(2**40)), ("getgrgid str", lambda: grp.getgrgid("x")),
                ("getgrgid float", lambda: grp.getgrgid(1.5)), ("getgrgid -1", lambda: grp.getgrgid(-1)),
                ("getgrgid -2", lambda: grp.getgrgid(-2)), ("getgrnam bytes", lambda: grp.getgrnam(b"x")),
                ("getgrnam none", lambda: grp.getgrnam()), ("getgrgid 2 args", lambda: grp.getgrgid(1, 2)),
                ("getgrnam null", lambda: grp.getgrnam("a\0"))]:
    show(name, f)
home = os.environ.pop("HOME", None)
show("expanduser without HOME", lambda: os.path.expanduser("~") == me.pw_dir)
show("expanduser ~name", lambda: os.path.expanduser("~" + me.pw_name + "/x") == os.path.join(me.pw_dir, "x"))
