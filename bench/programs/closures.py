# closures: closure creation and calls, nonlocal updates, higher-order functions, decorators.
# Arg N: number of repetitions (work is linear in N).
import sys

DEFAULT_N = 600


def counter(start):
    n = start

    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc


def compose(*fns):
    def run(x):
        for f in fns:
            x = f(x)
        return x
    return run


def memo(fn):
    cache = {}

    def wrapper(x):
        if x not in cache:
            cache[x] = fn(x)
        return cache[x]
    return wrapper


def main(reps):
    total = 0
    for r in range(reps):
        incs = [counter(i) for i in range(100)]
        for _ in range(100):
            for inc in incs:
                inc()
        total += sum(inc(0) for inc in incs)
        pipeline = compose(lambda x: x + 1, lambda x: x * 3, lambda x: x % 1000, lambda x: x - r)
        total += sum(pipeline(i) for i in range(5000))
        sq = memo(lambda x: x * x)
        total += sum(sq(i % 300) for i in range(5000))
    return total


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_N
    print("closures", main(n))
