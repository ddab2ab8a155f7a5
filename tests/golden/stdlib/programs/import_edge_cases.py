for args in [('',), ('x', None, None, (), -1), ('.x', {'__name__': 'm'}, None, (), 1), ('os', None, None, ('path',), 0)]:
    try:
        r = __import__(*args)
        print('ok', getattr(r, '__name__', r))
    except Exception as e:
        print(type(e).__name__, e)
try:
    __import__(1)
except Exception as e:
    print(type(e).__name__, e)
import importlib
for n in ['', '..x', 'os.nope']:
    try:
        importlib.import_module(n)
    except Exception as e:
        print(type(e).__name__, e)
import sys
sys.modules['fake'] = None
try:
    import fake
except ImportError as e:
    print(type(e).__name__, e)
from os import path as p2; print(p2.__name__)
try:
    from os import nope
except ImportError as e:
    print(e.name, e.name_from if hasattr(e, 'name_from') else '', str(e).split('(')[0])
