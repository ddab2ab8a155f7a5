print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (0).to_bytes())
print((-1).to_bytes(2, "big", signed=True), (255).to_bytes(1, "big"))
for args, kw in (((1, "big"), {}), ((1, "big"), {"signed": True})):
    try:
        (256 if not kw else 128).to_bytes(*args, **kw)
    except OverflowError as e:
        print(e)
try:
    (-1).to_bytes(2, "big")
except OverflowError as e:
    print(e)
try:
    (1).to_bytes(2, "middle")
except ValueError as e:
    print(e)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 2, 3], "big"))
print(int.from_bytes(b""), int.from_bytes(bytes(range(1, 20)), "little"))
print((2**100).to_bytes(13, "big").hex())
