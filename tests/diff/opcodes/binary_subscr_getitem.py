# BINARY_SUBSCR on a class with a Python __getitem__: Typhon pushes it as a frame (CPython 3.13's BINARY_SUBSCR_GETITEM);
# results, exceptions, tracebacks, sys._getframe, tracing and recursion as through the slot.
import sys, traceback
class A:
    def __getitem__(self, k):
        if k == 'boom': raise KeyError(k)
        if k == 'frame': return sys._getframe(1).f_code.co_name
        if k == 'gen': return 1
        return k * 2
def caller():
    a = A()
    print(a[3], a['x'], a['frame'])
    try: a['boom']
    except KeyError as e: print('caught', repr(e), e.__traceback__.tb_next.tb_frame.f_code.co_name)
caller()
class G:
    def __getitem__(self, k):
        yield k
print(list(G()[5]))
class D(dict):
    def __getitem__(self, k): return 'D' + str(k)
print(D()[1])
class Deep:
    def __getitem__(self, k): return self[k + 1]
try: Deep()[0]
except RecursionError as e: print('RecursionError', e)
class S:
    __getitem__ = staticmethod(lambda k: k)
try: print(S()[1])
except TypeError as e: print('TypeError', e)
class V:
    def __getitem__(self, *a): return a
print(V()[1, 2])
def tr(frame, event, arg):
    if event in ('call', 'return') and frame.f_code.co_name == '__getitem__': print('trace', event, arg)
    return tr
sys.settrace(tr); A()[7]; sys.settrace(None)
class E:
    def __getitem__(self, k): raise IndexError(k)
try: E()[1]
except IndexError:
    traceback.print_exc(file=sys.stdout)
