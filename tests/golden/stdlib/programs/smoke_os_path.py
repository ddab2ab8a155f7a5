import os, os.path as op
os.environ["HOME"] = "/home/user"
print(op.join("a", "b", "c.txt"), op.join("/a", "/b"), op.join("a", ""), op.split("/x/y/z.py"), op.splitext("arch.tar.gz"), op.splitext(".bashrc"), op.splitdrive("/x"))
print(op.basename("/x/y/"), op.dirname("/x/y/z"), op.normpath("a//b/./c/../d/"), op.normpath("/../x"), op.normcase("MiXeD"), op.isabs("/a"), op.isabs("a"))
print(op.expanduser("~/docs"), op.expanduser("~"), op.expandvars("$HOME/x/${HOME}/$NOPE_UNSET"), op.commonpath(["/usr/lib/a", "/usr/lib/b", "/usr/local"]), op.commonprefix(["interspecies", "interstellar"]))
print(op.relpath("/a/b/c", "/a/d"), op.relpath("x/y", "x"), op.abspath("q") == op.join(os.getcwd(), "q"), op.splitroot("//a/b") if hasattr(op, "splitroot") else None)
os.mkdir("d")
with open("d/f", "w") as f: f.write("12345")
print(op.exists("d/f"), op.isfile("d/f"), op.isdir("d"), op.getsize("d/f"), op.islink("d"), op.lexists("nope"), op.samefile("d/f", "./d/../d/f"), op.ismount("/"), op.isjunction("d") if hasattr(op, "isjunction") else None)
print(type(op.getmtime("d/f")).__name__, op.getmtime("d/f") == os.stat("d/f").st_mtime, op.realpath("d/../d/f") == op.abspath("d/f"), op.sep, op.curdir, op.supports_unicode_filenames)
print(op.join(b"a", b"b"), op.basename(b"/x/y"), op.normpath(b"a/../b"), op.splitext(b"x.py"))
for bad in [lambda: op.join("a", b"b"), lambda: op.commonpath(["/a", "b"]), lambda: op.commonpath([]), lambda: op.getsize("nope")]:
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
