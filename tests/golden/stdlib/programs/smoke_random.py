import random
random.seed(12345)
print(random.random(), random.randint(1, 100), random.randrange(0, 100, 7), random.choice("abcdef"), random.uniform(1, 2))
l = list(range(10)); random.shuffle(l); print(l, random.sample(range(100), 5), random.choices("abc", weights=[5, 1, 1], k=8))
print(random.gauss(0, 1), random.normalvariate(10, 2), random.expovariate(1.5), random.triangular(0, 10, 3), random.betavariate(2, 3))
print(random.getrandbits(70), random.randbytes(6), random.binomialvariate(10, 0.3), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2))
r = random.Random("a string seed"); print(r.random(), r.randrange(10 ** 30), r.sample(["x", "y", "z"], 2))
st = r.getstate(); x = r.random(); r.setstate(st); print(x == r.random())
random.seed(b"bytes", version=2); print(random.random()); random.seed(3.5); print(random.random())
print(random.Random(0).paretovariate(2), random.Random(1).weibullvariate(1, 2), random.Random(2).gammavariate(2, 2))
for bad in [lambda: random.randrange(5, 5), lambda: random.choice([]), lambda: random.sample([1], 2), lambda: random.randint(1, 1.5)]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
