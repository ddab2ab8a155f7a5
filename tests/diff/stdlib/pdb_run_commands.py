# diff-stdin: "s\nn\nn\ns\nn\np x\nn\np y\nu\np b\nd\nc\n"
# pdb driven by a scripted stdin: step into calls, next over lines, print locals, continue.
import pdb

def inner(x):
    y = x * 2
    return y + 1

def outer(a):
    b = a + 1
    r = inner(b)
    return r

pdb.run("outer(3)")
print("done")
