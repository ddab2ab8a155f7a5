print(bytes(b"abc"), bytearray(b"x") + b"y", memoryview(b"ab").tolist(), bytes.fromhex("4142"), b"ab".hex())
print(len(bytes(10)), bytes([1, 2]) == b"\x01\x02", list(bytearray(range(3))), bytes(3) == b"\0\0\0")
class B:
    def __bytes__(self):
        return b"custom"
print(bytes(B()), bytearray(b"ab").decode(), str(bytearray(b"ab")))
