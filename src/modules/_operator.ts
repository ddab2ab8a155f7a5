// The _operator module (Modules/_operator.c): every operator function, attrgetter/itemgetter/methodcaller with
// CPython's reprs, pickling and messages, and _compare_digest (hmac). operator.py re-exports them and adds the dunder
// aliases. See docs/modules.md.
import {
  PyObject, PyType_Declare, PyType_FromSpecStatic, Py_TYPE, Py_None, Py_NotImplemented, Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT,
  Py_GE, METH_FASTCALL, METH_KEYWORDS, METH_O, METH_NOARGS, PyUnicode_InternFromString, PyUnicodeObject, type PyVal,
} from "../objects/object.js";
import { PyUnicode_Check, PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyBytesObject } from "../objects/bytesobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyLongObject, longValue } from "../objects/longobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError } from "../objects/exceptions.js";
import { PyObject_GetBufferData } from "../objects/memoryobject.js";
import {
  PyNumber_Add, PyNumber_Subtract, PyNumber_Multiply, PyNumber_TrueDivide, PyNumber_FloorDivide, PyNumber_Remainder,
  PyNumber_MatrixMultiply, PyNumber_Lshift, PyNumber_Rshift, PyNumber_And, PyNumber_Or, PyNumber_Xor, PyNumber_Power,
  PyNumber_InPlaceAdd, PyNumber_InPlaceSubtract, PyNumber_InPlaceMultiply, PyNumber_InPlaceTrueDivide,
  PyNumber_InPlaceFloorDivide, PyNumber_InPlaceRemainder, PyNumber_InPlaceMatrixMultiply, PyNumber_InPlaceLshift,
  PyNumber_InPlaceRshift, PyNumber_InPlaceAnd, PyNumber_InPlaceOr, PyNumber_InPlaceXor, PyNumber_InPlacePower,
  PyNumber_Negative, PyNumber_Positive, PyNumber_Invert, PyNumber_Absolute, PyNumber_Index, PyNumber_AsSsize_t,
  PyObject_RichCompare, PyObject_RichCompareBool, PyObject_IsTrue, PyObject_Not, PyObject_GetItem, PyObject_SetItem,
  PyObject_DelItem, PySequence_Contains, PyObject_GetIter, PyIter_Next, PyObject_Vectorcall, PyObject_GetAttr,
  PyObject_Repr, PyObject_LengthObject, _PyObject_LookupSpecial, PyType_IsSubtype,
} from "../objects/abstract.js";
import { PyErr_Format, Py_ReprEnter, Py_ReprLeave } from "../runtime/errors.js";
import { unpackArgs } from "../runtime/getargs.js";
import { PyImport_ImportModule } from "../runtime/import.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { PyDict_Type } from "../objects/dictobject.js";

/** _tscmp: compare without an early exit, so the time does not depend on where the inputs differ. */
function tscmp(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  let result = a.length === b.length ? 0 : 1;
  const left = a.length === b.length ? a : b;
  for (let i = 0; i < b.length; i++) result |= left[i] ^ b[i];
  return result === 0;
}

function compare_digest(_m: PyVal, args: PyVal[]): PyVal {
  const [a, b] = unpackArgs("_compare_digest", args, 2, 2);
  if (PyUnicode_Check(a!) && PyUnicode_Check(b!)) {
    if (/[^\x00-\x7f]/.test(a.value) || /[^\x00-\x7f]/.test(b.value)) {
      return PyErr_Format(PyExc_TypeError, "comparing strings with non-ASCII characters is not supported");
    }
    const ca = Array.from(a.value, (c) => c.charCodeAt(0)), cb = Array.from(b.value, (c) => c.charCodeAt(0));
    return PyBool_FromLong(tscmp(ca, cb));
  }
  // The buffer interface for everything else: "unsupported operand" only when neither side has one, otherwise
  // PyObject_GetBuffer's own error for the side that lacks it.
  const buf = (v: PyVal): ArrayLike<number> | null => {
    if (v instanceof PyBytesObject) return v.ob_bytes;
    if (PyUnicode_Check(v)) return null;
    try {
      return PyObject_GetBufferData(v);
    } catch {
      return null;
    }
  };
  const ba = buf(a!), bb = buf(b!);
  if (ba === null && bb === null) {
    return PyErr_Format(PyExc_TypeError, `unsupported operand types(s) or combination of types: '${Py_TYPE(a!).tp_name}' and '${Py_TYPE(b!).tp_name}'`);
  }
  if (ba === null) return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(a!).tp_name}'`);
  if (bb === null) return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(b!).tp_name}'`);
  return PyBool_FromLong(tscmp(ba, bb));
}


// ---- the functions ----

function args2(name: string, args: readonly PyVal[]): void {
  if (args.length !== 2) unpackArgs(name, args, 2, 2);
}

function binary(name: string, f: (a: PyVal, b: PyVal) => PyVal) {
  return (_m: PyVal, args: PyVal[]): PyVal => {
    if (args.length !== 2) args2(name, args);
    return f(args[0], args[1]);
  };
}

function compare(name: string, op: number) {
  return binary(name, (a, b) => PyObject_RichCompare(a, b, op));
}

/** PySequence_Check: a __getitem__ that is not a dict's. */
function sequenceCheck(o: PyVal): boolean {
  const t = Py_TYPE(o);
  if (PyType_IsSubtype(t, PyDict_Type)) return false;
  return t.sq_item !== null || t.sq_concat !== null || _PyObject_LookupSpecial(o, "__getitem__") !== undefined;
}

function concatError(a: PyVal): never {
  return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(a).tp_name}' object can't be concatenated`);
}

/** PySequence_Concat. */
function sequence_concat(a: PyVal, b: PyVal): PyVal {
  const f = Py_TYPE(a).sq_concat;
  if (f !== null) return f(a, b);
  if (sequenceCheck(a) && sequenceCheck(b)) return PyNumber_Add(a, b);
  return concatError(a);
}

/** PySequence_InPlaceConcat. */
function sequence_inplace_concat(a: PyVal, b: PyVal): PyVal {
  const t = Py_TYPE(a);
  if (t.sq_inplace_concat !== null) return t.sq_inplace_concat(a, b);
  if (t.sq_concat !== null) return t.sq_concat(a, b);
  if (sequenceCheck(a) && sequenceCheck(b)) return PyNumber_InPlaceAdd(a, b);
  return concatError(a);
}

/** _PySequence_IterSearch for countOf (PY_ITERSEARCH_COUNT) and indexOf (PY_ITERSEARCH_INDEX). */
function iterSearch(seq: PyVal, obj: PyVal, count: boolean): number {
  let it: PyVal;
  try {
    it = PyObject_GetIter(seq);
  } catch (e) {
    if (e instanceof PyObject && PyType_IsSubtype(Py_TYPE(e), PyExc_TypeError)) {
      return PyErr_Format(PyExc_TypeError, `argument of type '${Py_TYPE(seq).tp_name}' is not iterable`);
    }
    throw e;
  }
  let n = 0;
  for (;;) {
    const item = PyIter_Next(it);
    if (item === undefined) break;
    if (item === obj || PyObject_RichCompareBool(item, obj, Py_EQ)) {
      if (!count) return n;
      n++;
    } else if (!count) {
      n++;
    }
  }
  if (!count) return PyErr_Format(PyExc_ValueError, "sequence.index(x): x not in sequence");
  return n;
}

/** PyObject_LengthHint. */
function length_hint(_m: PyVal, args: PyVal[]): PyVal {
  const [obj, dflt] = unpackArgs("length_hint", args, 1, 2);
  let d = 0;
  if (dflt !== undefined) {
    if (typeof dflt !== "number" && !(dflt instanceof PyLongObject)) {
      return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(dflt).tp_name}' object cannot be interpreted as an integer`);
    }
    const dv = longValue(dflt);
    if (typeof dv === "bigint" || Math.abs(dv) > Number.MAX_SAFE_INTEGER) {
      return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    d = dv;
  }
  const t = Py_TYPE(obj!);
  if (t.sq_length !== null || t.mp_length !== null) {
    try {
      return PyObject_LengthObject(obj!);
    } catch (e) {
      if (!(e instanceof PyObject) || !PyType_IsSubtype(Py_TYPE(e), PyExc_TypeError)) throw e;
    }
  }
  const hint = _PyObject_LookupSpecial(obj!, "__length_hint__");
  if (hint === undefined) return d;
  let r: PyVal;
  try {
    r = PyObject_Vectorcall(hint, [], null);
  } catch (e) {
    if (e instanceof PyObject && PyType_IsSubtype(Py_TYPE(e), PyExc_TypeError)) return d;
    throw e;
  }
  if (r === Py_NotImplemented) return d;
  if (typeof r !== "number" && !(r instanceof PyLongObject)) {
    return PyErr_Format(PyExc_TypeError, `__length_hint__ must be an integer, not ${Py_TYPE(r).tp_name}`);
  }
  const n = PyNumber_AsSsize_t(r, null);
  if (n < 0) return PyErr_Format(PyExc_ValueError, "__length_hint__() should return >= 0");
  return n;
}

function unary(name: string, f: (a: PyVal) => PyVal) {
  return { name, meth: (_m: PyVal, a: PyVal) => f(a), flags: METH_O };
}

function call(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (args.length - nkw < 1) return PyErr_Format(PyExc_TypeError, `call expected at least 1 argument, got ${args.length - nkw}`);
  return PyObject_Vectorcall(args[0], args.slice(1), kwnames);
}

// ---- attrgetter, itemgetter, methodcaller ----

const attrgetter_Type = PyType_Declare("operator.attrgetter");
const itemgetter_Type = PyType_Declare("operator.itemgetter");
const methodcaller_Type = PyType_Declare("operator.methodcaller");

class AttrGetter extends PyObject {
  /** Each attribute as its dotted path, split and interned. */
  readonly attrs: readonly (readonly PyUnicodeObject[])[];
  readonly names: readonly PyUnicodeObject[];
  constructor(names: PyUnicodeObject[]) {
    super(attrgetter_Type);
    this.names = names;
    this.attrs = names.map((n) => n.value.split(".").map((p) => PyUnicode_InternFromString(p)));
  }
}

class ItemGetter extends PyObject {
  readonly items: readonly PyVal[];
  constructor(items: PyVal[]) {
    super(itemgetter_Type);
    this.items = items;
  }
}

class MethodCaller extends PyObject {
  readonly name: PyUnicodeObject;
  readonly args: readonly PyVal[];
  readonly kwnames: readonly PyVal[] | null;
  constructor(name: PyUnicodeObject, args: PyVal[], kwnames: PyVal[] | null) {
    super(methodcaller_Type);
    this.name = name;
    this.args = args;
    this.kwnames = kwnames;
  }
}

function noKw(name: string, kwnames: readonly PyVal[] | null): void {
  if (kwnames !== null && kwnames.length > 0) PyErr_Format(PyExc_TypeError, `${name}() takes no keyword arguments`);
}

function oneArg(name: string, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  noKw(name, kwnames);
  if (args.length !== 1) return PyErr_Format(PyExc_TypeError, `${name} expected 1 argument, got ${args.length}`);
  return args[0];
}

function dotted_getattr(obj: PyVal, path: readonly PyUnicodeObject[]): PyVal {
  let o = obj;
  for (const p of path) o = PyObject_GetAttr(o, p);
  return o;
}

function reprWith(self: PyObject, inner: () => string): PyUnicodeObject {
  if (!Py_ReprEnter(self)) return PyUnicode_FromString("...");
  try {
    return PyUnicode_FromString(`${Py_TYPE(self).tp_name}(${inner()})`);
  } finally {
    Py_ReprLeave(self);
  }
}

/** common_getset: an instance's __text_signature__ is "(obj, /)" (the class's comes from its doc). */
const COMMON_GETSET = [{ name: "__text_signature__", get: () => PyUnicode_FromString("(obj, /)") }];

PyType_FromSpecStatic({
  name: "operator.attrgetter",
  doc: "attrgetter(attr, /, *attrs)\n--\n\nReturn a callable object that fetches the given attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last).",
  getset: COMMON_GETSET,
  slots: {
    tp_new: (_t, args, kwnames) => {
      noKw("attrgetter", kwnames);
      if (args.length < 1) return PyErr_Format(PyExc_TypeError, "attrgetter expected 1 argument, got 0");
      const names: PyUnicodeObject[] = [];
      for (const a of args) {
        if (!PyUnicode_Check(a)) return PyErr_Format(PyExc_TypeError, "attribute name must be a string");
        names.push(a);
      }
      return new AttrGetter(names);
    },
    tp_call: (s, args, kwnames) => {
      const obj = oneArg("attrgetter", args, kwnames);
      const ag = s as AttrGetter;
      if (ag.attrs.length === 1) return dotted_getattr(obj, ag.attrs[0]);
      return PyTuple_New(ag.attrs.map((p) => dotted_getattr(obj, p)));
    },
    tp_repr: (s) => reprWith(s as AttrGetter, () => (s as AttrGetter).names.map((n) => PyObject_Repr(n).value).join(", ")),
  },
  methods: [{ name: "__reduce__", meth: (s: PyVal) => PyTuple_New([Py_TYPE(s), PyTuple_New((s as AttrGetter).names.slice())]),
    flags: METH_NOARGS, doc: "Return state information for pickling" }],
}, attrgetter_Type);

PyType_FromSpecStatic({
  name: "operator.itemgetter",
  doc: "itemgetter(item, /, *items)\n--\n\nReturn a callable object that fetches the given item(s) from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])",
  getset: COMMON_GETSET,
  slots: {
    tp_new: (_t, args, kwnames) => {
      noKw("itemgetter", kwnames);
      if (args.length < 1) return PyErr_Format(PyExc_TypeError, "itemgetter expected 1 argument, got 0");
      return new ItemGetter(args.slice());
    },
    tp_call: (s, args, kwnames) => {
      const obj = oneArg("itemgetter", args, kwnames);
      const items = (s as ItemGetter).items;
      if (items.length === 1) return PyObject_GetItem(obj, items[0]);
      return PyTuple_New(items.map((i) => PyObject_GetItem(obj, i)));
    },
    tp_repr: (s) => reprWith(s as ItemGetter, () => (s as ItemGetter).items.map((n) => PyObject_Repr(n).value).join(", ")),
  },
  methods: [{ name: "__reduce__", meth: (s: PyVal) => PyTuple_New([Py_TYPE(s), PyTuple_New((s as ItemGetter).items.slice())]),
    flags: METH_NOARGS, doc: "Return state information for pickling" }],
}, itemgetter_Type);

PyType_FromSpecStatic({
  name: "operator.methodcaller",
  doc: "methodcaller(name, /, *args, **kwargs)\n--\n\nReturn a callable object that calls the given method on its operand.\nAfter f = methodcaller('name'), the call f(r) returns r.name().\nAfter g = methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1).",
  getset: COMMON_GETSET,
  slots: {
    tp_new: (_t, args, kwnames) => {
      const nkw = kwnames === null ? 0 : kwnames.length;
      if (args.length - nkw < 1) return PyErr_Format(PyExc_TypeError, "methodcaller needs at least one argument, the method name");
      const name = args[0];
      if (!PyUnicode_Check(name)) return PyErr_Format(PyExc_TypeError, "method name must be a string");
      return new MethodCaller(PyUnicode_InternFromString(name.value), args.slice(1), nkw === 0 ? null : kwnames!.slice());
    },
    tp_call: (s, args, kwnames) => {
      const obj = oneArg("methodcaller", args, kwnames);
      const mc = s as MethodCaller;
      return PyObject_Vectorcall(PyObject_GetAttr(obj, mc.name), mc.args, mc.kwnames);
    },
    tp_repr: (s) => reprWith(s as MethodCaller, () => {
      const mc = s as MethodCaller;
      const nkw = mc.kwnames === null ? 0 : mc.kwnames.length;
      const npos = mc.args.length - nkw;
      const parts = [PyObject_Repr(mc.name).value];
      for (let i = 0; i < npos; i++) parts.push(PyObject_Repr(mc.args[i]).value);
      for (let k = 0; k < nkw; k++) parts.push(`${(mc.kwnames![k] as PyUnicodeObject).value}=${PyObject_Repr(mc.args[npos + k]).value}`);
      return parts.join(", ");
    }),
  },
  methods: [{ name: "__reduce__", meth: (s: PyVal) => {
    const mc = s as MethodCaller;
    const nkw = mc.kwnames === null ? 0 : mc.kwnames.length;
    const npos = mc.args.length - nkw;
    if (nkw === 0) return PyTuple_New([Py_TYPE(mc), PyTuple_New([mc.name, ...mc.args])]);
    // With keywords: partial(type(self), name, **kwargs), args (methodcaller_reduce).
    const partial = PyObject_GetAttr(PyImport_ImportModule("functools"), PyUnicode_InternFromString("partial"));
    const ctor = PyObject_Vectorcall(partial, [Py_TYPE(mc), mc.name, ...mc.args.slice(npos)], mc.kwnames);
    return PyTuple_New([ctor, PyTuple_New(mc.args.slice(0, npos))]);
  }, flags: METH_NOARGS, doc: "Return state information for pickling" }],
}, methodcaller_Type);

/** The docstring (CPython's carries the text signature, which Typhon's builtins do not expose yet). */
function doc(name: string, sig: string, text: string): string {
  void name; void sig;
  return text;
}

const AB = "$module, a, b, /";
const BINARY: readonly [string, (a: PyVal, b: PyVal) => PyVal, string][] = [
  ["add", PyNumber_Add, "Same as a + b."], ["sub", PyNumber_Subtract, "Same as a - b."],
  ["mul", PyNumber_Multiply, "Same as a * b."], ["matmul", PyNumber_MatrixMultiply, "Same as a @ b."],
  ["floordiv", PyNumber_FloorDivide, "Same as a // b."], ["truediv", PyNumber_TrueDivide, "Same as a / b."],
  ["mod", PyNumber_Remainder, "Same as a % b."], ["lshift", PyNumber_Lshift, "Same as a << b."],
  ["rshift", PyNumber_Rshift, "Same as a >> b."], ["and_", PyNumber_And, "Same as a & b."],
  ["xor", PyNumber_Xor, "Same as a ^ b."], ["or_", PyNumber_Or, "Same as a | b."],
  ["pow", (a, b) => PyNumber_Power(a, b, Py_None), "Same as a ** b."],
  ["iadd", PyNumber_InPlaceAdd, "Same as a += b."], ["isub", PyNumber_InPlaceSubtract, "Same as a -= b."],
  ["imul", PyNumber_InPlaceMultiply, "Same as a *= b."], ["imatmul", PyNumber_InPlaceMatrixMultiply, "Same as a @= b."],
  ["ifloordiv", PyNumber_InPlaceFloorDivide, "Same as a //= b."], ["itruediv", PyNumber_InPlaceTrueDivide, "Same as a /= b."],
  ["imod", PyNumber_InPlaceRemainder, "Same as a %= b."], ["ilshift", PyNumber_InPlaceLshift, "Same as a <<= b."],
  ["irshift", PyNumber_InPlaceRshift, "Same as a >>= b."], ["iand", PyNumber_InPlaceAnd, "Same as a &= b."],
  ["ixor", PyNumber_InPlaceXor, "Same as a ^= b."], ["ior", PyNumber_InPlaceOr, "Same as a |= b."],
  ["ipow", (a, b) => PyNumber_InPlacePower(a, b, Py_None), "Same as a **= b."],
  ["concat", sequence_concat, "Same as a + b, for a and b sequences."],
  ["iconcat", sequence_inplace_concat, "Same as a += b, for a and b sequences."],
  ["getitem", PyObject_GetItem, "Same as a[b]."],
  ["delitem", (a, b) => { PyObject_DelItem(a, b); return Py_None; }, "Same as del a[b]."],
  ["contains", (a, b) => PyBool_FromLong(PySequence_Contains(a, b)), "Same as b in a (note reversed operands)."],
  ["countOf", (a, b) => iterSearch(a, b, true), "Return the number of items in a which are, or which equal, b."],
  ["indexOf", (a, b) => iterSearch(a, b, false), "Return the first index of b in a."],
  ["is_", (a, b) => PyBool_FromLong(a === b), "Same as a is b."],
  ["is_not", (a, b) => PyBool_FromLong(a !== b), "Same as a is not b."],
];
const COMPARE: readonly [string, number, string][] = [
  ["lt", Py_LT, "<"], ["le", Py_LE, "<="], ["eq", Py_EQ, "=="], ["ne", Py_NE, "!="], ["gt", Py_GT, ">"], ["ge", Py_GE, ">="],
];
const UNARY: readonly [string, (a: PyVal) => PyVal, string][] = [
  ["abs", PyNumber_Absolute, "Same as abs(a)."], ["neg", PyNumber_Negative, "Same as -a."],
  ["pos", PyNumber_Positive, "Same as +a."], ["inv", PyNumber_Invert, "Same as ~a."],
  ["invert", PyNumber_Invert, "Same as ~a."], ["index", PyNumber_Index, "Same as a.__index__()"],
  ["not_", (a) => PyBool_FromLong(PyObject_Not(a)), "Same as not a."],
  ["truth", (a) => PyBool_FromLong(PyObject_IsTrue(a)), "Return True if a is true, False otherwise."],
];

export const operatormodule: PyModuleDef = {
  m_name: "_operator",
  m_doc: "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.",
  m_methods: [
    ...BINARY.map(([name, f, text]) => ({ name, meth: binary(name, f), flags: METH_FASTCALL, doc: doc(name, AB, text) })),
    ...COMPARE.map(([name, op, sym]) => ({ name, meth: compare(name, op), flags: METH_FASTCALL, doc: doc(name, AB, `Same as a ${sym} b.`) })),
    ...UNARY.map(([name, f, text]) => ({ ...unary(name, f), doc: doc(name, "$module, a, /", text) })),
    { name: "setitem", meth: (_m: PyVal, args: PyVal[]) => {
      if (args.length !== 3) unpackArgs("setitem", args, 3, 3);
      PyObject_SetItem(args[0], args[1], args[2]);
      return Py_None;
    }, flags: METH_FASTCALL, doc: doc("setitem", "$module, a, b, c, /", "Same as a[b] = c.") },
    { name: "length_hint", meth: length_hint, flags: METH_FASTCALL, doc: doc("length_hint", "$module, obj, default=0, /",
      "Return an estimate of the number of items in obj.\n\nThis is useful for presizing containers when building from an iterable.\n\nIf the object supports len(), the result will be exact.\nOtherwise, it may over- or under-estimate by an arbitrary amount.\nThe result will be an integer >= 0.") },
    { name: "call", meth: call, flags: METH_FASTCALL | METH_KEYWORDS, doc: doc("call", "$module, obj, /, *args, **kwargs", "Same as obj(*args, **kwargs).") },
    { name: "_compare_digest", meth: compare_digest, flags: METH_FASTCALL, doc: doc("_compare_digest", AB,
      "Return 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, making it appropriate for cryptography.\n\na and b must both be of the same type: either str (ASCII only),\nor any bytes-like object.\n\nNote: If a and b are of different lengths, or if an error occurs,\na timing attack could theoretically reveal information about the\ntypes and lengths of a and b--but not their values.") },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "attrgetter", attrgetter_Type);
    PyModule_Add(m, "itemgetter", itemgetter_Type);
    PyModule_Add(m, "methodcaller", methodcaller_Type);
  },
};
