data = bytes([0, 127, 128, 255])
for x in data:
    print(x, end=" ")
print()
print(list(data), data[0] + data[3], [hex(x) for x in data], int.from_bytes(data, "big"))
print(bytes(x ^ 0xFF for x in data), bytearray(b"abc")[0], b"abc"[0:1], type(b"abc"[0]).__name__)
print(b"abc" == bytearray(b"abc"), b"ab".decode("ascii"), bytes(memoryview(b"mv")))
