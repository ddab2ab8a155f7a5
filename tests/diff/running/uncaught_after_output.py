import sys
print("partial output")
sys.stdout.write("no newline yet")
raise RuntimeError("boom")
