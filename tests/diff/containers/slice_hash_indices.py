for s in [slice(1,2), slice(None), slice(-1, 10**30, 'a'), slice(1.5, (1,2), None), slice(0,0,0)]:
    print(hash(s))
try: hash(slice([], 1))
except TypeError as e: print(e)
print({slice(1,2): 3}[slice(1,2)])
print(slice(1, 10**20).indices(10**25), slice(None, None, -1).indices(10**20))
print(slice(-5, -1).indices(3), slice(None, None, -2).indices(0), slice(2, -100, -1).indices(5))
for bad in [(slice(1.0), 3), (slice(1), -1), (slice(1), 1.5), (slice(0,1,0), 2)]:
    try: print(bad[0].indices(bad[1]))
    except Exception as e: print(type(e).__name__, e)
