import pathlib
from pathlib import Path, PurePosixPath, PureWindowsPath
p = PurePosixPath("/usr/local/lib/python3.13/site-packages/x.tar.gz")
print(p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parts[:3], p.anchor, list(p.parents)[:2], p.with_suffix(".zip"), p.with_name("y.py"), p.with_stem("z"))
print(p.relative_to("/usr/local"), p.is_relative_to("/etc"), p.match("*.gz"), p.full_match("/usr/**/*.gz") if hasattr(p, "full_match") else None, PurePosixPath("a") / "b" / "../c", PurePosixPath("/a", "/b"))
w = PureWindowsPath("C:/Users/Me\\Docs/file.TXT")
print(w, w.drive, w.root, w.parts, w.as_posix(), w.stem, w == PureWindowsPath("c:/users/me/docs/FILE.txt"), w.is_absolute(), PureWindowsPath("//server/share/x").anchor)
base = Path("work"); (base / "sub" / "deeper").mkdir(parents=True)
(base / "a.txt").write_text("hello\nworld\n", encoding="utf-8"); (base / "b.bin").write_bytes(b"\x00\x01"); (base / "sub" / "c.py").write_text("print(1)")
print(sorted(str(x) for x in base.iterdir()), sorted(str(x) for x in base.glob("*.txt")), sorted(str(x) for x in base.rglob("*.py")), sorted(x.name for x in base.glob("**/")))
print((base / "a.txt").read_text().splitlines(), (base / "a.txt").stat().st_size, (base / "a.txt").exists(), (base / "nope").exists(), (base / "sub").is_dir(), (base / "b.bin").is_file())
(base / "a.txt").rename(base / "renamed.txt"); (base / "b.bin").unlink(); print(sorted(x.name for x in base.iterdir()))
print(Path.cwd() == Path(".").resolve(), Path("work/./sub/../sub").resolve() == (Path.cwd() / "work" / "sub"), Path("work").absolute().name, Path("~").expanduser() != Path("~") or True)
with (base / "renamed.txt").open("a") as f: f.write("more\n")
print((base / "renamed.txt").read_text(), list(Path("work").walk())[0][1:] if hasattr(Path, "walk") else None)
(base / "sub" / "c.py").touch(); (base / "sub" / "deeper").rmdir(); print(sorted(x.name for x in (base / "sub").iterdir()), Path("x/y.py").as_uri() if False else Path("/x/y.py").as_uri())
print(repr(Path("a/b")), str(Path("")), Path("a") == Path("a/"), hash(PurePosixPath("a")) == hash(PurePosixPath("a")), sorted([PurePosixPath("b"), PurePosixPath("a")]))
for bad in [lambda: PurePosixPath("/a").relative_to("/b"), lambda: Path("nope.txt").read_text(), lambda: PurePosixPath("a").with_suffix("bad"), lambda: (base / "sub").rmdir()]:
    try:
        bad()
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
