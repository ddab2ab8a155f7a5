# dumps/loads of a 1.3 MB nested structure with the native _pickle, or with the pure-Python pickle when run with
# the argument "pure" (_pickle blocked): node bin/typhon.js bench/pickle_speed.py [pure]; python3.13 bench/pickle_speed.py [pure].
import sys, time
if len(sys.argv) > 1 and sys.argv[1] == 'pure':
    sys.modules['_pickle'] = None
import pickle
data = {
    'users': [{'id': i, 'name': f'user{i}', 'score': i * 1.5, 'tags': ['a', 'b', str(i % 7)], 'active': i % 2 == 0,
               'meta': (i, None, b'\x00\x01')} for i in range(20000)],
    'matrix': [[float(i * j) for j in range(50)] for i in range(200)],
    'big': 2**200, 'text': 'héllo wörld ' * 1000,
}
def best(f, n=5):
    t = []
    for _ in range(n):
        t0 = time.perf_counter(); r = f(); t.append(time.perf_counter() - t0)
    return min(t), r
for proto in (4, 2, 5, 4):
    td, s = best(lambda: pickle.dumps(data, proto))
    tl, back = best(lambda: pickle.loads(s))
    assert back == data
    print(f"proto {proto}: {len(s)} bytes, dumps {td*1000:.1f} ms, loads {tl*1000:.1f} ms")
