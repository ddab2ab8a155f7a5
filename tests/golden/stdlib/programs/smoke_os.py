import os, stat
print(os.name, os.sep, os.pathsep, os.linesep == "\n", os.curdir, os.pardir, os.devnull, os.extsep, os.altsep)
os.makedirs("a/b/c", exist_ok=True); os.makedirs("a/b/c", exist_ok=True)
with open("a/f.txt", "w") as f: f.write("data")
print(sorted(os.listdir("a")), os.path.getsize("a/f.txt"), [(r, sorted(d), sorted(f)) for r, d, f in os.walk("a")])
st = os.stat("a/f.txt"); print(st.st_size, stat.S_ISREG(st.st_mode), stat.filemode(st.st_mode)[0], oct(stat.S_IMODE(os.stat("a").st_mode) & 0o700))
os.chmod("a/f.txt", 0o600); print(oct(os.stat("a/f.txt").st_mode & 0o777), os.access("a/f.txt", os.R_OK), os.access("missing", os.F_OK))
os.rename("a/f.txt", "a/g.txt"); os.symlink("g.txt", "a/link"); print(os.readlink("a/link"), os.path.islink("a/link"), os.lstat("a/link").st_size, os.path.realpath("a/link") == os.path.abspath("a/g.txt"))
os.remove("a/link"); os.unlink("a/g.txt"); os.removedirs("a/b/c"); print(os.path.exists("a"))
os.environ["TYPHON_SMOKE"] = "1"; print(os.environ["TYPHON_SMOKE"], os.getenv("TYPHON_SMOKE"), os.getenv("NOPE_NOPE", "dflt"), "TYPHON_SMOKE" in os.environ, os.environb[b"TYPHON_SMOKE"])
del os.environ["TYPHON_SMOKE"]; print(os.environ.get("TYPHON_SMOKE"))
print(type(os.getpid()).__name__, os.getpid() == os.getpid(), len(os.urandom(10)), type(os.cpu_count()).__name__, os.fspath("p"), os.fsencode("é"), repr(os.fsdecode(b"\xff")))
fd = os.open("fd.bin", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644); os.write(fd, b"0123456789"); os.close(fd)
fd = os.open("fd.bin", os.O_RDWR); os.lseek(fd, 3, os.SEEK_SET); print(os.read(fd, 4), os.fstat(fd).st_size); os.ftruncate(fd, 5); os.close(fd); print(open("fd.bin", "rb").read())
r, w = os.pipe(); os.write(w, b"through pipe"); os.close(w); print(os.read(r, 100)); os.close(r)
with os.scandir(".") as it: print(sorted((e.name, e.is_file()) for e in it))
print(os.get_terminal_size.__name__, os.strerror(2), os.getcwd() == os.path.abspath("."), os.path.basename(os.getcwd()) != "", os.umask(0o22) >= 0)
print(os.get_exec_path({"PATH": "/bin:/usr/bin"}), sorted(os.supports_fd and ["ok"]), os.SEEK_END, os.O_RDONLY, os.F_OK)
for bad in [lambda: os.remove("missing.txt"), lambda: os.mkdir("."), lambda: os.listdir("fd.bin"), lambda: os.rmdir("fd.bin"), lambda: os.open("x", 999999999)]:
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e.errno, e)
