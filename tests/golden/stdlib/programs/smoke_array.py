import array, pickle, sys, copy
print(array.typecodes)
for tc in array.typecodes:
    a = array.array(tc, [1, 2, 3] if tc not in "uw" else "abc")
    print(tc, a, a.itemsize, len(a.tobytes()), a.tolist(), a[1], a[-1], repr(a[:2]))
a = array.array("i", range(10))
print(a[2:8:2], a[::-1], a.index(5), a.count(3), 5 in a, len(a), a.buffer_info()[1], sum(a))
a.append(100); a.extend([7, 8]); a.insert(0, -1); a.remove(3); print(a, a.pop(), a.pop(0), a)
a[1:3] = array.array("i", [42, 43, 44]); del a[::3]; print(a)
a.reverse(); print(a, a * 2 == a + a, a < array.array("i", [99]), a == array.array("l", a.tolist()), array.array("i") == array.array("f"))
b = array.array("H", [1, 256, 65535]); print(b.tobytes()); b.byteswap(); print(b, b.tobytes())
c = array.array("d"); c.frombytes(array.array("d", [1.5, -2.25]).tobytes()); c.fromlist([3.0]); print(c, c.typecode)
u = array.array("u", "héllo"); u.fromunicode(" wörld"); print(u, u.tounicode(), array.array("w", "𝄞x").tounicode())
with open("arr.bin", "wb") as f: array.array("q", [1, -2, 3]).tofile(f)
r = array.array("q")
with open("arr.bin", "rb") as f: r.fromfile(f, 3)
print(r)
m = memoryview(array.array("h", [1, 2, 3])); print(m.format, m.itemsize, m.tolist(), m.nbytes, bytes(m))
arr = array.array("B", b"abc"); mv = memoryview(arr); mv[0] = 65; print(arr, bytes(arr), bytearray(arr), array.array("b", b"\xff"))
print(pickle.loads(pickle.dumps(array.array("f", [0.5, 1.5]))), copy.deepcopy(array.array("I", [7])), array.array("i", [1]).__reduce_ex__(3)[0].__name__)
print(array._array_reconstructor(array.array, "i", 10, b"\x01\x00\x00\x00\x02\x00\x00\x00"), array.array("f", [1 / 3])[0], array.array("Q", [2 ** 64 - 1]))
it = iter(array.array("b", [1, 2])); next(it); print(list(it), list(reversed(array.array("l", [1, 2, 3]))), array.ArrayType is array.array)
x = array.array("i", [3, 1]); x += array.array("i", [2]); x *= 2; print(x, sorted(x), x.__sizeof__() > 0, array.array("i", [1, 2]) != array.array("i", [1, 3]))
for bad in [lambda: array.array("z"), lambda: array.array("b", [200]), lambda: array.array("B", [-1]), lambda: array.array("i", [1.5]), lambda: array.array("i", "ab"),
            lambda: array.array("i") + array.array("d"), lambda: array.array("i", [1]).index(9), lambda: array.array("i").pop(), lambda: array.array("i", [1])[5],
            lambda: array.array("h").frombytes(b"abc"), lambda: array.array("i").fromunicode("x"), lambda: array.array("u", [1]), lambda: array.array("i", [1, 2]).__setitem__(slice(0, 2, 1), [1]),
            lambda: array.array("i", [1, 2, 3]).__setitem__(slice(0, 3, 2), array.array("i", [1])), lambda: array.array("I", [2 ** 32]), lambda: array.array("d", ["x"]), lambda: array.array("i").tounicode()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
