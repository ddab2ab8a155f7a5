import tarfile, io, os
def add(tf, name, data, mtime=1700000000):
    ti = tarfile.TarInfo(name); ti.size = len(data); ti.mtime = mtime; ti.mode = 0o644; ti.uname = "u"; ti.gname = "g"
    tf.addfile(ti, io.BytesIO(data))
for mode in ["w", "w:gz"]:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode, format=tarfile.PAX_FORMAT if mode == "w" else tarfile.GNU_FORMAT) as tf:
        add(tf, "a.txt", b"alpha\n"); add(tf, "dir/b.txt", b"beta" * 100)
        d = tarfile.TarInfo("dir"); d.type = tarfile.DIRTYPE; d.mode = 0o755; d.mtime = 1; tf.addfile(d)
        l = tarfile.TarInfo("link"); l.type = tarfile.SYMTYPE; l.linkname = "a.txt"; tf.addfile(l)
        add(tf, "ünïcode-" + "x" * 120 + ".txt", b"long name")
    raw = buf.getvalue(); print(mode, len(raw) if mode == "w" else raw[:2])
    with tarfile.open(fileobj=io.BytesIO(raw)) as tf:
        for m in tf.getmembers():
            print(m.name[:20], m.size, oct(m.mode), m.mtime, m.type, m.isfile(), m.isdir(), m.issym(), m.linkname, m.uname)
        print(tf.getnames()[:2], tf.extractfile("dir/b.txt").read(8), tf.getmember("a.txt").size)
with tarfile.open(fileobj=io.BytesIO(raw)) as tf:
    tf.extractall("out", filter="data")
print(sorted(os.listdir("out")), open("out/a.txt").read(), os.readlink("out/link"))
with open("f1.txt", "w") as f: f.write("file on disk")
with tarfile.open("t.tar", "w") as tf:
    tf.add("f1.txt", arcname="renamed.txt")
with tarfile.open("t.tar") as tf:
    print(tf.getnames(), tf.extractfile("renamed.txt").read(), tarfile.is_tarfile("t.tar"), tarfile.is_tarfile("f1.txt"))
for bad in [lambda: tarfile.open(fileobj=io.BytesIO(b"x" * 1000)), lambda: tarfile.open(fileobj=io.BytesIO(raw)).getmember("nope")]:
    try:
        bad()
    except (tarfile.TarError, KeyError) as e:
        print(type(e).__name__, e)
