import sys, warnings
print('to stdout')
sys.stdout.flush()
print('to stderr', file=sys.stderr)
warnings.warn('careful')
warnings.warn('deprecated thing', DeprecationWarning)
def f():
    warnings.warn('from f', UserWarning, stacklevel=2)
f()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn('caught')
    print(len(w), str(w[0].message), w[0].category.__name__)
print(sys.stdout.encoding, sys.stderr.errors, sys.stdout.line_buffering, sys.stdin.mode)
sys.stdout.write('partial')
print(' line')
sys.stderr.write('err partial')
sys.stderr.write(' done\n')
print('\udcff'.encode('utf-8', 'surrogateescape'))
