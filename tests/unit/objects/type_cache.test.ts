// _PyType_Lookup's method cache (keyed on version tags) and the slots of new classes (type_new_set_slots), in-process:
// every kind of change that must invalidate a cached lookup, and the slot-copy helpers against the slotdefs table.
// Expected outputs are CPython 3.13's (checked with PYENV_VERSION=3.13.0 python3.13).
import "../../../src/runtime/main.js";
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Host } from "../../../src/host/host.js";
import { Py_RunMain } from "../../../src/runtime/pythonrun.js";
import { PyTypeObject } from "../../../src/objects/object.js";
import { slotdefs, copy_slot_fields, inherit_slot_fields } from "../../../src/objects/typeobject.js";

function run(src: string): string {
  let out = "", err = "";
  const dec = new TextDecoder();
  const host = {
    readFile(path: string): Uint8Array {
      if (path !== "/w/prog.py") throw Object.assign(new Error("nope"), { errno: "ENOENT" });
      return new TextEncoder().encode(src);
    },
    writeStdout: (d: Uint8Array) => { out += dec.decode(d); },
    writeStderr: (d: Uint8Array) => { err += dec.decode(d); },
    readStdin: () => new Uint8Array(),
    cwd: () => "/w",
    env: () => new Map([["PYTHONHASHSEED", "0"]]),
    timeNs: () => 0n,
    monotonicNs: () => 0n,
  } as unknown as Host;
  const status = Py_RunMain(host, { kind: "file", path: "/w/prog.py", argv: ["/w/prog.py"] });
  assert.equal(err, "");
  assert.equal(status, 0);
  return out;
}

test("a method assigned or deleted on a class or a base after cached lookups", () => {
  assert.equal(run([
    "class A:",
    "    def m(self): return 'A'",
    "class B(A): pass",
    "class C(B): pass",
    "c = C()",
    "r = [c.m() for _ in range(3)]",
    "B.m = lambda self: 'B'",
    "r.append(c.m())",
    "A.m = lambda self: 'A2'",
    "r.append(c.m())",
    "del B.m",
    "r.append(c.m())",
    "C.m = lambda self: 'C'",
    "r.append(c.m())",
    "del C.m, A.m",
    "r.append(hasattr(c, 'm'))",
    "A.__repr__ = lambda self: 'repr A'",
    "r.append(repr(c))",
    "del A.__repr__",
    "r.append(repr(c)[:13])",
    "print(r)",
  ].join("\n")), "['A', 'A', 'A', 'B', 'B', 'A2', 'C', False, 'repr A', '<__main__.C o']\n");
});

test("__bases__ assignment re-derives lookups and slots below the class", () => {
  assert.equal(run([
    "class P1:",
    "    def who(self): return 'P1'",
    "class P2:",
    "    def who(self): return 'P2'",
    "    def __len__(self): return 2",
    "class K(P1): pass",
    "class G(K): pass",
    "g = G()",
    "r = [g.who(), hasattr(g, '__len__')]",
    "K.__bases__ = (P2,)",
    "r += [g.who(), len(g)]",
    "K.__bases__ = (P1,)",
    "r += [g.who(), hasattr(g, '__len__')]",
    "print(r)",
  ].join("\n")), "['P1', False, 'P2', 2, 'P1', False]\n");
});

test("__class__ assignment and a metaclass __getattribute__", () => {
  assert.equal(run([
    "class A:",
    "    def f(self): return 'A.f'",
    "class B:",
    "    def f(self): return 'B.f'",
    "x = A()",
    "r = [x.f()]",
    "x.__class__ = B",
    "r.append(x.f())",
    "class Meta(type): pass",
    "class W(metaclass=Meta):",
    "    v = 1",
    "r += [W.v, W.v]",
    "Meta.__getattribute__ = lambda cls, name: 'meta' if name == 'v' else type.__getattribute__(cls, name)",
    "r += [W.v, W.__name__]",
    "del Meta.__getattribute__",
    "r.append(W.v)",
    "print(r)",
  ].join("\n")), "['A.f', 'B.f', 1, 1, 'meta', 'W', 1]\n");
});

test("slots of subclasses of native types, after a mixin, and from type()", () => {
  assert.equal(run([
    "class L(list): pass",
    "class Mixin: pass",
    "class I(Mixin, int): pass",
    "class IR(Mixin, int):",
    "    def __repr__(self): return 'IR'",
    "class E(ValueError): pass",
    "T = type('T', (L,), {'__getitem__': lambda self, i: i * 10})",
    "print(L([1]) + [2], [0] + L([1]), L([3]) * 2, repr(I(5)), I(5) + 1, repr(IR(5)), repr(E('y')), T([1])[4])",
  ].join("\n")), "[1, 2] [0, 1] [3, 3] 5 6 IR E('y') 40\n");
});

test("thousands of classes with the same attribute names", () => {
  assert.equal(run([
    "class Base: pass",
    "cs = [type('K%d' % i, (Base,), {'m': (lambda i: lambda self: i)(i), 'a': i}) for i in range(3000)]",
    "t = 0",
    "for _ in range(2):",
    "    for c in cs: t += c().m() + c.a",
    "cs[5].m = lambda self: -1",
    "print(t, cs[5]().m(), cs[6]().m())",
  ].join("\n")), "17994000 -1 6\n");
});

test("copy_slot_fields and inherit_slot_fields cover every slot of slotdefs", () => {
  const slots = [...new Set(slotdefs.map((s) => s.slot))];
  const src = new PyTypeObject(null, "src");
  const rec = src as unknown as Record<string, unknown>;
  for (const s of slots) rec[s] = () => s;
  const copied = new PyTypeObject(null, "copied");
  copy_slot_fields(copied, src);
  const inherited = new PyTypeObject(null, "inherited");
  inherit_slot_fields(inherited, src);
  for (const s of slots) {
    assert.equal((copied as unknown as Record<string, unknown>)[s], rec[s], s);
    // tp_hash, tp_richcompare and tp_new are inherited by their own rules.
    const expected = s === "tp_hash" || s === "tp_richcompare" || s === "tp_new" ? null : rec[s];
    assert.equal((inherited as unknown as Record<string, unknown>)[s], expected, s);
  }
});
