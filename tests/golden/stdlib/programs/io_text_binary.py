import io, os, shutil
d = os.path.abspath('tmp_io'); shutil.rmtree(d, ignore_errors=True); os.mkdir(d)
p = os.path.join(d, 'f.txt')
with open(p, 'w', encoding='utf-8') as f:
    print(f.write('héllo\nwörld\r\nend'), f.encoding, f.mode, type(f).__name__, type(f.buffer).__name__)
with open(p, 'rb') as f:
    data = f.read()
    print(data, f.tell(), type(f).__name__)
with open(p) as f:
    print(f.readline(), repr(f.readline()), f.read(), f.newlines)
with open(p, newline='') as f:
    print([line for line in f])
with open(p, 'r+b') as f:
    f.seek(10)
    f.write(b'XY')
    f.seek(0)
    print(f.read(4), f.seekable(), f.readable(), f.writable())
with open(p, 'a') as f:
    f.write('+tail')
with open(p) as f:
    t = f.read()
    print(repr(t[-8:]), len(t))
with open(p) as f:
    f.readline()
    pos = f.tell()
    rest = f.read()
    f.seek(pos)
    print(f.read() == rest)
try:
    open(os.path.join(d, 'missing'))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    open(d)
except IsADirectoryError as e:
    print(type(e).__name__, e.errno)
try:
    open(p, 'rw')
except ValueError as e:
    print(e)
b = io.BytesIO(b'abc\ndef\n')
print(b.readline(), b.read(2), b.tell(), b.getvalue(), list(io.BytesIO(b'x\ny')))
b.seek(0, 2); b.write(b'!'); print(b.getvalue())
s = io.StringIO('a\nb\r\nc', newline=None)
print(s.readlines(), s.getvalue())
s = io.StringIO()
print(s.write('héllo'), s.tell(), s.getvalue())
s = io.StringIO('x\ry', newline='')
print(s.readlines())
w = io.TextIOWrapper(io.BytesIO(), encoding='utf-16', newline='\r\n')
w.write('a\nb'); w.flush(); print(w.buffer.getvalue())
print(io.DEFAULT_BUFFER_SIZE, issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
try:
    io.BytesIO().fileno()
except io.UnsupportedOperation as e:
    print('unsupported', e)
f = open(p, 'rb', buffering=0)
print(type(f).__name__, f.read(3), f.closed); f.close(); print(f.closed)
try:
    f.read()
except ValueError as e:
    print(e)
import shutil; shutil.rmtree(d); print(os.path.exists(d))
