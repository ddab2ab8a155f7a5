"""Captures CPython 3.13's output of tests/golden/time/time_cases.py under each TZ below into
tests/golden/time/expected.txt.gz (one "### TZ=<value>" section per zone), which tests/unit/modules/time.test.ts
compares with Typhon's output under the same TZ. Zone files come from the host's /usr/share/zoneinfo.
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_time.py
"""
import gzip, os, subprocess, sys

# A US zone, negative DST (Dublin), 30-minute DST (Lord_Howe), a fractional offset without DST (Kolkata), a zone whose
# DST rules changed (Sao_Paulo), one that skipped a day (Apia), a 2-hour DST (Troll), Casablanca's Ramadan
# transitions, POSIX TZ strings with rules and with a <...> name, and the empty TZ (UTC without a name).
ZONES = ["UTC", "America/New_York", "Europe/Dublin", "Australia/Lord_Howe", "Asia/Kolkata", "America/Sao_Paulo",
         "Pacific/Apia", "Antarctica/Troll", "Africa/Casablanca", "EST5EDT,M3.2.0,M11.1.0", "<+0330>-3:30", ""]

assert sys.version_info[:2] == (3, 13)
d = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "golden", "time")
parts = []
for tz in ZONES:
    p = subprocess.run([sys.executable, "time_cases.py"], cwd=d, capture_output=True, text=True,
                       env={"PATH": os.environ.get("PATH", ""), "TZ": tz, "LANG": "C.UTF-8"})
    assert p.returncode == 0 and p.stderr == "", (tz, p.stderr)
    parts.append(f"### TZ={tz}\n{p.stdout}")
    print(f"TZ={tz!r}: {p.stdout.count(chr(10))} lines")
with open(os.path.join(d, "expected.txt.gz"), "wb") as f:
    f.write(gzip.compress("".join(parts).encode(), compresslevel=9, mtime=0))
