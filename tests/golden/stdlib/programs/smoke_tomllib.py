import tomllib
doc = '''
title = "TOML Example"
[owner]
name = "Tom"
dob = 1979-05-27T07:32:00-08:00
[database]
enabled = true
ports = [ 8000, 8001, 8002 ]
data = [ ["delta", "phi"], [3.14] ]
temp_targets = { cpu = 79.5, case = 72.0 }
[servers.alpha]
ip = "10.0.0.1"
role = "frontend"
[[products]]
name = "Hammer"
sku = 738594937
[[products]]
name = "Nail"
color = "gray"
[misc]
hex = 0xDEADBEEF
oct = 0o755
bin = 0b1101
flt = 6.626e-34
inf = -inf
local_date = 2024-02-29
local_time = 07:32:00.999
ldt = 1979-05-27T00:32:00
multi = """
Roses are red
  Violets are blue"""
literal = 'C:\\Users\\x'
under = 1_000_000
"dotted.key".x = 1
a.b.c = 2
'''
d = tomllib.loads(doc)
for k, v in d.items():
    print(k, v)
print(type(d["owner"]["dob"]).__name__, d["owner"]["dob"].utcoffset(), tomllib.loads("x = 1.5", parse_float=str))
with open("c.toml", "wb") as f: f.write(b'k = "v"\n[t]\nn = 1\n')
with open("c.toml", "rb") as f: print(tomllib.load(f))
for bad in ["x = ", "a = 1\na = 2", "[t]\n[t]", "s = 'unterminated", "k = 1979-13-01", "= 1", "x = [1,,2]"]:
    try:
        tomllib.loads(bad)
    except tomllib.TOMLDecodeError as e:
        print(repr(bad), e)
