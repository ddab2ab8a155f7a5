# array edge cases (messages, conversions, buffer exports), one result per line; captured by tools/capture_cases.py array.
import warnings; warnings.simplefilter("ignore")
import array, sys
A = array.array
cases = [
 "A('b',[128])","A('b',[-129])","A('B',[256])","A('h',[2**15])","A('h',[-2**15-1])","A('H',[-1])","A('H',[2**16])",
 "A('i',[2**31])","A('i',[-2**31-1])","A('I',[-1])","A('I',[2**32])","A('l',[2**63])","A('l',[-2**63-1])","A('L',[-1])","A('L',[2**64])",
 "A('q',[2**63])","A('q',[-2**63-1])","A('Q',[-1])","A('Q',[2**64])","A('f',[1e300])","A('f',['x'])","A('d',[None])","A('b',['x'])","A('b',[1.0])",
 "A('u',['ab'])","A('u',[1])","A('w',['ab'])","A('w',[1])","A(1)","A('ab')","A('i',[1],3)","A(typecode='i')","A()","A('i', 'abc')","A('i', A('u','a'))",
 "A('i',[1]) + [1]","A('i',[1]) + A('h')","A('i',[1]) * 'x'","A('i').extend(A('h'))","A('i').extend(5)","A('i').fromlist((1,))","A('i').fromfile(1, -1)",
 "A('i',[1,2]).pop(5)","A('i',[1]).remove(5)","A('i',[1]).index(1, 1)","A('i',[1]).__setitem__(0,'x')","A('i',[1])['a']","A('i',[1]).__setitem__(slice(0,1),A('h',[1]))",
 "hash(A('i'))","A('i',[1]).__reduce_ex__('x')","A('i',[1]) < [1]","A('i')[::0]","A('i').__setitem__(5, 1)","A('i').insert('a', 1)",
 "array._array_reconstructor(1,'i',8,b'')","array._array_reconstructor(list,'i',8,b'')","array._array_reconstructor(A,'z',8,b'')","array._array_reconstructor(A,'i',99,b'')",
 "array._array_reconstructor(A,'i',8,'')","array._array_reconstructor(A,'i',8,b'abc')","array._array_reconstructor(A,'i',12,b'abc')","A('i').tofile(1)", "A('d',[1.5]).byteswap() or 1",
 "A('i', b'abcd')", "A('u', b'a\\x00\\x00\\x00')", "A('i', A('d', [1.5]))","A('d', A('i', [1]))","A('i', [1]) == A('d', [1.0])", "A('i',[1]).fromunicode(1)", "A('u').fromunicode(b'x')",
 "A('i', iter([1,2]))", "A('i', 5)", "A('i', None)", "A('B', bytearray(b'x'))", "A('i', range(3))", "A('b').frombytes('x')", "A('b').frombytes(memoryview(b'ab'))",
 "repr(A('u'))", "repr(A('d',[float('nan'),-0.0]))", "A('f',[0.1])", "A.__name__", "A.__module__", "A.__qualname__", "type(iter(A('i')))", "iter(A('i',[1,2])).__reduce__()",
 "A('i', [1, 2])[True]", "A('i',[5]).__sizeof__()", "A('i',range(100)).__sizeof__()", "A('i')*-1", "A('i',[1,2,3])[1:] == A('i',[2,3])", "A('b', [1]).__copy__()",
 "A('i', [1]).__deepcopy__(None)", "A('i',[1,2]).__reduce_ex__(2)", "A('u','ab').__reduce_ex__(4)", "A('u','ab').__reduce_ex__(1)", "A('i',[3]).count('x')", "'x' in A('i',[1])",
 "A('i', [1])[-2]", "A('i',[1,2,3]).__delitem__(slice(None,None,-2)) ", "A[int]", "A('i', [1]).fromlist([1, 'x'])", "A('i').clear()", "A('w', 'ab').tounicode()",
 "memoryview(A('u','ab')).format", "memoryview(A('w','ab')).format", "memoryview(A('d',[1.0])).format", "memoryview(A('l',[1])).format", "memoryview(A('q',[1])).format", "memoryview(A('u','ab')).tolist()",
 "bytes(A('h',[1,2]))", "A('i',[1]).itemsize", "A('i',[1]).typecode", "A('i',[1,2,3]).index(3, -1)", "A('i',[1,2,3]).index(1, 0, -5)",
]
for c in cases:
    try:
        r = eval(c)
        print(c, "->", repr(r))
    except BaseException as e:
        print(c, "!!", type(e).__name__, e)
a = A('i', [1, 2, 3]); m = memoryview(a)
for c in ["a.append(1)", "a.pop()", "a.extend([1])", "a.frombytes(b'')", "a.fromlist([])", "a.__setitem__(slice(0,1), A('i'))", "a.__delitem__(0)", "a.__iadd__(A('i'))", "a.__imul__(2)", "a.__imul__(1)", "a.byteswap()", "a.reverse()", "a.__setitem__(0, 5)", "a.clear()", "a.insert(0,1)", "a.remove(1)"]:
    try:
        r = eval(c); print(c, "->", repr(r), a)
    except BaseException as e:
        print(c, "!!", type(e).__name__, e)
m.release()
for tc in "bBhHiIlLqQ":
    for v in [2**15, -2**15-1, 2**16, 2**31, -2**31-1, 2**32, 2**63, -2**63-1, 2**64, -1, 2**70, -2**70, True]:
        try:
            A(tc, [v]); r = "ok"
        except Exception as e:
            r = f"{type(e).__name__}: {e}"
        print(tc, v if abs(v) < 2**65 else ("big" if v > 0 else "-big"), r)
for v in [2**2000, "1", 1+0j]:
    try: A('d', [v])
    except Exception as e: print('d', type(e).__name__, e)
class I:
    def __index__(self): return 7
print(A('i', [I()]), A('I', [I()]), A('Q', [I()]), A('d', [I()]) if 0 else '')
try: A('d', [I()])
except Exception as e: print(type(e).__name__, e)
class F:
    def __float__(self): return 2.5
print(A('d', [F()]))
try: A('i', [F()])
except Exception as e: print(type(e).__name__, e)
a = A('i', [1,2,3,4,5]); a[1:4] = A('i', [9]); print(a); a[::2] = A('i',[7,7]); print(a); a[::-1] = A('i', [4, 5, 6]); print(a)
a = A('i', range(10)); del a[1:8:3]; print(a); a[5:2] = A('i',[0]); print(a)
a = A('i', [1,2]); a[0:1] = a; print(a)
a = A('i', [1,2]); a.extend(a); a += a; print(a, a * 0, 0 * a)
print(A('i',[1,2]) < A('i',[1,3]), A('i',[1,2]) < A('i',[1]), A('i', [1]) == [1], A('i',[1,2]) >= A('d',[1.0, 2.0]))
b = A('d',[1.0]); print(b.fromlist.__doc__[:30], A.__doc__[:60])
print(A('u', 'ab') == A('w', 'ab'), A('u','ab') < A('u','b'))
a = A('i', range(5)); it = iter(a); next(it); print(it.__reduce__()[1:], list(it), it.__reduce__()[1])
a = A('H', [1, 2, 3]); m = memoryview(a); m[1] = 500; print(a, m.tolist(), m.format, m.itemsize, m.nbytes, m.tolist()[::2])
try:
    a.append(4)
except BufferError as e:
    print(type(e).__name__, e)
m.release(); a.append(4); print(a, a.__sizeof__())
for code in range(22):
    data = bytes(range(8))
    try:
        print(code, array._array_reconstructor(A, 'b', code, data))
    except Exception as e:
        print(code, type(e).__name__, e)
print(array._array_reconstructor(A, 'u', 18, 'h\u00e9'.encode('utf-16-le')), array._array_reconstructor(A, 'w', 21, 'ab'.encode('utf-32-be')))
class Sub(A):
    pass
s = Sub('i', [1, 2]); s.extra = 1; print(s, s[:1], s + s, type(s[:1]).__name__, s.__reduce_ex__(2), s.__reduce_ex__(3)[1][0].__name__)
print(bytearray(A('h', [1, -1])), A('b', b'\x80\x7f'), A('f', A('d', [1.5, 2**200])), A('d', [1, 2]) * 2)
