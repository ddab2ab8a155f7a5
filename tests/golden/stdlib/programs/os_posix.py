import os, stat, shutil
d = os.path.abspath('tmp_os'); shutil.rmtree(d, ignore_errors=True); os.mkdir(d)
os.mkdir(os.path.join(d, 'sub'))
with open(os.path.join(d, 'a.txt'), 'w') as f:
    f.write('12345')
print(sorted(os.listdir(d)))
st = os.stat(os.path.join(d, 'a.txt'))
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(os.path.join(d, 'sub')).st_mode), type(st.st_mtime).__name__, len(st))
print(sorted((e.name, e.is_dir(), e.is_file()) for e in os.scandir(d)))
os.rename(os.path.join(d, 'a.txt'), os.path.join(d, 'b.txt'))
os.replace(os.path.join(d, 'b.txt'), os.path.join(d, 'c.txt'))
print(sorted(os.listdir(d)), os.path.exists(os.path.join(d, 'c.txt')), os.path.isdir(os.path.join(d, 'sub')))
fd = os.open(os.path.join(d, 'c.txt'), os.O_RDONLY)
print(os.read(fd, 2), os.lseek(fd, 0, os.SEEK_END), os.read(fd, 10)); os.close(fd)
try:
    os.stat(os.path.join(d, 'nope'))
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename == os.path.join(d, 'nope'))
try:
    os.mkdir(os.path.join(d, 'sub'))
except FileExistsError as e:
    print(type(e).__name__, e.errno)
try:
    os.rmdir(d)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
for root, dirs, files in os.walk(d):
    print(os.path.relpath(root, d), sorted(dirs), sorted(files))
old = os.getcwd(); os.chdir(d); print(os.getcwd() == d); os.chdir(old)
print(os.path.join('a', 'b', '..', 'c'), os.path.normpath('/a//b/./c/../d'), os.path.splitext('x.tar.gz'), os.path.basename('/x/y.py'))
print(os.fspath('p'), os.fsencode('é'), os.fsdecode(b'\xc3\xa9'), os.sep, os.curdir, os.linesep == '\n', os.name)
print(os.strerror(2), os.strerror(13), 'HOME' in os.environ or True, type(os.environ).__name__, isinstance(os.getpid(), int))
print(len(os.urandom(8)), os.get_terminal_size.__name__, callable(os.cpu_count))
os.environ['TYPHON_TEST_VAR'] = 'v1'; print(os.environ['TYPHON_TEST_VAR'], os.getenv('TYPHON_TEST_VAR'), os.environb[b'TYPHON_TEST_VAR'])
import glob; print(sorted(os.path.basename(p) for p in glob.glob(os.path.join(d, '*'))))
import shutil; shutil.copy(os.path.join(d, 'c.txt'), os.path.join(d, 'sub', 'copy.txt')); print(open(os.path.join(d, 'sub', 'copy.txt')).read())
shutil.rmtree(d); print(os.path.exists(d))
