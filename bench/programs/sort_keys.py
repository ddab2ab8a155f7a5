# sort_keys: list.sort and sorted with key functions, reverse, tuples as keys, stability, min/max with key.
# Arg N: number of repetitions (work is linear in N).
import sys

DEFAULT_N = 250


def records(seed):
    out = []
    x = seed
    for i in range(3000):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append((f"name{x % 997}", x % 100, (x >> 8) % 1000 / 7.0, i))
    return out


def main(reps):
    total = 0
    for r in range(reps):
        rs = records(r + 1)
        by_name = sorted(rs, key=lambda t: t[0])
        by_score = sorted(rs, key=lambda t: (t[1], -t[2]), reverse=True)
        rs.sort(key=lambda t: t[2])
        rs.sort(key=lambda t: t[1])
        words = [t[0] for t in by_name]
        words.sort(key=len)
        total += by_name[0][3] + by_score[0][3] + rs[0][3] + rs[-1][3] + len(words[0])
        total += max(rs, key=lambda t: t[2])[3] + min(rs, key=lambda t: (t[1], t[0]))[3]
        total += sum(t[3] for t in sorted(rs, key=lambda t: t[3] % 10)[:100])
    return total


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_N
    print("sort_keys", main(n))
