# diff-stdin: "only line\n"
print(input())
print(input())
