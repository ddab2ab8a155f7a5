import glob, os
for p in ["src/a.py", "src/b.py", "src/pkg/c.py", "src/pkg/deep/d.txt", "docs/index.md", ".hidden/x.py", "src/.dot.py", "w[eird].txt"]:
    os.makedirs(os.path.dirname(p) or ".", exist_ok=True)
    open(p, "w").close()
print(sorted(glob.glob("src/*.py")), sorted(glob.glob("**/*.py", recursive=True)), sorted(glob.glob("src/**", recursive=True)))
print(sorted(glob.glob("*/")), sorted(glob.glob("src/?.py")), sorted(glob.glob("*.md")), glob.glob("nothing*"))
print(sorted(glob.glob("*.py", root_dir="src")), sorted(glob.glob("**/*.txt", root_dir=".", recursive=True)), sorted(glob.glob("*", include_hidden=True)))
print(glob.escape("w[eird].txt"), glob.glob(glob.escape("w[eird].txt")), glob.glob("w[eird].txt"), sorted(glob.iglob("src/pkg/*")))
print(glob.has_magic("a*"), glob.has_magic("abc"), glob.translate("src/**/*.py", recursive=True) if hasattr(glob, "translate") else None)
print(sorted(glob.glob(os.path.join(os.getcwd(), "src", "*.py")))[0].endswith("src/a.py"))
