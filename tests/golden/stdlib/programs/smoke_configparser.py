import configparser, io
cp = configparser.ConfigParser()
cp.read_string("""
[DEFAULT]
base = /srv
debug = no
[app]
path = %(base)s/app
port = 8080
ratio = 0.75
enabled = yes
[empty]
""")
print(cp.sections(), cp.defaults(), cp["app"]["path"], cp.getint("app", "port"), cp.getfloat("app", "ratio"), cp.getboolean("app", "enabled"), cp.getboolean("app", "debug"))
print(cp.has_option("app", "base"), cp.options("app"), cp.get("app", "missing", fallback="fb"), cp["app"].get("port"), dict(cp["empty"]), cp.get("app", "path", raw=True))
cp["new"] = {"key": "value", "n": "1"}; cp.set("app", "port", "9090"); cp.remove_option("app", "ratio")
out = io.StringIO(); cp.write(out); print(out.getvalue())
ex = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ex.read_string("[a]\nx = 1\n[b]\ny = ${a:x}-${z}\nz = 2\n"); print(ex["b"]["y"])
raw = configparser.RawConfigParser(); raw.read_dict({"s": {"v": "%(nope)s"}}); print(raw.get("s", "v"))
ml = configparser.ConfigParser(allow_no_value=True, delimiters=(":",), comment_prefixes=("#",), inline_comment_prefixes=(";",))
ml.read_string("[s]\nflag\nkey: multi\n  line ; comment\n"); print(ml.items("s"))
for bad in ["[a]\n[a]\n", "[a]\nk=1\nk=2\n", "no section\n", "[a]\nx = %(y)s\n"]:
    try:
        p = configparser.ConfigParser(); p.read_string(bad); p.get("a", "x")
    except configparser.Error as e:
        print(type(e).__name__, e)
try:
    cp.getint("app", "path")
except ValueError as e:
    print(e)
