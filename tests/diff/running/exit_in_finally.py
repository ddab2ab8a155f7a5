import sys

def work():
    try:
        print("working")
        sys.exit(2)
    finally:
        print("cleanup runs")

try:
    work()
finally:
    print("outer cleanup")
