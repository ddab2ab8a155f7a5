print(bin(5), oct(64), hex(255), bin(-3), hex(0), oct(-8))
print(chr(65), ord("A"), ascii("é"), repr("é"), str(1.0), bool("0"), int("7"), float("7"), complex("7"))
print(list((1, 2)), tuple([1]), set([1, 1]), frozenset("a"), dict([(1, 2)]), bytes(2), bytearray(1))
print(format(10, "b"), format(3.5, "08.2f"), format("x", "^5"), format(True), format(None))
class Idx:
    def __index__(self):
        return 10
print(bin(Idx()), hex(Idx()), oct(Idx()), [0] * 3 * 1, "abcdefghijklmn"[Idx()])
for bad in (lambda: bin(1.5), lambda: hex("1"), lambda: chr("a"), lambda: format(1, 5)):
    try:
        bad()
    except TypeError as e:
        print(e)
