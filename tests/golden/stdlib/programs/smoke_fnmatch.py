import fnmatch
names = ["main.py", "test_main.py", "README.md", "setup.cfg", "data1.csv", "data22.csv", "Makefile", ".hidden"]
for pat in ["*.py", "test_*", "data?.csv", "[A-Z]*", "*.[ch]", "[!.]*", "*", "data[0-9][0-9].csv"]:
    print(pat, fnmatch.filter(names, pat))
print(fnmatch.fnmatch("FOO.PY", "*.py"), fnmatch.fnmatchcase("FOO.PY", "*.py"), fnmatch.fnmatch("a/b", "a*b"))
for pat in ["*.py", "a?[!x]b[]]c", "[a-", "**/x", "[^a]"]:
    print(repr(fnmatch.translate(pat)))
