import sys

calls = []

def profiler(frame, event, arg):
    name = arg.__name__ if event.startswith("c_") else frame.f_code.co_name
    calls.append((event, name))

def sq(x):
    return x * x

def main():
    return [sq(i) for i in range(2)] + [len("ab")]

sys.setprofile(profiler)
main()
sys.setprofile(None)
for c in calls:
    print(*c)
