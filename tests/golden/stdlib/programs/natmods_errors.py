# Bad arguments to the native modules of issue #5 (_json, _locale, cmath, _functools, _operator, _contextvars,
# _typing, _stat): each gets CPython's exception and message, never a crash.
import _json, _locale, cmath, _functools, _operator, _contextvars, _typing, _stat, json
cases = [
 lambda: _json.scanstring('"abc', 10**20), lambda: _json.scanstring(b'x', 0), lambda: _json.scanstring('x', 'y'),
 lambda: _json.make_scanner(None), lambda: _json.make_scanner(json.JSONDecoder())('x', -1), lambda: _json.make_scanner(json.JSONDecoder())(1, 0),
 lambda: _json.make_scanner(json.JSONDecoder())('[1]', 10**30), lambda: _json.make_encoder(1,2,3,4,5,6,7,8,9),
 lambda: _json.make_encoder(None, None, None, None, ':', ',', False, False, True)(object(), 0),
 lambda: _json.encode_basestring(None), lambda: _locale.setlocale(10**30), lambda: _locale.setlocale(0, b'C'),
 lambda: _locale.nl_langinfo(10**30), lambda: _locale.strxfrm(None), lambda: cmath.rect(1, 10**400), lambda: cmath.sqrt(10**400),
 lambda: cmath.log(1+1j, 0j), lambda: cmath.isclose(1, 2, rel_tol='x'), lambda: cmath.phase(None),
 lambda: _functools.partial(print, **{}), lambda: _functools.reduce(None, [1, 2]), lambda: _functools.cmp_to_key(None)(1) < _functools.cmp_to_key(None)(2),
 lambda: _functools._lru_cache_wrapper(abs, 10**30, False, None)(1), lambda: _functools._lru_cache_wrapper(abs, 1, False, None).cache_info(),
 lambda: _functools.partial.__new__(_functools.partial), lambda: _functools.partial(print).__setstate__(None),
 lambda: _operator.itemgetter(1)(None), lambda: _operator.attrgetter('a..b')(1), lambda: _operator.attrgetter('')(1),
 lambda: _operator.methodcaller('x', **{'a': 1}).__reduce__(), lambda: _operator.length_hint(None, 10**30),
 lambda: _operator.indexOf(None, 1), lambda: _operator.countOf(1, 1), lambda: _operator.concat([], None),
 lambda: _contextvars.ContextVar('a').reset(None), lambda: _contextvars.Context().run(1), lambda: _contextvars.Context().get(),
 lambda: _contextvars.copy_context().run(lambda: _contextvars.copy_context().run(lambda: 1)),
 lambda: _typing.TypeVar('T', bound=1), lambda: _typing.TypeAliasType('A', 1).__value__, lambda: _typing.TypeVar('T').__typing_prepare_subst__(1, 2),
 lambda: _typing.TypeVarTuple('T').__typing_prepare_subst__(1), lambda: _typing.ParamSpecArgs(1) == _typing.ParamSpecArgs(1),
 lambda: _typing.Generic.__class_getitem__(1), lambda: _typing.Generic.__init_subclass__(x=1), lambda: _stat.filemode(None),
 lambda: _typing.NoDefault.__class__(), lambda: list(_typing.TypeVarTuple('X')),
]
for i, f in enumerate(cases):
    try: r = f(); print(i, "ok", type(r).__name__)
    except Exception as e: print(i, type(e).__name__, str(e)[:80])
