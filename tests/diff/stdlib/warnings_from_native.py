# Warnings issued by native code (array's 'u' DeprecationWarning) obey the warnings module's filters,
# catch_warnings and registries once it is imported, as _warnings.c's PyErr_WarnEx does.
import warnings, array, sys
print(array.array('u', 'ab'))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    array.array('u')
    print([str(x.message) for x in w], [x.category.__name__ for x in w], [x.lineno for x in w])
warnings.simplefilter("error")
try:
    array.array('u')
except DeprecationWarning as e:
    print("error:", e)
warnings.simplefilter("ignore")
array.array('u')
warnings.resetwarnings()
warnings.simplefilter("default")
for i in range(3):
    array.array('u')
print(sorted(k for k in globals() if k.startswith("__warn")))
def f():
    return array.array('u')
f(); f()
print("done", file=sys.stderr)
