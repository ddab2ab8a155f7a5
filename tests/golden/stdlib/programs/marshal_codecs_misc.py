import marshal, codecs, errno, itertools, weakref, _thread, time, atexit, sys
for v in [0, -1, 2**40, 2**100, 1.5, 'héllo', b'x', (1, 2), [1, [2]], {'a': 1}, None, True, ..., frozenset([1]), 1j]:
    print(repr(marshal.loads(marshal.dumps(v))) == repr(v), end=' ')
print()
code = compile('x = 40 + 2', 'f', 'exec'); ns = {}; exec(marshal.loads(marshal.dumps(code)), ns); print(ns['x'])
print(marshal.dumps(1), marshal.dumps('ab'), marshal.dumps((1, 2.5, None)), marshal.dumps(b'xy'), marshal.version)
try:
    marshal.loads(b'\x00')
except ValueError as e:
    print(e)
try:
    marshal.loads(b'')
except EOFError as e:
    print(e)
print(codecs.lookup('UTF8').name, codecs.lookup('latin1').name, codecs.encode('ab', 'hex_codec') if False else '', codecs.decode(b'\xe9', 'latin-1'))
print('é€'.encode('utf-16-be'), b'\x00\xe9'.decode('utf-16-be'), 'x'.encode('utf-32'), 'é'.encode('ascii', 'backslashreplace'), b'\xff'.decode('utf-8', 'replace'))
print('é'.encode('cp437'), b'\x82'.decode('cp437'), 'ab'.encode('rot13') if False else codecs.encode('ab', 'rot13'))
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print(e)
try:
    codecs.lookup('nosuchcodec')
except LookupError as e:
    print(e)
print(errno.ENOENT, errno.errorcode[13], errno.EEXIST)
print(list(itertools.accumulate(range(5))), list(itertools.product([1, 2], 'a')))
class C: pass
c = C(); r = weakref.ref(c); print(r() is c, weakref.getweakrefcount(c))
l = _thread.allocate_lock(); print(l.acquire(), l.locked(), l.acquire(False)); l.release(); print(l.locked())
rl = _thread.RLock(); rl.acquire(); rl.acquire(); rl.release(); rl.release()
print(time.gmtime(0)[:6], time.strftime('%Y-%m-%d %H:%M:%S %a %b %j', time.gmtime(86400 * 365)), time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0)).tm_mday)
print(isinstance(time.time(), float), isinstance(time.monotonic_ns(), int), time.asctime(time.gmtime(0)))
atexit.register(print, 'atexit ran')
print(sys.implementation.name == 'typhon' or sys.implementation.name == 'cpython', sys.version_info[:2])
