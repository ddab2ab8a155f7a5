class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(e)
try:
    class D(X, X): pass
except TypeError as e:
    print(e)
try:
    class E(int, str): pass
except TypeError as e:
    print(e)
try:
    class F(bool): pass
except TypeError as e:
    print(e)
class G(A, B if False else X): pass
print([c.__name__ for c in G.__mro__])
