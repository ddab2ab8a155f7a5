import tempfile, os
os.mkdir("tmpd"); tempfile.tempdir = os.path.abspath("tmpd")
print(tempfile.gettempdir() == os.path.abspath("tmpd"), tempfile.gettempprefix(), type(tempfile.gettempdirb()).__name__)
with tempfile.TemporaryDirectory(prefix="pre_", suffix="_suf") as d:
    name = os.path.basename(d); print(name.startswith("pre_"), name.endswith("_suf"), os.path.isdir(d), len(name))
    open(os.path.join(d, "f"), "w").close()
print(os.path.exists(d))
with tempfile.NamedTemporaryFile("w+", suffix=".txt", delete=True) as f:
    f.write("named content"); f.flush(); f.seek(0); print(f.read(), f.name.endswith(".txt"), os.path.exists(f.name), f.mode)
print(os.path.exists(f.name))
with tempfile.NamedTemporaryFile(delete=False, dir="tmpd") as f:
    f.write(b"kept")
print(open(f.name, "rb").read()); os.unlink(f.name)
fd, path = tempfile.mkstemp(text=True, prefix="ms"); os.write(fd, b"raw"); os.close(fd); print(os.path.basename(path)[:2], open(path).read(), oct(os.stat(path).st_mode & 0o777)); os.unlink(path)
dd = tempfile.mkdtemp(); print(os.path.isdir(dd), oct(os.stat(dd).st_mode & 0o777)); os.rmdir(dd)
with tempfile.TemporaryFile() as f:
    f.write(b"anon"); f.seek(0); print(f.read())
with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as f:
    f.write("small"); print(f._rolled); f.write(" now much bigger than ten"); print(f._rolled); f.seek(0); print(f.read())
print(sorted(os.listdir("tmpd")))
print(len(tempfile.mktemp(dir="/nowhere")) > 10)
