import shutil, os
def write(path, text):
    with open(path, "w") as f: f.write(text)
os.makedirs("src/sub"); write("src/a.txt", "alpha"); write("src/sub/b.txt", "beta"); write("src/skip.pyc", "x")
shutil.copyfile("src/a.txt", "copy1.txt"); shutil.copy("src/a.txt", "copy2.txt"); shutil.copy2("src/a.txt", "copy3.txt")
print(open("copy1.txt").read(), os.stat("copy3.txt").st_mtime == os.stat("src/a.txt").st_mtime, shutil.copy("src/a.txt", "src/sub"))
shutil.copytree("src", "dst", ignore=shutil.ignore_patterns("*.pyc")); print(sorted(os.path.relpath(os.path.join(r, f), "dst") for r, _, fs in os.walk("dst") for f in fs))
shutil.copytree("src", "dst", dirs_exist_ok=True); print(sorted(os.listdir("dst")))
print(shutil.move("copy1.txt", "moved.txt"), os.path.exists("copy1.txt"), shutil.move("dst", "dst2"), os.path.isdir("dst2"))
shutil.rmtree("dst2"); print(os.path.exists("dst2"))
name = shutil.make_archive("arch", "zip", "src"); print(os.path.basename(name)); import zipfile; print(sorted(zipfile.ZipFile(name).namelist()))
name = shutil.make_archive("arch", "gztar", root_dir="src", base_dir="sub"); print(os.path.basename(name)); import tarfile; print(sorted(tarfile.open(name).getnames()))
shutil.unpack_archive("arch.zip", "unpacked"); print(sorted(os.listdir("unpacked")))
print(sorted(f[0] for f in shutil.get_archive_formats()), sorted(f[0] for f in shutil.get_unpack_formats()), type(shutil.disk_usage(".")).__name__)
os.environ["COLUMNS"] = "123"; os.environ["LINES"] = "45"; print(shutil.get_terminal_size())
os.environ["PATH"] = os.path.abspath("bin"); os.mkdir("bin"); write("bin/tool", "#!/bin/sh\n"); os.chmod("bin/tool", 0o755)
print(shutil.which("tool") == os.path.abspath("bin/tool"), shutil.which("nonexistent-tool"))
with open("src/a.txt", "rb") as fi, open("stream.txt", "wb") as fo: shutil.copyfileobj(fi, fo, 2)
print(open("stream.txt").read()); shutil.copymode("bin/tool", "stream.txt"); print(oct(os.stat("stream.txt").st_mode & 0o777))
for bad in [lambda: shutil.copyfile("nope", "x"), lambda: shutil.copytree("src", "src/sub"), lambda: shutil.copyfile("src/a.txt", "src/a.txt"), lambda: shutil.rmtree("nope"), lambda: shutil.make_archive("z", "rar", "src")]:
    try:
        bad()
    except (OSError, shutil.Error, ValueError) as e:
        print(type(e).__name__, str(e)[:90])
