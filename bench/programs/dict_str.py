# dict_str: dict-heavy and str-heavy code (word indexes, key building, joins, str methods).
# Arg N: number of repetitions (work is linear in N).
import sys

DEFAULT_N = 3000

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau "
         "upsilon phi chi psi omega").split()


def build(seed):
    index = {}
    lines = []
    for i in range(400):
        w1 = WORDS[(i * 7 + seed) % len(WORDS)]
        w2 = WORDS[(i * 13 + seed) % len(WORDS)]
        line = f"{w1}-{w2}:{i % 17}"
        lines.append(line)
        key, _, num = line.partition(":")
        bucket = index.setdefault(key.upper(), {})
        bucket[num] = bucket.get(num, 0) + 1
    text = "\n".join(lines)
    counts = {}
    for word in text.replace("-", " ").replace(":", " ").split():
        counts[word] = counts.get(word, 0) + 1
    return index, counts, text


def main(reps):
    total = 0
    for r in range(reps):
        index, counts, text = build(r)
        total += len(index) + sum(len(v) for v in index.values())
        total += sum(v for k, v in counts.items() if k.isalpha())
        total += text.count("a") + len(text.title()) + len(text.splitlines())
        merged = {**counts, **{k.lower(): len(k) for k in index}}
        total += len(merged) + len("".join(sorted(merged)[:50]))
    return total


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_N
    print("dict_str", main(n))
