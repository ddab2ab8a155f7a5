# Code objects of stdlib functions that never ran: Typhon reads a module's nested code objects lazily from its
# stdlib cache (docs/imports.md), so every way to look at one must see the whole body, as CPython's does.
import dis, inspect, io, marshal, types, sys
import textwrap, colorsys, heapq, shlex, fnmatch, string, glob

# A function that never ran: its docstring, and its code object's fields.
f = colorsys.rgb_to_yiq
print(f.__doc__)
c = f.__code__
print(c.co_name, c.co_qualname, c.co_argcount, c.co_nlocals, c.co_varnames, c.co_names, c.co_consts)
print(c.co_flags, c.co_stacksize, c.co_firstlineno, c.co_cellvars, c.co_freevars, len(c.co_code))
print(len(list(c.co_lines())), len(list(c.co_positions())), len(c.co_linetable), len(c.co_exceptiontable))

# Functions with nested code (a generator expression, closures), a class body's methods.
g = textwrap.dedent
print(inspect.signature(g), g.__code__.co_varnames)
print([type(k).__name__ for k in heapq.merge.__code__.co_consts])
inner = [k for k in heapq.merge.__code__.co_consts if isinstance(k, types.CodeType)]
print([(k.co_name, k.co_varnames, k.co_freevars) for k in inner])
print(shlex.shlex.read_token.__code__.co_names[:8])
print(sorted(n for n, v in vars(string.Formatter).items() if isinstance(v, types.FunctionType)))

# dis of a function that never ran.
out = io.StringIO()
dis.dis(fnmatch.translate, file=out)
print(len(out.getvalue().splitlines()), out.getvalue().splitlines()[0])

# Equality, hash, replace, marshal and exec of such code objects.
a = glob.glob.__code__
print(a == glob.glob.__code__, hash(a) == hash(glob.glob.__code__))
b = marshal.loads(marshal.dumps(a))
print(b == a, b.co_varnames == a.co_varnames, b.co_consts == a.co_consts)
print(a.replace(co_name="renamed").co_name, a.replace().co_consts == a.co_consts)
h = types.FunctionType(colorsys.hls_to_rgb.__code__, vars(colorsys))
print(h(0.5, 0.5, 0.5))
print(colorsys.hsv_to_rgb(0.25, 0.5, 0.5))
code_of_lambda = compile("lambda x: x + 1", "<s>", "eval").co_consts[0]
print(type(code_of_lambda).__name__, code_of_lambda.co_varnames)

# Frozen modules: _imp.find_frozen's data is marshal data of the module's code object.
import _imp
for name in ["__hello__", "os", "stat"]:
    data, ispkg, origname = _imp.find_frozen(name, withdata=True)
    code = marshal.loads(data)
    print(name, ispkg, origname, code.co_name, code.co_filename, type(data).__name__)
    nested = [k.co_name for k in code.co_consts if isinstance(k, types.CodeType)]
    print(len(nested) > 0, nested[:3])
    print(_imp.get_frozen_object(name, data).co_consts == code.co_consts)
