ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" you")
ba += b"!"
print(ba, len(ba), ba[1:3], bytes(ba))
ba[1:3] = b"EYY"
print(ba)
del ba[0:2]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 65)
ba.remove(ord("Y"))
print(ba, ba.find(b"l"), ba.upper(), ba.reverse(), ba)
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray.fromhex("41 42"))
for bad in (lambda: ba.__setitem__(0, 256), lambda: ba.append("x"), lambda: ba.remove(200), lambda: bytearray().pop(), lambda: hash(ba)):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
ba2 = bytearray(b"abc")
ba2 *= 2
print(ba2, ba2 == b"abcabc", b"abcabc" == ba2, ba2.copy() is not ba2, ba2.clear(), ba2)
