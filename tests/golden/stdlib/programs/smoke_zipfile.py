import zipfile, io
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("hello.txt", date_time=(2024, 1, 2, 3, 4, 6)), "Hello, zip!\n" * 10)
    z.writestr(zipfile.ZipInfo("dir/data.bin", date_time=(2020, 5, 6, 7, 8, 10)), bytes(range(256)), compress_type=zipfile.ZIP_STORED)
    z.writestr(zipfile.ZipInfo("dir/sub/"), b"")
    zi = zipfile.ZipInfo("deflated.txt", date_time=(1999, 12, 31, 23, 59, 58)); zi.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(zi, "z" * 1000)
raw = buf.getvalue(); print(len(raw), raw[:4], zipfile.is_zipfile(io.BytesIO(raw)))
with zipfile.ZipFile(io.BytesIO(raw)) as z:
    print(z.namelist(), z.testzip())
    for i in z.infolist():
        print(i.filename, i.file_size, i.compress_size, i.compress_type, i.date_time, hex(i.CRC), i.is_dir())
    print(z.read("hello.txt")[:12], z.getinfo("dir/data.bin").file_size, z.open("deflated.txt").read(5))
    with z.open("hello.txt") as f:
        print(f.readline(), f.read(5))
    root = zipfile.Path(z); print(sorted(p.name for p in root.iterdir()), (root / "dir" / "data.bin").read_bytes()[:4], (root / "hello.txt").read_text()[:5])
with open("ondisk.txt", "w") as f: f.write("from disk")
with zipfile.ZipFile("arch.zip", "w") as z:
    z.write("ondisk.txt", "renamed.txt")
with zipfile.ZipFile("arch.zip", "a") as z:
    z.writestr("added.txt", "appended")
with zipfile.ZipFile("arch.zip") as z:
    print(z.namelist(), z.read("renamed.txt"), z.extract("added.txt", "out"), open("out/added.txt").read())
    print(repr(z)[:30] if False else z.filename, z.getinfo("renamed.txt").file_size)
for bad in [lambda: zipfile.ZipFile(io.BytesIO(b"not a zip")), lambda: zipfile.ZipFile(io.BytesIO(raw)).read("missing"), lambda: zipfile.ZipFile(io.BytesIO(), "x" if False else "q")]:
    try:
        bad()
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        print(type(e).__name__, e)
