# diff-stdin: "p total\nn\nn\np i, total\nc\n"
# breakpoint() -> sys.breakpointhook -> pdb.set_trace in a loop (scripted stdin), then $PYTHONBREAKPOINT: "0",
# an unimportable name (RuntimeWarning), a dotted callable with arguments, and a lost sys.breakpointhook.
import os
import sys

def f(n):
    total = 0
    for i in range(n):
        total += i
        if i == 1:
            breakpoint()
    return total

print(f(3))
os.environ['PYTHONBREAKPOINT'] = '0'; breakpoint(); print('skipped')
os.environ['PYTHONBREAKPOINT'] = 'nosuch.mod'; breakpoint()
os.environ['PYTHONBREAKPOINT'] = 'builtins.print'; breakpoint(1, 2, sep='-')
os.environ['PYTHONBREAKPOINT'] = '.x'; breakpoint()
print(sys.breakpointhook is sys.__breakpointhook__)
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(e)
