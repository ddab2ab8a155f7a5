# diff-stdin: "alpha\nbeta gamma\nrest 1\nrest 2\n"
import sys
a = input()
b = input("prompt> ")
print(repr(a), repr(b))
rest = sys.stdin.read()
print(repr(rest))
