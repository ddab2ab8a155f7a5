src = "def big():\n    x = 0\n" + "".join(f"    x = x + {i}\n" for i in range(400)) + "    return x\n"
ns = {}
exec(src, ns)
print(ns["big"]())
consts = "(" + ",".join(str(i * 1.5) for i in range(300)) + ")"
print(eval(consts)[299])
code = compile("\n".join(f"v{i} = {i}" for i in range(300)) + "\nprint(v299 + v0)", "<gen>", "exec")
exec(code, {})
def jumps(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            total += 1
        elif i % 3 == 1:
            total += 10
        else:
            total += 100
    return total
print(jumps(30))
