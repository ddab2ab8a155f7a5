# _random smoke program: MT19937 seeding (ints of any size, str/bytes via sha512, hashes), random(), getrandbits, state, random.py's distributions.
import random, _random
random.seed(42); print(random.random(), random.random())
random.seed(0); print([random.randint(1, 100) for _ in range(10)])
random.seed(2**200 + 12345); print(random.random(), random.getrandbits(100), random.getrandbits(7), random.getrandbits(0))
random.seed(-17); print(random.random())
random.seed("hello"); print(random.random())
random.seed(b"bytes"); print(random.random())
random.seed(3.5); print(random.random())
random.seed(-3.5); print(random.random())
random.seed("hello", version=1); print(random.random())
r = random.Random(123); s = r.getstate(); a = [r.random() for _ in range(3)]; r.setstate(s); print(a == [r.random() for _ in range(3)], len(s[1]), s[0])
print(r.choice("abcdef"), r.sample(range(100), 5), r.uniform(1, 2), r.gauss(0, 1), r.shuffle(x := list(range(10))) or x)
print(r.choices("abc", k=5), r.randrange(0, 10**30, 7), r.expovariate(2.0), r.betavariate(2, 3), r.triangular())
print(r.binomialvariate(20, 0.3), r.randbytes(5), r.normalvariate(), r.lognormvariate(0, 1), r.vonmisesvariate(1, 2))
print(r.gammavariate(2.0, 1.5), r.paretovariate(3), r.weibullvariate(1, 2))
class R(random.Random):
    def random(self): return 0.5
print(R(5).choice([1, 2, 3]), R(5).getrandbits(8))
x = _random.Random(7); print(x.random(), x.getrandbits(40))
for bad in ["_random.Random(1, 2)", "_random.Random(x=1)", "x.getrandbits(-1)", "x.setstate(1)", "x.setstate((1,)*10)", "x.setstate((0,)*624 + (625,))", "x.setstate((-1,)*625)", "x.setstate((2**64,)*625)", "x.setstate((1.5,)*625)", "x.setstate((0,)*624 + (2**70,))", "x.getrandbits(2**40)", "x.seed(1, 2)", "x.seed([])"]:
    try: eval(bad); print(bad, "ok")
    except Exception as e: print(bad, type(e).__name__, e)
print(random.SystemRandom().random() < 1)
