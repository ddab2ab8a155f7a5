import argparse, sys, io, os
os.environ["COLUMNS"] = "80"
p = argparse.ArgumentParser(prog="demo", description="A demo tool.", epilog="See docs.")
p.add_argument("files", nargs="+", help="input files")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("-n", "--num", type=int, default=3, choices=range(1, 10), metavar="N")
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
p.add_argument("--flag", action=argparse.BooleanOptionalAction, default=True)
p.add_argument("-I", dest="includes", action="append", default=[])
g = p.add_mutually_exclusive_group(); g.add_argument("--json", action="store_true"); g.add_argument("--xml", action="store_true")
print(p.parse_args(["a.txt", "b.txt", "-vv", "-n", "5", "--no-flag", "-I", "x", "-Iy", "--json"]))
print(p.format_help())
print(p.format_usage())
ns, rest = p.parse_known_args(["f", "--unknown", "1"]); print(ns.files, rest)
sub = argparse.ArgumentParser(prog="git")
sp = sub.add_subparsers(dest="cmd", required=True)
c = sp.add_parser("commit", help="record changes"); c.add_argument("-m", required=True)
push = sp.add_parser("push"); push.add_argument("remote", nargs="?", default="origin")
print(sub.parse_args(["commit", "-m", "msg"]), sub.parse_args(["push"]))
sys.stderr = sys.stdout
for argv in [["a", "-n", "99"], [], ["a", "--json", "--xml"], ["a", "--num", "x"], ["a", "--bogus"]]:
    try:
        p.parse_args(argv)
    except SystemExit as e:
        print("exit", e.code)
try:
    sub.parse_args(["commit"])
except SystemExit as e:
    print("exit", e.code)
p2 = argparse.ArgumentParser(prog="p2", exit_on_error=False); p2.add_argument("--i", type=int)
try:
    p2.parse_args(["--i", "q"])
except argparse.ArgumentError as e:
    print("ArgumentError", e)
