"""Captures CPython 3.13's behaviour on small package trees for tests/unit/imports/imports.test.ts: each case writes
its files to a fresh temporary directory, runs the interpreter there (argv, optionally several times) and records
stdout, stderr and the exit status, with the directory replaced by <TMP>.
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_imports.py   (writes tests/golden/imports/cases.json)
"""
import json, os, subprocess, sys, tempfile

assert sys.version_info[:2] == (3, 13)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "tests", "golden", "imports", "cases.json")

CASES = [
    {"name": "package_and_submodules", "argv": ["main.py"], "files": {
        "pkg/__init__.py": "x = 1\nprint('init', __name__, __package__)\n",
        "pkg/sub.py": "from . import other\nfrom .other import y\nprint('sub', __name__, __package__, y)\n",
        "pkg/other.py": "y = 42\n",
        "main.py": "import pkg.sub\nfrom pkg import sub, other\nimport pkg.sub as s2\nprint(pkg.x, sub is s2, other.y)\n"
                   "print(pkg.sub.__spec__.name, pkg.__spec__.submodule_search_locations is not None)\n"
                   "print(pkg.__file__.replace(__file__.rpartition('/')[0], '<DIR>'))\n"
                   "print(sorted(k for k in __import__('sys').modules if k.startswith('pkg')))\n"}},
    {"name": "relative_imports", "argv": ["main.py"], "files": {
        "a/__init__.py": "",
        "a/b/__init__.py": "from .. import c\nfrom ..c import value\nfrom . import d\n",
        "a/b/d.py": "from ..c import value as v2\n",
        "a/c.py": "value = 'c'\n",
        "main.py": "import a.b\nprint(a.b.value, a.b.c.value, a.b.d.v2)\n"
                   "try:\n    exec('from ... import x', {'__name__': 'a.b', '__package__': 'a.b'})\n"
                   "except ImportError as e:\n    print(type(e).__name__, e)\n"
                   "try:\n    from . import nothing\nexcept ImportError as e:\n    print(type(e).__name__, e)\n"}},
    {"name": "namespace_package", "argv": ["main.py"], "files": {
        "ns/sub/mod.py": "v = 5\n",
        "main.py": "import ns.sub.mod\nimport ns\nprint(ns.sub.mod.v, type(ns.__path__).__name__, ns.__spec__.origin, ns.__file__ if hasattr(ns, '__file__') else 'nofile')\n"
                   "print(ns.__spec__.loader is not None, repr(ns).startswith(\"<module 'ns' (namespace)\"))\n"}},
    {"name": "circular_import_error", "argv": ["main.py"], "files": {
        "ca.py": "from cb import B\nA = 1\n",
        "cb.py": "from ca import A\nB = 2\n",
        "main.py": "import ca\n"}},
    {"name": "circular_import_ok", "argv": ["main.py"], "files": {
        "p1.py": "import p2\ndef f():\n    return p2.g()\n",
        "p2.py": "import p1\ndef g():\n    return 'g'\n",
        "main.py": "import p1\nprint(p1.f(), p1.p2.p1 is p1)\n"}},
    {"name": "missing_modules", "argv": ["main.py"], "files": {
        "pkg/__init__.py": "",
        "main.py": "for n in ['nosuch', 'pkg.nosuch', 'pkg.nosuch.deeper']:\n"
                   "    try:\n        __import__(n)\n    except ImportError as e:\n        print(type(e).__name__, e, e.name)\n"
                   "try:\n    from pkg import missing_name\nexcept ImportError as e:\n    print(type(e).__name__, str(e).replace(__file__.rpartition('/')[0], '<DIR>'), e.name)\n"
                   "import nosuch2\n"}},
    {"name": "error_in_module", "argv": ["main.py"], "files": {
        "bad.py": "x = 1\ny = 1 / 0\n",
        "main.py": "print('before')\nimport bad\n"}},
    {"name": "import_star_and_all", "argv": ["main.py"], "files": {
        "star.py": "__all__ = ['a', '_b']\na = 1\n_b = 2\nc = 3\n",
        "star2.py": "a2 = 1\n_hidden = 2\n",
        "main.py": "from star import *\nfrom star2 import *\nprint(a, _b, a2, 'c' in dir(), '_hidden' in dir())\n"}},
    {"name": "reload_and_import_module", "argv": ["main.py"], "files": {
        "mod.py": "value = 1\n",
        "main.py": "import importlib, mod\nprint(mod.value)\nwith open('mod.py', 'w') as f:\n    f.write('value = 2\\n')\n"
                   "import os\nst = os.stat('mod.py')\nos.utime('mod.py', (st.st_atime + 10, st.st_mtime + 10))\n"
                   "m = importlib.reload(mod)\nprint(m is mod, mod.value)\n"
                   "print(importlib.import_module('json.decoder').__name__ if False else importlib.import_module('mod').value)\n"
                   "try:\n    importlib.import_module('.x')\nexcept TypeError as e:\n    print(e)\n"}},
    {"name": "dash_m_package_module", "argv": ["-m", "pkg.tool", "arg1"], "files": {
        "pkg/__init__.py": "",
        "pkg/tool.py": "import sys\nfrom . import helper\nprint(__name__, __spec__.name, sys.argv[1:], helper.h)\n",
        "pkg/helper.py": "h = 'helped'\n"}},
    {"name": "dash_m_package_main", "argv": ["-m", "app"], "files": {
        "app/__init__.py": "print('app init')\n",
        "app/__main__.py": "print('main of', __package__, __name__)\n"}},
    {"name": "dash_m_missing", "argv": ["-m", "nosuchmodule"], "files": {}},
    {"name": "dash_m_json_tool", "argv": ["-m", "json.tool", "--sort-keys", "data.json"], "files": {
        "data.json": '{"b": [1, 2.5, null, true], "a": {"x": "\u00e9"}}\n'}},
    {"name": "dash_m_json_tool_error", "argv": ["-m", "json.tool", "bad.json"], "files": {"bad.json": '{"a": }\n'}},
    {"name": "pycache_written_and_used", "argv": ["main.py"], "runs": 2, "files": {
        "cached.py": "print('cached runs', __name__)\n",
        "main.py": "import cached, os\nprint(sorted(f.split('.')[0] for f in os.listdir('__pycache__')))\n"}},
    {"name": "sys_path_and_meta_path", "argv": ["main.py"], "files": {
        "main.py": "import sys\nprint(sys.path[0] == __file__.rpartition('/')[0])\n"
                   "print([type(f).__name__ if not isinstance(f, type) else f.__name__ for f in sys.meta_path])\n"
                   "print(sys.path_importer_cache.get(sys.path[0]).__class__.__name__)\n"
                   "print(__spec__, __name__, type(__loader__).__name__ if not isinstance(__loader__, type) else __loader__.__name__)\n"}},
    {"name": "import_fastpaths", "argv": ["main.py"], "files": {
        "pkg/__init__.py": "a = 1\n",
        "pkg/sub.py": "print('sub loaded')\n",
        "pkg/sub2.py": "print('sub2 loaded')\n",
        "main.py": "import builtins, sys\nfrom pkg import a, sub\nprint(a, sub.__name__)\nfrom pkg import sub, a\nimport pkg.sub\nprint(pkg.sub is sub)\ntry:\n    __import__('pkg', fromlist=['a', 1])\nexcept TypeError as e:\n    print('TypeError', e)\nm = __import__('pkg', fromlist=('a', 'nosuch_sub'))\nprint('missing name in fromlist ignored', m.__name__)\norig = builtins.__import__\nseen = []\ndef hook(name, globals=None, locals=None, fromlist=(), level=0):\n    seen.append((name, tuple(fromlist or ()), level))\n    return orig(name, globals, locals, fromlist, level)\nbuiltins.__import__ = hook\nfrom pkg import sub2\nimport pkg\nbuiltins.__import__ = orig\nprint([s for s in seen if s[0].startswith('pkg')])\nclass S(str): pass\nm = __import__(S('pkg'))\nprint(m.__name__, type(m.__name__).__name__, sys.modules.get(S('pkg')) is m)\nns = {}\nexec('from pkg import *', ns)\nprint(sorted(k for k in ns if not k.startswith('__')))\nimport os.path as p1, os\nprint(p1 is os.path)\n"}},
    {"name": "fromlist_module_getattr", "argv": ["main.py"], "files": {
        "pkg/__init__.py": "a = 1\n",
        "pkg/sub.py": "print('sub loaded')\n",
        "main.py": "import sys, types, importlib.util\ncalls = []\nimport pkg\ndef ga(name):\n    calls.append(name)\n    raise AttributeError(name)\npkg.__getattr__ = ga\nfrom pkg import a, sub\nprint(calls, sub.__name__)\nclass M(types.ModuleType):\n    def __getattribute__(self, n):\n        if n in ('x', 'y'): calls.append(('getattribute', n))\n        return super().__getattribute__(n)\nm = M('mm'); m.__path__ = []; m.x = 1; sys.modules['mm'] = m\nfrom mm import x\nprint(calls)\n"}},
]


def run(case):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = os.path.realpath(tmp)
        for path, content in case["files"].items():
            full = os.path.join(tmp, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as f:
                f.write(content)
        env = {"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "LANG": "C.UTF-8"}
        outs = []
        for _ in range(case.get("runs", 1)):
            p = subprocess.run([sys.executable, *case["argv"]], cwd=tmp, env=env, capture_output=True, text=True)
            norm = lambda t: t.replace(tmp, "<TMP>").replace(sys.executable, "<PROG>")
            outs.append({"stdout": norm(p.stdout), "stderr": norm(p.stderr), "status": p.returncode})
        return outs


def main():
    out = []
    for case in CASES:
        c = {k: v for k, v in case.items()}
        c["expected"] = run(case)
        out.append(c)
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {len(out)} cases to {OUT}")


if __name__ == "__main__":
    main()
