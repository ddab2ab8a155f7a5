import copy, pickle
class P:
  __slots__=('a','b')
class Q: pass
p=P(); p.a=1
q=Q(); q.x=[1]
print(P().__reduce_ex__(2)[2], p.__reduce_ex__(2)[1:], q.__reduce_ex__(2)[1:], q.__reduce_ex__(1)[1:])
print(copy.copy(p).a, copy.deepcopy(q).x)
print([1,2].__reduce_ex__(2)[1:3], {1:2}.__reduce_ex__(4)[1:3])
try: (1).__reduce_ex__('a')
except Exception as e: print(e)
class I(int): pass
print(I(5).__reduce_ex__(2)[1:3])
class F:
  def __getnewargs_ex__(self): return (1,), {'a':2}
print(F().__reduce_ex__(2)[1:3])
class G:
  def __getnewargs__(self): return 5
try: G().__reduce_ex__(2)
except Exception as e: print(e)
import io
try: io.BytesIO().__reduce_ex__(2)
except Exception as e: print(e)
print(object().__getstate__(), p.__getstate__())
