# The builtins site.main() adds (exit, quit, copyright, credits, license, help): Typhon defers site, and stand-ins
# make the _sitebuiltins objects at their first use (src/runtime/sitebuiltins.ts, docs/imports.md).
import sys
print(repr(help))
print(type(help).__name__, type(help).__module__, type(copyright).__qualname__, type(license).__module__)
print(repr(credits))
print(repr(copyright) == sys.copyright)
print(type(exit), repr(exit), repr(quit))
print(help.__call__.__name__, callable(copyright), hasattr(license, 'MAXLINES'), license.MAXLINES)
print(getattr(help, 'nonexistent', 'default'))
import io, contextlib
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    help(len)
print(buf.getvalue().splitlines()[:3])
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    credits()
print(buf.getvalue())
