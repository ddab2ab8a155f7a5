"""Differential accuracy of the math module: the same seeded random arguments through CPython 3.13 and Typhon,
printing per function how many results (float.hex or exception name) differ.
Run: PYENV_VERSION=3.13.0 python3.13 tools/diff_math_random.py   (after npx tsc -p .)
"""
import os, subprocess, sys, tempfile
from collections import Counter

PROGRAM = r'''
import math, random
random.seed(1)
fs1 = ["acos","acosh","asin","asinh","atan","atanh","cbrt","cos","cosh","erf","erfc","exp","exp2","expm1","gamma","lgamma","log","log10","log1p","log2","sin","sinh","sqrt","tan","tanh"]
out = []
for name in fs1:
    f = getattr(math, name); bad = 0; n = 0
    for i in range(300):
        x = random.choice([random.uniform(-1, 1), random.uniform(-20, 20), random.uniform(0, 200), random.uniform(-1e6, 1e6)])
        try: r = f(x).hex()
        except Exception as e: r = type(e).__name__
        out.append(f"{name} {x.hex()} {r}")
for name in ["atan2","hypot","pow","fmod","remainder"]:
    f = getattr(math, name)
    for i in range(300):
        x, y = random.uniform(-100, 100), random.uniform(-10, 10)
        try: r = f(x, y).hex()
        except Exception as e: r = type(e).__name__
        out.append(f"{name} {x.hex()} {y.hex()} {r}")
for i in range(300):
    v = [random.uniform(-1e3, 1e3) for _ in range(5)]
    out.append("fsum " + math.fsum(v).hex() + " hypot " + math.hypot(*v).hex() + " sumprod " + math.sumprod(v, v[::-1]).hex() + " dist " + math.dist(v[:2], v[3:]).hex() + " fma " + math.fma(v[0], v[1], v[2]).hex())
print("\n".join(out))
'''
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
    f.write(PROGRAM)
exp = subprocess.run([sys.executable, f.name], capture_output=True, text=True).stdout.splitlines()
got = subprocess.run(["node", os.path.join(ROOT, "bin", "typhon.js"), f.name], capture_output=True, text=True).stdout.splitlines()
os.unlink(f.name)
total, diff = Counter(), Counter()
for e, g in zip(exp, got):
    total[e.split()[0]] += 1
    if e != g:
        diff[e.split()[0]] += 1
print(f"{len(exp)} results, {len(got)} from Typhon, {sum(diff.values())} differ")
for name in sorted(total):
    print(f"  {name:10} {diff[name]:4} / {total[name]}")
