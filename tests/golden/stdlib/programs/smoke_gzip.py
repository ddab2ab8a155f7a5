import gzip, io
data = ("line %d of text\n" % 1) .encode() * 100
c = gzip.compress(data, mtime=0); print(len(c), c[:10], gzip.decompress(c) == data)
c9 = gzip.compress(data, compresslevel=1, mtime=123456); print(c9[4:8], len(c9))
with gzip.open("f.txt.gz", "wt", encoding="utf-8") as f:
    f.write("héllo\nwörld\n")
with gzip.open("f.txt.gz", "rt", encoding="utf-8") as f:
    print(f.readlines())
with gzip.open("f.txt.gz", "rb") as f:
    print(f.read(3), f.peek(1)[:1], f.tell(), f.seek(0), f.read())
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="name.txt") as g:
    g.write(b"abc"); g.write(b"def")
raw = buf.getvalue(); print(raw[:20], len(raw))
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as g:
    print(g.read(), g.name if False else g.mode)
print(gzip.decompress(gzip.compress(b"one", mtime=0) + gzip.compress(b"two", mtime=0)))
for bad in [lambda: gzip.decompress(b"not gzip data"), lambda: gzip.decompress(c[:-3]), lambda: gzip.open("f.txt.gz", "rz")]:
    try:
        bad()
    except (gzip.BadGzipFile, EOFError, ValueError) as e:
        print(type(e).__name__, e)
