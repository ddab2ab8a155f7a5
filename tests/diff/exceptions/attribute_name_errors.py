class C:
    pass
try:
    C().missing
except AttributeError as e:
    print(e, e.name, type(e.obj).__name__)
try:
    undefined_thing
except NameError as e:
    print(e, e.name)
try:
    C.cls_missing
except AttributeError as e:
    print(e)
try:
    (5).nope
except AttributeError as e:
    print(e)
try:
    None.attr
except AttributeError as e:
    print(e)
import sys
try:
    sys.nonexistent
except AttributeError as e:
    print(e)
e = AttributeError("custom", name="n", obj=1)
print(e.name, e.obj, e.args)
print(repr(ImportError("m", name="mod", path="/p")), ImportError("m", name="mod").name)
