# diff-argv: ["a", "--flag", "-c"]
# sys.orig_argv: the command line as given (the interpreter's options included; here none), sys.argv the script's.
import sys, os
print(sys.orig_argv[2:], sys.argv[1:])
print(os.path.basename(sys.orig_argv[1]) == os.path.basename(sys.argv[0]), len(sys.orig_argv) == len(sys.argv) + 1)
