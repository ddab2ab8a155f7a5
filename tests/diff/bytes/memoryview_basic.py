b = bytearray(b"abcdef")
m = memoryview(b)
print(m[0], m[-1], bytes(m[1:3]), m.tobytes(), m.tolist(), len(m), m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides)
m[0] = ord("A")
m[1:3] = b"BC"
print(b)
r = memoryview(b"xyz")
print(r.readonly, r.hex(), r == b"xyz", r.obj == b"xyz")
try:
    r[0] = 1
except TypeError as e:
    print(e)
try:
    m[0:2] = b"abc"
except ValueError as e:
    print(e)
m2 = m.cast("H") if len(b) % 2 == 0 else None
print(m2.format, m2.itemsize, len(m2), m2.tolist()[0] in (0x4241, 0x4142))
m.release()
try:
    m[0]
except ValueError as e:
    print(e)
with memoryview(b"ctx") as mv:
    print(mv.tobytes())
try:
    memoryview("str")
except TypeError as e:
    print(e)
