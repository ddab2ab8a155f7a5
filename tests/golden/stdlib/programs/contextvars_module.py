# Smoke program for contextvars over the native _contextvars module: ContextVar/Token/Context, Context.run,
# copy-on-write contexts, the mapping protocol, errors, generators (which do not switch contexts).
import contextvars
from contextvars import ContextVar, Context, Token, copy_context

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!", type(e).__name__, str(e).split(" at 0x")[0])

var = ContextVar("var", default=42)
other = ContextVar("other")
show("name/default", lambda: (var.name, var.get(), other.get("fallback")))
show("missing", lambda: other.get())
tok = var.set(1)
show("token", lambda: (tok.var is var, tok.old_value is Token.MISSING, repr(Token.MISSING), var.get()))
tok2 = var.set(2)
show("token2", lambda: (tok2.old_value, var.get()))
var.reset(tok2)
show("after reset", lambda: var.get())
show("reset twice", lambda: var.reset(tok2))
show("reset other var", lambda: other.reset(tok))
var.reset(tok)
show("reset to missing", lambda: (var.get(), var in copy_context()))

ctx = copy_context()
def work(x, *, y):
    var.set(x + y)
    other.set("in run")
    return var.get(), other.get(), len(copy_context())
show("run", lambda: ctx.run(work, 1, y=2))
show("outside", lambda: (var.get(), other.get(None)))
show("ctx view", lambda: (ctx[var], ctx.get(other), ctx.get(ContextVar("z"), "dflt"), len(ctx), var in ctx))
show("ctx iter", lambda: sorted(v.name for v in ctx))
show("ctx items", lambda: sorted((k.name, v) for k, v in ctx.items()))
show("ctx values", lambda: sorted(map(str, ctx.values())))
show("copy eq", lambda: (ctx.copy() == ctx, ctx == Context(), ctx.copy() is ctx, ctx != Context()))
show("reentry", lambda: ctx.run(ctx.run, print))
show("bad key", lambda: ctx[1])
show("bad key get", lambda: ctx.get("x"))
show("keyerror", lambda: Context()[var])
show("no args", lambda: Context(1))
show("bad name", lambda: ContextVar(3))
show("subclass", lambda: type("X", (ContextVar,), {}))
show("token new", lambda: Token())
show("generic", lambda: (ContextVar[int], Token[str]))
show("unhashable", lambda: hash(ctx))
show("module", lambda: [n for n in dir(contextvars) if not n.startswith("_")])

# Generators do not switch contexts: a set inside one is seen outside.
def gen():
    var.set("from gen")
    yield var.get()
g = gen()
show("generator", lambda: (next(g), var.get()))

# Nested runs see the enclosing context's values and restore on exit.
c1 = copy_context()
def outer():
    var.set("outer")
    c2 = copy_context()
    def inner():
        var.set("inner")
        return var.get()
    return c2.run(inner), var.get()
show("nested", lambda: (c1.run(outer), var.get()))
