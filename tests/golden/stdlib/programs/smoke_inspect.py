import inspect
def f(a, b: int = 2, *args, c, d="x", **kw) -> str:
    """Function docstring.

    More text."""
    return "r"
sig = inspect.signature(f)
print(sig, [(p.name, p.kind.name, p.default is p.empty) for p in sig.parameters.values()], sig.return_annotation)
ba = sig.bind(1, c=3, extra=4); ba.apply_defaults(); print(ba.arguments, ba.args, ba.kwargs)
print(inspect.getdoc(f), inspect.cleandoc("  a\n    b\n  c"), inspect.getfullargspec(f))
class A:
    x = 1
    def m(self): pass
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(): pass
    @property
    def p(self): return 1
print([n for n, _ in inspect.getmembers(A) if not n.startswith("__")], inspect.isclass(A), inspect.isfunction(A.m), inspect.ismethod(A().m), inspect.getmro(bool))
print(inspect.getsource(A.m), inspect.getsourcelines(f)[1], inspect.getfile(f).endswith("smoke_inspect.py"), inspect.getmodule(f).__name__)
async def co(): pass
def gen(): yield 1
print(inspect.iscoroutinefunction(co), inspect.isgeneratorfunction(gen), inspect.isbuiltin(len), inspect.isroutine(len), inspect.isabstract(A), inspect.getattr_static(A, "p").__class__.__name__)
g = gen(); print(inspect.getgeneratorstate(g)); next(g); print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
fr = inspect.currentframe(); print(fr.f_lineno, inspect.getframeinfo(fr).function, [fi.function for fi in inspect.stack()][:1])
import functools
@functools.wraps(f)
def wrapper(*a, **k): return f(*a, **k)
print(inspect.unwrap(wrapper) is f, inspect.signature(wrapper), inspect.signature(len), inspect.signature(lambda x, /, y: 0), str(inspect.signature(A.cm)))
print(inspect.Parameter("z", inspect.Parameter.KEYWORD_ONLY, default=1), inspect.formatannotation(list[int]), inspect.getclosurevars(wrapper).nonlocals.keys())
try:
    sig.bind(1)
except TypeError as e:
    print(e)
