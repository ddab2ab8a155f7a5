# diff-argv: ["alpha", "b c", "--flag", "-x", ""]
import sys
print(sys.argv[1:])
print(len(sys.argv))
print(type(sys.argv).__name__)
