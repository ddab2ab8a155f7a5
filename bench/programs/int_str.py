# int_str: conversions between int and str (str(), int(), int(s, base), hex/bin, f-string formatting, digit sums).
# Arg N: number of repetitions (work is linear in N).
import sys

DEFAULT_N = 60


def main(reps):
    total = 0
    for r in range(reps):
        for i in range(r, 20000 + r):
            s = str(i * 7919)
            total += int(s[::-1]) % 1000
            total += int(hex(i), 16) - i
            total += len(bin(i)) + len(f"{i:,}") + len(format(i, "08x"))
            total += sum(map(int, s)) if i % 10 == 0 else 0
        big = 3 ** (500 + r)
        total += len(str(big)) + int(str(big)[:30]) % 997
    return total


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_N
    print("int_str", main(n))
