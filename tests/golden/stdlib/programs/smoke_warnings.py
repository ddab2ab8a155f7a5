import warnings, sys
sys.stderr = sys.stdout
def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return 1
with warnings.catch_warnings(record=True) as rec:
    warnings.simplefilter("always")
    old_api(); warnings.warn("plain"); warnings.warn(RuntimeWarning("instance"))
    for w in rec:
        print(w.category.__name__, w.message, w.lineno, w.filename.endswith("smoke_warnings.py"))
warnings.warn("shown once")
for i in range(3): warnings.warn("loop warning")
warnings.filterwarnings("ignore", message="ign.*")
warnings.warn("ignore me"); warnings.warn("not ignored", UserWarning)
warnings.simplefilter("error", FutureWarning)
try:
    warnings.warn("now an error", FutureWarning)
except FutureWarning as e:
    print("raised:", e)
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "line of code"))
warnings.showwarning("shown", SyntaxWarning, "other.py", 5)
warnings.warn_explicit("explicit", UserWarning, "mod.py", 42, module="mod")
@warnings.deprecated("use new()") if hasattr(warnings, "deprecated") else (lambda f: f)
def legacy(): return "legacy"
with warnings.catch_warnings(record=True) as rec:
    warnings.simplefilter("always"); legacy(); print([str(w.message) for w in rec])
with warnings.catch_warnings(action="ignore"):
    warnings.warn("silenced")
print(len(warnings.filters) > 0, warnings.filters[0][:1])
