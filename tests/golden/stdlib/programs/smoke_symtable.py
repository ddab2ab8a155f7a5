import symtable
src = '''
import os
g = 1
def outer(a, *args, k=2):
    x = a + g
    def inner():
        nonlocal x
        x += 1
        return x + len(args)
    return inner
class C:
    attr = 1
    def meth(self):
        global g
        return self.attr + g
lam = lambda y: y * 2
'''
top = symtable.symtable(src, "<smoke>", "exec")
print(top.get_type(), top.get_name(), top.get_lineno(), sorted(top.get_identifiers()), top.is_nested(), top.has_children())
for s in sorted(top.get_symbols(), key=lambda s: s.get_name()):
    print(s.get_name(), s.is_global(), s.is_local(), s.is_assigned(), s.is_imported(), s.is_referenced(), s.is_namespace())
outer = top.lookup("outer").get_namespace()
print(outer.get_type(), outer.get_parameters(), outer.get_locals(), outer.get_frees(), outer.get_globals(), outer.get_nonlocals() if hasattr(outer, "get_nonlocals") else None)
inner = outer.get_children()[0]; print(inner.get_name(), inner.get_frees(), inner.lookup("x").is_free(), inner.lookup("x").is_nonlocal(), inner.lookup("len").is_global())
c = top.lookup("C").get_namespace(); print(c.get_type(), c.get_methods() if hasattr(c, "get_methods") else None, [ch.get_name() for ch in c.get_children()])
m = c.get_children()[0]; print(m.lookup("g").is_declared_global(), m.lookup("self").is_parameter(), repr(top)[:20])
print([t.get_name() for t in top.get_children()], str(symtable.SymbolTableType.FUNCTION) if hasattr(symtable, "SymbolTableType") else None)
try:
    symtable.symtable("def f():\n  nonlocal q\n", "<bad>", "exec")
except SyntaxError as e:
    print(e)
