// The abstract object protocols (Objects/abstract.c, Objects/object.c, Objects/call.c): attribute access, calls,
// the number protocol with reflected and in-place operands, rich comparison, hashing, truth, iteration, repr/str,
// items. Everything above the type slots goes through here. See docs/objects.md.
import { prependArg } from "../runtime/getargs.js";
import {
  PyType_Type,
  PyObject, PyTypeObject, PyUnicodeObject, PyUnicode_Type, PyLong_Type, Py_None, Py_NotImplemented, Py_TYPE,
  Py_HashHi, Py_EQ, Py_NE, _Py_SwappedOp, opstrings, PyUnicode_InternFromString, hasFlag, Py_TPFLAGS_TYPE_SUBCLASS,
  Py_TPFLAGS_TUPLE_SUBCLASS, Py_TPFLAGS_LIST_SUBCLASS, type PyVal, type binaryfunc, type ternaryfunc,
} from "./object.js";
import { PyErr_Format, PyErr_SetObject, Py_EnterRecursiveCall, Py_LeaveRecursiveCall, _PyErr_CreateException, _PyErr_ChainContext } from "../runtime/errors.js";
import {
  PyExc_TypeError, PyExc_AttributeError, PyExc_IndexError, PyExc_OverflowError, PyExc_SystemError, PyExc_MemoryError,
  PyAttributeErrorObject, PyBaseExceptionObject, PyExc_StopIteration,
} from "./exceptions.js";
import { _nb_ops } from "../opcode/opcode_metadata.js";
import { PyComplex_Check } from "./complexobject.js";
import type { PyTupleObject } from "./tupleobject.js";
import type { PyListObject } from "./listobject.js";
import { longValue } from "./longobject.js";

// Late-bound constructors (set by pylifecycle at start-up) so this module has no evaluation-time cycles.
export const hooks = {
  /** types.GenericAlias(origin, args), installed by the import system (genericaliasobject.ts). */
  genericAlias: null as ((origin: PyVal, args: PyVal) => PyVal) | null,
  /** PyErr_WarnEx(category, message, stacklevel), installed by Py_RunMain (pythonrun.ts; objects/ cannot import _warnings.ts: a cycle). */
  warn: (category: PyTypeObject, message: string, stacklevel: number): void => { void category; void message; void stacklevel; },
  tuple: (items: PyVal[]): PyTupleObject => { void items; throw new Error("hooks.tuple"); },
  list: (items: PyVal[]): PyListObject => { void items; throw new Error("hooks.list"); },
  str: (s: string): PyUnicodeObject => new PyUnicodeObject(s),
  bool: (b: boolean): PyObject => { void b; throw new Error("hooks.bool"); },
  seqIter: (seq: PyVal): PyVal => { void seq; throw new Error("hooks.seqIter"); },
  typeLookup: (t: PyTypeObject, name: PyUnicodeObject): PyVal | null => { void t; void name; return null; },
  isSubtype: (a: PyTypeObject, b: PyTypeObject): boolean => a === b || a.mro.includes(b),
  asciiRepr: (s: string): string => s,
  /** PySys_Auditing / PySys_Audit (src/runtime/sysmodule.ts installs them; objects/ cannot import it: a cycle). */
  auditing: (): boolean => false,
  audit: (event: string, args: readonly PyVal[]): void => { void event; void args; },
};

// ---- attributes ----

/** getattr(o, name). */
export function PyObject_GetAttr(o: PyVal, name: PyUnicodeObject): PyVal {
  const t = Py_TYPE(o);
  const f = t.tp_getattro;
  if (f === null) {
    return PyErr_Format(PyExc_AttributeError, `'${t.tp_name}' object has no attribute '${name.value}'`);
  }
  return f(o, name, false)!;
}

/** getattr(o, name, <missing>): undefined when the attribute does not exist (AttributeError suppressed). */
export function _PyObject_LookupAttr(o: PyVal, name: PyUnicodeObject): PyVal | undefined {
  const t = Py_TYPE(o);
  const f = t.tp_getattro;
  if (f === null) return undefined;
  try {
    return f(o, name, true);
  } catch (e) {
    // PyObject_GetOptionalAttr: an AttributeError raised anywhere below (a descriptor's getter, __getattr__)
    // also means "absent".
    if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_AttributeError)) return undefined;
    throw e;
  }
}

/** Convenience: attribute by JS string. */
export function PyObject_GetAttrStr(o: PyVal, name: string, suppress = false): PyVal | undefined {
  const n = PyUnicode_InternFromString(name);
  return suppress ? _PyObject_LookupAttr(o, n) : PyObject_GetAttr(o, n);
}

export function PyObject_HasAttr(o: PyVal, name: PyUnicodeObject): boolean {
  return _PyObject_LookupAttr(o, name) !== undefined;
}

export function PyObject_SetAttr(o: PyVal, name: PyUnicodeObject, v: PyVal | null): void {
  const t = Py_TYPE(o);
  const f = t.tp_setattro;
  if (f === null) {
    const has = t.tp_getattro !== null;
    if (v === null) {
      PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object has ${has ? "only read-only attributes" : "no attributes"} (del .${name.value})`);
    }
    PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object has ${has ? "only read-only attributes" : "no attributes"} (assign to .${name.value})`);
  }
  f(o, name, v);
}

/** Raise AttributeError with .name and .obj set (for "Did you mean" suggestions in tracebacks). */
export function raiseAttributeError(o: PyVal, name: PyUnicodeObject, msg: string): never {
  const e = _PyErr_CreateException(PyExc_AttributeError, [hooks.str(msg)]) as PyAttributeErrorObject;
  e.name = name;
  e.obj = o;
  _PyErr_ChainContext(e);
  throw e;
}

/** Look up a special method on the type (not the instance) and bind it (_PyObject_LookupSpecial). */
export function _PyObject_LookupSpecial(o: PyVal, name: string): PyVal | undefined {
  const t = Py_TYPE(o);
  const res = hooks.typeLookup(t, PyUnicode_InternFromString(name));
  if (res === null) return undefined;
  const f = Py_TYPE(res).tp_descr_get;
  return f === null ? res : f(res, o, t);
}

// ---- calls ----

/** Vectorcall: args are positional then keyword values; kwnames the keyword names (str objects). */
export function PyObject_Vectorcall(callable: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const t = Py_TYPE(callable);
  const f = t.tp_call;
  if (f === null) return PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object is not callable`);
  return f(callable, args, kwnames);
}

export const PyObject_Call = PyObject_Vectorcall;

export function PyObject_CallNoArgs(f: PyVal): PyVal {
  return PyObject_Vectorcall(f, [], null);
}

export function PyObject_CallOneArg(f: PyVal, a: PyVal): PyVal {
  return PyObject_Vectorcall(f, [a], null);
}

/** Call f(*args, **kwargs) from a tuple and an optional dict (CALL_FUNCTION_EX, PyObject_Call in C). */
export function PyObject_CallTupleDict(f: PyVal, args: readonly PyVal[], kwargs: Map<PyUnicodeObject, PyVal> | null): PyVal {
  if (kwargs === null || kwargs.size === 0) return PyObject_Vectorcall(f, args, null);
  const all = args.slice();
  const names: PyVal[] = [];
  for (const [k, v] of kwargs) { names.push(k); all.push(v); }
  return PyObject_Vectorcall(f, all, names);
}

/** o.name(*args) (PyObject_CallMethod / VectorcallMethod). */
export function PyObject_CallMethod(o: PyVal, name: string, args: readonly PyVal[], kwnames: readonly PyVal[] | null = null): PyVal {
  return PyObject_Vectorcall(PyObject_GetAttr(o, PyUnicode_InternFromString(name)), args, kwnames);
}

/** Call a special method found on the type with self prepended (vectorcall_method / call_method). */
export function callSpecial(o: PyVal, name: string, args: readonly PyVal[]): PyVal | undefined {
  const t = Py_TYPE(o);
  const res = hooks.typeLookup(t, PyUnicode_InternFromString(name));
  if (res === null) return undefined;
  const rt = Py_TYPE(res);
  if (isPlainFunction(rt)) return PyObject_Vectorcall(res, prependArg(o, args), null);
  const f = rt.tp_descr_get;
  const bound = f === null ? res : f(res, o, t);
  return PyObject_Vectorcall(bound, args, null);
}

/** Types whose __get__ just binds self (functions and method descriptors): callers may prepend self instead. */
export let isPlainFunction: (t: PyTypeObject) => boolean = () => false;
export function _PyAbstract_InstallIsPlainFunction(f: (t: PyTypeObject) => boolean): void {
  isPlainFunction = f;
}

// ---- truth, hash, compare ----

export function PyObject_IsTrue(v: PyVal): boolean {
  if (typeof v === "number") return v !== 0;
  if (v === Py_None) return false;
  const t = v.ob_type;
  if (t.nb_bool !== null) return t.nb_bool(v);
  if (t.mp_length !== null) return t.mp_length(v) !== 0;
  if (t.sq_length !== null) return t.sq_length(v) !== 0;
  return true;
}

export function PyObject_Not(v: PyVal): boolean {
  return !PyObject_IsTrue(v);
}

/** hash(v): returns the low 32 bits and sets Py_HashHi[0] (see hashfunc in object.ts). */
export function PyObject_Hash(v: PyVal): number {
  if (typeof v === "number") {
    const h = v === -1 ? -2 : v;
    Py_HashHi[0] = Math.floor(h / 4294967296) | 0;
    return h | 0;
  }
  const t = v.ob_type;
  const f = t.tp_hash;
  if (f === null) return PyObject_HashNotImplemented(v);
  return f(v);
}

export function PyObject_HashNotImplemented(v: PyVal): never {
  return PyErr_Format(PyExc_TypeError, `unhashable type: '${Py_TYPE(v).tp_name}'`);
}

export function PyType_IsSubtype(a: PyTypeObject, b: PyTypeObject): boolean {
  if (a === b) return true;
  const mro = a.mro;
  if (mro.length === 0) {
    // Not yet readied: walk tp_base.
    for (let t: PyTypeObject | null = a; t !== null; t = t.tp_base) if (t === b) return true;
    return b.tp_name === "object";
  }
  for (let i = 0; i < mro.length; i++) if (mro[i] === b) return true;
  return false;
}

export function do_richcompare(v: PyVal, w: PyVal, op: number): PyVal {
  const vt = Py_TYPE(v), wt = Py_TYPE(w);
  let checkedReverse = false;
  if (vt !== wt && wt.tp_richcompare !== null && PyType_IsSubtype(wt, vt)) {
    checkedReverse = true;
    const r = wt.tp_richcompare(w, v, _Py_SwappedOp[op]);
    if (r !== Py_NotImplemented) return r;
  }
  if (vt.tp_richcompare !== null) {
    const r = vt.tp_richcompare(v, w, op);
    if (r !== Py_NotImplemented) return r;
  }
  if (!checkedReverse && wt.tp_richcompare !== null) {
    const r = wt.tp_richcompare(w, v, _Py_SwappedOp[op]);
    if (r !== Py_NotImplemented) return r;
  }
  if (op === Py_EQ) return hooks.bool(v === w);
  if (op === Py_NE) return hooks.bool(v !== w);
  return PyErr_Format(PyExc_TypeError,
    `'${opstrings[op]}' not supported between instances of '${vt.tp_name}' and '${wt.tp_name}'`);
}

export function PyObject_RichCompare(v: PyVal, w: PyVal, op: number): PyVal {
  if (typeof v === "number" && typeof w === "number") {
    switch (op) {
      case 0: return hooks.bool(v < w);
      case 1: return hooks.bool(v <= w);
      case 2: return hooks.bool(v === w);
      case 3: return hooks.bool(v !== w);
      case 4: return hooks.bool(v > w);
      default: return hooks.bool(v >= w);
    }
  }
  Py_EnterRecursiveCall(" in comparison");
  try {
    return do_richcompare(v, w, op);
  } finally {
    Py_LeaveRecursiveCall();
  }
}

export function PyObject_RichCompareBool(v: PyVal, w: PyVal, op: number): boolean {
  if (v === w) {
    if (op === Py_EQ) return true;
    if (op === Py_NE) return false;
  }
  if (typeof v === "number" && typeof w === "number") {
    switch (op) {
      case 0: return v < w;
      case 1: return v <= w;
      case 2: return v === w;
      case 3: return v !== w;
      case 4: return v > w;
      default: return v >= w;
    }
  }
  if (typeof v !== "number" && typeof w !== "number" && v.ob_type === PyUnicode_Type && w.ob_type === PyUnicode_Type &&
    (op === Py_EQ || op === Py_NE)) {
    return ((v as PyUnicodeObject).value === (w as PyUnicodeObject).value) === (op === Py_EQ);
  }
  const r = PyObject_RichCompare(v, w, op);
  if (typeof r !== "number" && (r as PyObject).ob_type.tp_name === "bool") return longValue(r) === 1;
  return PyObject_IsTrue(r);
}

// ---- repr / str ----

export function PyObject_Repr(v: PyVal): PyUnicodeObject {
  const t = Py_TYPE(v);
  if (typeof v === "number") return hooks.str(String(v));
  const f = t.tp_repr;
  if (f === null) return hooks.str(`<${t.tp_name} object>`);
  Py_EnterRecursiveCall(" while getting the repr of an object");
  try {
    const r = f(v);
    if (!(r instanceof PyUnicodeObject)) {
      return PyErr_Format(PyExc_TypeError, `__repr__ returned non-string (type ${Py_TYPE(r).tp_name})`);
    }
    return r;
  } finally {
    Py_LeaveRecursiveCall();
  }
}

export function PyObject_Str(v: PyVal): PyUnicodeObject {
  if (typeof v === "number") return hooks.str(String(v));
  if (v.ob_type === PyUnicode_Type) return v as PyUnicodeObject;
  const t = v.ob_type;
  const f = t.tp_str ?? t.tp_repr;
  if (f === null) return PyObject_Repr(v);
  Py_EnterRecursiveCall(" while getting the str of an object");
  try {
    const r = f(v);
    if (!(r instanceof PyUnicodeObject)) {
      return PyErr_Format(PyExc_TypeError, `__str__ returned non-string (type ${Py_TYPE(r).tp_name})`);
    }
    return r;
  } finally {
    Py_LeaveRecursiveCall();
  }
}

export function PyObject_ASCII(v: PyVal): PyUnicodeObject {
  const r = PyObject_Repr(v).value;
  let out = "";
  for (const ch of r) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x100) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x10000) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return hooks.str(out);
}

/** format(obj, spec) (PyObject_Format). */
export function PyObject_Format(obj: PyVal, spec: PyUnicodeObject): PyUnicodeObject {
  if (spec.value.length === 0) {
    if (typeof obj === "number") return hooks.str(String(obj));
    if (obj.ob_type === PyUnicode_Type) return obj as PyUnicodeObject;
    if (obj.ob_type === PyLong_Type) return PyObject_Str(obj);
  }
  const meth = _PyObject_LookupSpecial(obj, "__format__");
  if (meth === undefined) {
    return PyErr_Format(PyExc_TypeError, `Type ${Py_TYPE(obj).tp_name} doesn't define __format__`);
  }
  const r = PyObject_CallOneArg(meth, spec);
  if (!(r instanceof PyUnicodeObject)) {
    return PyErr_Format(PyExc_TypeError, `__format__ must return a str, not ${Py_TYPE(r).tp_name}`);
  }
  return r;
}

// ---- iteration ----

export function PyObject_GetIter(o: PyVal): PyVal {
  const t = Py_TYPE(o);
  const f = t.tp_iter;
  if (f === null) {
    if (t.mp_subscript !== null && typeof o !== "number" && !hasFlag(t, 1 << 29) && sequenceLike(t)) return hooks.seqIter(o);
    return PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object is not iterable`);
  }
  const it = f(o);
  if (!PyIter_Check(it)) {
    return PyErr_Format(PyExc_TypeError, `iter() returned non-iterator of type '${Py_TYPE(it).tp_name}'`);
  }
  return it;
}

/** The tp_iternext of a class whose __next__ was deleted (update_one_slot's _PyObject_NextNotImplemented): not an
 *  iterator for PyIter_Check, and a TypeError if called anyway (a loop already running over it). */
export function _PyObject_NextNotImplemented(self: PyVal): PyVal | undefined {
  return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(self).tp_name}' object is not iterable`);
}

/** A type counts as a sequence for iteration when it defines __getitem__ (PySequence_Check). */
export let sequenceLike: (t: PyTypeObject) => boolean = () => true;
export function _PyAbstract_InstallSequenceLike(f: (t: PyTypeObject) => boolean): void {
  sequenceLike = f;
}

/** next(it): the item, or undefined at exhaustion. */
export function PyIter_Next(it: PyVal): PyVal | undefined {
  const f = Py_TYPE(it).tp_iternext;
  if (f === null) return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(it).tp_name}' object is not an iterator`);
  return f(it);
}

export function PyIter_Check(o: PyVal): boolean {
  const f = Py_TYPE(o).tp_iternext;
  return f !== null && f !== _PyObject_NextNotImplemented;
}

/** True when e is a StopIteration (the protocol uses it only at Python boundaries). */
export function isStopIteration(e: unknown): e is PyBaseExceptionObject {
  return e instanceof PyBaseExceptionObject && PyType_IsSubtype(e.ob_type, PyExc_StopIteration);
}

// ---- items ----

export function PyObject_GetItem(o: PyVal, key: PyVal): PyVal {
  const t = Py_TYPE(o);
  if (t.mp_subscript !== null) return t.mp_subscript(o, key);
  if (t.sq_item !== null) {
    if (typeof key === "number") return t.sq_item(o, key < 0 && t.sq_length !== null ? key + t.sq_length(o) : key);
    if (Py_TYPE(key).nb_index !== null) return PyObject_GetItem(o, PyNumber_Index(key));
    return PyErr_Format(PyExc_TypeError, `sequence index must be integer, not '${Py_TYPE(key).tp_name}'`);
  }
  if (typeof o !== "number" && hasFlag(t, Py_TPFLAGS_TYPE_SUBCLASS)) {
    // type[int] is a GenericAlias although type has no __class_getitem__ (PyObject_GetItem's special case).
    if (o === PyType_Type && hooks.genericAlias !== null) return hooks.genericAlias(o, key);
    const meth = _PyObject_LookupAttr(o, PyUnicode_InternFromString("__class_getitem__"));
    if (meth !== undefined) return PyObject_CallOneArg(meth, key);
    return PyErr_Format(PyExc_TypeError, `type '${(o as PyTypeObject).tp_name}' is not subscriptable`);
  }
  return PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object is not subscriptable`);
}

export function PyObject_SetItem(o: PyVal, key: PyVal, v: PyVal): void {
  const t = Py_TYPE(o);
  if (t.mp_ass_subscript !== null) { t.mp_ass_subscript(o, key, v); return; }
  if (t.sq_ass_item !== null && typeof key === "number") { t.sq_ass_item(o, key, v); return; }
  PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object does not support item assignment`);
}

export function PyObject_DelItem(o: PyVal, key: PyVal): void {
  const t = Py_TYPE(o);
  if (t.mp_ass_subscript !== null) { t.mp_ass_subscript(o, key, null); return; }
  if (t.sq_ass_item !== null && typeof key === "number") { t.sq_ass_item(o, key, null); return; }
  PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object doesn't support item deletion`);
}

export function PyObject_Size(o: PyVal): number {
  const t = Py_TYPE(o);
  if (t.sq_length !== null) return t.sq_length(o);
  if (t.mp_length !== null) return t.mp_length(o);
  return PyErr_Format(PyExc_TypeError, `object of type '${t.tp_name}' has no len()`);
}

/** Length functions whose value can exceed what a JS number holds exactly (2**53) while a Py_ssize_t holds it (up to
 *  sys.maxsize, 2**63 - 1): a range's, a Python __len__'s. Their number form is then approximate (its truth is
 *  right), and this form gives the exact int. */
interface ExactLengthFunction {
  (o: PyVal): number;
  /** The exact form, kept on the length function itself (a property load, not a map lookup, per len()). */
  exactLength?: (o: PyVal) => PyVal;
}
export function _PyObject_RegisterExactLength(f: (o: PyVal) => number, exact: (o: PyVal) => PyVal): void {
  (f as ExactLengthFunction).exactLength = exact;
}

/** len(o) as a Python int, exact up to sys.maxsize (builtin len, __len__ wrappers, operator.length_hint). */
export function PyObject_LengthObject(o: PyVal): PyVal {
  const t = Py_TYPE(o);
  const f: ExactLengthFunction | null = t.sq_length ?? t.mp_length;
  if (f === null) return PyErr_Format(PyExc_TypeError, `object of type '${t.tp_name}' has no len()`);
  const exact = f.exactLength;
  return exact !== undefined ? exact(o) : f(o);
}

/** A length function's value as a Python int (the `__len__` slot wrapper). */
export function _PyObject_CallLength(f: ExactLengthFunction, o: PyVal): PyVal {
  const exact = f.exactLength;
  return exact !== undefined ? exact(o) : f(o);
}

export function PySequence_Contains(seq: PyVal, v: PyVal): boolean {
  const t = Py_TYPE(seq);
  if (t.sq_contains !== null) return t.sq_contains(seq, v);
  // _PySequence_IterSearch: a TypeError from the iterator is replaced by CPython's "argument of type" message.
  let it: PyVal;
  try {
    it = PyObject_GetIter(seq);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject && e.ob_type === PyExc_TypeError) {
      return PyErr_Format(PyExc_TypeError, `argument of type '${t.tp_name}' is not iterable`);
    }
    throw e;
  }
  for (let x = PyIter_Next(it); x !== undefined; x = PyIter_Next(it)) {
    if (x === v || PyObject_RichCompareBool(x, v, Py_EQ)) return true;
  }
  return false;
}

/** The items of any iterable as a fresh JS array (PySequence_List's content). */
export function PySequence_List(o: PyVal, errmsg?: string): PyVal[] {
  if (typeof o !== "number" && (hasFlag(o.ob_type, Py_TPFLAGS_LIST_SUBCLASS) || hasFlag(o.ob_type, Py_TPFLAGS_TUPLE_SUBCLASS)) &&
    (o.ob_type.tp_iter === null || o.ob_type.tp_name === "list" || o.ob_type.tp_name === "tuple")) {
    return (o as PyListObject).ob_item.slice();
  }
  let it: PyVal;
  try {
    it = PyObject_GetIter(o);
  } catch (e) {
    if (errmsg !== undefined && e instanceof PyBaseExceptionObject && e.ob_type === PyExc_TypeError) {
      return PyErr_Format(PyExc_TypeError, errmsg);
    }
    throw e;
  }
  const out: PyVal[] = [];
  const next = Py_TYPE(it).tp_iternext!;
  for (let x = next(it); x !== undefined; x = next(it)) {
    // A list past src/objects/listobject.ts's PY_LIST_MAX_ITEMS: MemoryError before V8 aborts on the growth.
    if (out.length >= 80_000_000) return PyErr_SetObject(PyExc_MemoryError, null);
    out.push(x);
  }
  return out;
}

/** Items of a list/tuple without copying, else a fresh array (PySequence_Fast). */
export function PySequence_Fast(o: PyVal, errmsg: string): PyVal[] {
  if (typeof o !== "number" && (o.ob_type.tp_name === "list" || o.ob_type.tp_name === "tuple")) {
    return (o as PyListObject).ob_item;
  }
  return PySequence_List(o, errmsg || undefined);
}

export function PySequence_Tuple(o: PyVal): PyTupleObject {
  if (typeof o !== "number" && o.ob_type.tp_name === "tuple") return o as PyTupleObject;
  return hooks.tuple(PySequence_List(o));
}

// ---- numbers ----

/** PyNumber_Check: an object that can be converted to a number (has __index__, __int__ or __float__, or is complex). */
export function PyNumber_Check(v: PyVal): boolean {
  if (typeof v === "number") return true;
  const t = Py_TYPE(v);
  return t.nb_index !== null || t.nb_int !== null || t.nb_float !== null || PyComplex_Check(v);
}

export function PyNumber_Index(v: PyVal): PyVal {
  if (typeof v === "number") return v;
  const t = v.ob_type;
  if (t === PyLong_Type) return v;
  if (t.nb_index === null) {
    return PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object cannot be interpreted as an integer`);
  }
  const r = t.nb_index(v);
  if (typeof r === "number" || r.ob_type === PyLong_Type) return r;
  if (!(r.ob_type.tp_flags & (1 << 24))) {
    return PyErr_Format(PyExc_TypeError, `__index__ returned non-int (type ${Py_TYPE(r).tp_name})`);
  }
  const x = longValue(r);
  return typeof x === "number" ? x : r;
}

/** An index as a JS number; values beyond ±(2^53-1) raise `err` (OverflowError or IndexError) or clamp (null). */
export function PyNumber_AsSsize_t(v: PyVal, err: PyTypeObject | null): number {
  const i = longValue(PyNumber_Index(v));
  if (typeof i === "number") return i;
  // Py_ssize_t is 64-bit: ints up to 2**63-1 fit (as the nearest double above 2**53).
  if (i >= -0x8000000000000000n && i <= 0x7fffffffffffffffn) return Number(i);
  if (err === null) return i < 0n ? -9223372036854775807 : 9223372036854775807;
  return PyErr_Format(err, `cannot fit 'int' into an index-sized integer`);
}

type SlotGetter = (t: PyTypeObject) => binaryfunc | null;

function binary_op1(v: PyVal, w: PyVal, get: SlotGetter): PyVal {
  const vt = Py_TYPE(v), wt = Py_TYPE(w);
  const slotv = get(vt);
  let slotw: binaryfunc | null = null;
  if (wt !== vt) {
    slotw = get(wt);
    if (slotw === slotv) slotw = null;
  }
  if (slotv !== null) {
    if (slotw !== null && PyType_IsSubtype(wt, vt)) {
      const x = slotw(v, w);
      if (x !== Py_NotImplemented) return x;
      slotw = null;
    }
    const x = slotv(v, w);
    if (x !== Py_NotImplemented) return x;
  }
  if (slotw !== null) {
    const x = slotw(v, w);
    if (x !== Py_NotImplemented) return x;
  }
  return Py_NotImplemented;
}

function binopTypeError(v: PyVal, w: PyVal, opname: string): never {
  return PyErr_Format(PyExc_TypeError,
    `unsupported operand type(s) for ${opname}: '${Py_TYPE(v).tp_name}' and '${Py_TYPE(w).tp_name}'`);
}

function makeBinary(get: SlotGetter, opname: string): binaryfunc {
  return (v, w) => {
    const r = binary_op1(v, w, get);
    if (r === Py_NotImplemented) return binopTypeError(v, w, opname);
    return r;
  };
}

function makeInplace(iget: SlotGetter, get: SlotGetter, opname: string): binaryfunc {
  return (v, w) => {
    const vt = Py_TYPE(v);
    const f = iget(vt);
    if (f !== null) {
      const r = f(v, w);
      if (r !== Py_NotImplemented) return r;
    }
    const r = binary_op1(v, w, get);
    if (r === Py_NotImplemented) return binopTypeError(v, w, opname);
    return r;
  };
}

export const PyNumber_Subtract = makeBinary((t) => t.nb_subtract, "-");
export const PyNumber_And = makeBinary((t) => t.nb_and, "&");
export const PyNumber_Or = makeBinary((t) => t.nb_or, "|");
export const PyNumber_Xor = makeBinary((t) => t.nb_xor, "^");
export const PyNumber_Lshift = makeBinary((t) => t.nb_lshift, "<<");
export const PyNumber_Rshift = makeBinary((t) => t.nb_rshift, ">>");
export const PyNumber_FloorDivide = makeBinary((t) => t.nb_floor_divide, "//");
export const PyNumber_TrueDivide = makeBinary((t) => t.nb_true_divide, "/");
export const PyNumber_Remainder = makeBinary((t) => t.nb_remainder, "%");
export const PyNumber_Divmod = makeBinary((t) => t.nb_divmod, "divmod()");
export const PyNumber_MatrixMultiply = makeBinary((t) => t.nb_matrix_multiply, "@");

export function PyNumber_Add(v: PyVal, w: PyVal): PyVal {
  const r = binary_op1(v, w, (t) => t.nb_add);
  if (r !== Py_NotImplemented) return r;
  const c = Py_TYPE(v).sq_concat;
  if (c !== null) return c(v, w);
  return binopTypeError(v, w, "+");
}

function sequenceRepeat(f: (a: PyVal, n: number) => PyVal, seq: PyVal, n: PyVal): PyVal {
  if (typeof n !== "number" && Py_TYPE(n).nb_index === null) {
    return PyErr_Format(PyExc_TypeError, `can't multiply sequence by non-int of type '${Py_TYPE(n).tp_name}'`);
  }
  const count = PyNumber_AsSsize_t(n, PyExc_OverflowError);
  return f(seq, count);
}

export function PyNumber_Multiply(v: PyVal, w: PyVal): PyVal {
  const r = binary_op1(v, w, (t) => t.nb_multiply);
  if (r !== Py_NotImplemented) return r;
  const mv = Py_TYPE(v).sq_repeat, mw = Py_TYPE(w).sq_repeat;
  if (mv !== null) return sequenceRepeat(mv, v, w);
  if (mw !== null) return sequenceRepeat(mw, w, v);
  return binopTypeError(v, w, "*");
}

function ternary_op(v: PyVal, w: PyVal, z: PyVal, get: (t: PyTypeObject) => ternaryfunc | null, opname: string): PyVal {
  const vt = Py_TYPE(v), wt = Py_TYPE(w);
  const slotv = get(vt);
  let slotw: ternaryfunc | null = null;
  if (wt !== vt) { slotw = get(wt); if (slotw === slotv) slotw = null; }
  if (slotv !== null) {
    if (slotw !== null && PyType_IsSubtype(wt, vt)) {
      const x = slotw(v, w, z);
      if (x !== Py_NotImplemented) return x;
      slotw = null;
    }
    const x = slotv(v, w, z);
    if (x !== Py_NotImplemented) return x;
  }
  if (slotw !== null) {
    const x = slotw(v, w, z);
    if (x !== Py_NotImplemented) return x;
  }
  if (z !== Py_None) {
    const slotz = get(Py_TYPE(z));
    if (slotz !== null && slotz !== slotv && slotz !== slotw) {
      const x = slotz(v, w, z);
      if (x !== Py_NotImplemented) return x;
    }
    return PyErr_Format(PyExc_TypeError,
      `unsupported operand type(s) for ${opname === "**" ? "** or pow()" : opname}: '${vt.tp_name}', '${wt.tp_name}', '${Py_TYPE(z).tp_name}'`);
  }
  return PyErr_Format(PyExc_TypeError,
    `unsupported operand type(s) for ${opname === "**" ? "** or pow()" : opname}: '${vt.tp_name}' and '${wt.tp_name}'`);
}

export function PyNumber_Power(v: PyVal, w: PyVal, z: PyVal): PyVal {
  return ternary_op(v, w, z, (t) => t.nb_power, "**");
}

export function PyNumber_InPlacePower(v: PyVal, w: PyVal, z: PyVal): PyVal {
  const f = Py_TYPE(v).nb_inplace_power;
  if (f !== null) {
    const r = f(v, w, z);
    if (r !== Py_NotImplemented) return r;
  }
  return ternary_op(v, w, z, (t) => t.nb_power, "**=");
}

export function PyNumber_InPlaceAdd(v: PyVal, w: PyVal): PyVal {
  const vt = Py_TYPE(v);
  if (vt.nb_inplace_add !== null) {
    const r = vt.nb_inplace_add(v, w);
    if (r !== Py_NotImplemented) return r;
  }
  const r = binary_op1(v, w, (t) => t.nb_add);
  if (r !== Py_NotImplemented) return r;
  if (vt.sq_inplace_concat !== null) return vt.sq_inplace_concat(v, w);
  if (vt.sq_concat !== null) return vt.sq_concat(v, w);
  return binopTypeError(v, w, "+=");
}

export function PyNumber_InPlaceMultiply(v: PyVal, w: PyVal): PyVal {
  const vt = Py_TYPE(v);
  if (vt.nb_inplace_multiply !== null) {
    const r = vt.nb_inplace_multiply(v, w);
    if (r !== Py_NotImplemented) return r;
  }
  const r = binary_op1(v, w, (t) => t.nb_multiply);
  if (r !== Py_NotImplemented) return r;
  const iv = vt.sq_inplace_repeat ?? vt.sq_repeat;
  if (iv !== null) return sequenceRepeat(iv, v, w);
  const mw = Py_TYPE(w).sq_repeat;
  if (mw !== null) return sequenceRepeat(mw, w, v);
  return binopTypeError(v, w, "*=");
}

export const PyNumber_InPlaceSubtract = makeInplace((t) => t.nb_inplace_subtract, (t) => t.nb_subtract, "-=");
export const PyNumber_InPlaceAnd = makeInplace((t) => t.nb_inplace_and, (t) => t.nb_and, "&=");
export const PyNumber_InPlaceOr = makeInplace((t) => t.nb_inplace_or, (t) => t.nb_or, "|=");
export const PyNumber_InPlaceXor = makeInplace((t) => t.nb_inplace_xor, (t) => t.nb_xor, "^=");
export const PyNumber_InPlaceLshift = makeInplace((t) => t.nb_inplace_lshift, (t) => t.nb_lshift, "<<=");
export const PyNumber_InPlaceRshift = makeInplace((t) => t.nb_inplace_rshift, (t) => t.nb_rshift, ">>=");
export const PyNumber_InPlaceFloorDivide = makeInplace((t) => t.nb_inplace_floor_divide, (t) => t.nb_floor_divide, "//=");
export const PyNumber_InPlaceTrueDivide = makeInplace((t) => t.nb_inplace_true_divide, (t) => t.nb_true_divide, "/=");
export const PyNumber_InPlaceRemainder = makeInplace((t) => t.nb_inplace_remainder, (t) => t.nb_remainder, "%=");
export const PyNumber_InPlaceMatrixMultiply = makeInplace((t) => t.nb_inplace_matrix_multiply, (t) => t.nb_matrix_multiply, "@=");

function unaryError(v: PyVal, what: string): never {
  return PyErr_Format(PyExc_TypeError, `bad operand type for ${what}: '${Py_TYPE(v).tp_name}'`);
}

export function PyNumber_Negative(v: PyVal): PyVal {
  if (typeof v === "number") return v === 0 ? 0 : -v;
  const f = v.ob_type.nb_negative;
  return f !== null ? f(v) : unaryError(v, "unary -");
}
export function PyNumber_Positive(v: PyVal): PyVal {
  if (typeof v === "number") return v;
  const f = v.ob_type.nb_positive;
  return f !== null ? f(v) : unaryError(v, "unary +");
}
export function PyNumber_Invert(v: PyVal): PyVal {
  if (typeof v === "number") return -v - 1 === 0 ? 0 : -v - 1;
  const f = v.ob_type.nb_invert;
  return f !== null ? f(v) : unaryError(v, "unary ~");
}
export function PyNumber_Absolute(v: PyVal): PyVal {
  if (typeof v === "number") return Math.abs(v);
  const f = v.ob_type.nb_absolute;
  return f !== null ? f(v) : unaryError(v, "abs()");
}

/** BINARY_OP's table, indexed by oparg in _opcode.get_nb_ops() order. */
export const _PyEval_BinaryOps: readonly binaryfunc[] = (() => {
  const byName: Record<string, binaryfunc> = {
    NB_ADD: PyNumber_Add, NB_AND: PyNumber_And, NB_FLOOR_DIVIDE: PyNumber_FloorDivide, NB_LSHIFT: PyNumber_Lshift,
    NB_MATRIX_MULTIPLY: PyNumber_MatrixMultiply, NB_MULTIPLY: PyNumber_Multiply, NB_REMAINDER: PyNumber_Remainder,
    NB_OR: PyNumber_Or, NB_POWER: (v, w) => PyNumber_Power(v, w, Py_None), NB_RSHIFT: PyNumber_Rshift,
    NB_SUBTRACT: PyNumber_Subtract, NB_TRUE_DIVIDE: PyNumber_TrueDivide, NB_XOR: PyNumber_Xor,
    NB_INPLACE_ADD: PyNumber_InPlaceAdd, NB_INPLACE_AND: PyNumber_InPlaceAnd,
    NB_INPLACE_FLOOR_DIVIDE: PyNumber_InPlaceFloorDivide, NB_INPLACE_LSHIFT: PyNumber_InPlaceLshift,
    NB_INPLACE_MATRIX_MULTIPLY: PyNumber_InPlaceMatrixMultiply, NB_INPLACE_MULTIPLY: PyNumber_InPlaceMultiply,
    NB_INPLACE_REMAINDER: PyNumber_InPlaceRemainder, NB_INPLACE_OR: PyNumber_InPlaceOr,
    NB_INPLACE_POWER: (v, w) => PyNumber_InPlacePower(v, w, Py_None), NB_INPLACE_RSHIFT: PyNumber_InPlaceRshift,
    NB_INPLACE_SUBTRACT: PyNumber_InPlaceSubtract, NB_INPLACE_TRUE_DIVIDE: PyNumber_InPlaceTrueDivide,
    NB_INPLACE_XOR: PyNumber_InPlaceXor,
  };
  return _nb_ops.map(([name]) => byName[name]);
})();

// ---- isinstance / issubclass ----

export function PyObject_IsInstance(inst: PyVal, cls: PyVal): boolean {
  const it = Py_TYPE(inst);
  if (it === cls) return true;
  if (cls instanceof PyTypeObject && cls.ob_type.tp_name === "type") {
    // Exact metatype `type`: no __instancecheck__ override possible.
    if (PyType_IsSubtype(it, cls)) return true;
    const c = _PyObject_LookupAttr(inst, PyUnicode_InternFromString("__class__"));
    return c !== undefined && c !== it && c instanceof PyTypeObject && PyType_IsSubtype(c, cls);
  }
  if (typeof cls !== "number" && cls.ob_type.tp_name === "tuple") {
    Py_EnterRecursiveCall(" in __instancecheck__");
    try {
      for (const c of (cls as PyTupleObject).ob_item) if (PyObject_IsInstance(inst, c)) return true;
    } finally {
      Py_LeaveRecursiveCall();
    }
    return false;
  }
  const checker = _PyObject_LookupSpecial(cls, "__instancecheck__");
  if (checker !== undefined) {
    Py_EnterRecursiveCall(" in __instancecheck__");
    try {
      return PyObject_IsTrue(PyObject_CallOneArg(checker, inst));
    } finally {
      Py_LeaveRecursiveCall();
    }
  }
  return recursiveIsInstance(inst, cls);
}

function recursiveIsInstance(inst: PyVal, cls: PyVal): boolean {
  if (cls instanceof PyTypeObject) {
    if (PyType_IsSubtype(Py_TYPE(inst), cls)) return true;
    const c = _PyObject_LookupAttr(inst, PyUnicode_InternFromString("__class__"));
    return c !== undefined && c !== Py_TYPE(inst) && c instanceof PyTypeObject && PyType_IsSubtype(c, cls);
  }
  const b = _PyObject_LookupAttr(cls, PyUnicode_InternFromString("__bases__"));
  if (b === undefined || typeof b === "number" || b.ob_type.tp_name !== "tuple") {
    return PyErr_Format(PyExc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  }
  const c = _PyObject_LookupAttr(inst, PyUnicode_InternFromString("__class__"));
  return c !== undefined && abstractIsSubclass(c, cls);
}

function abstractIsSubclass(derived: PyVal, cls: PyVal): boolean {
  for (;;) {
    if (derived === cls) return true;
    const b = _PyObject_LookupAttr(derived, PyUnicode_InternFromString("__bases__"));
    if (b === undefined || typeof b === "number" || b.ob_type.tp_name !== "tuple") return false;
    const items = (b as PyTupleObject).ob_item;
    if (items.length === 0) return false;
    if (items.length === 1) { derived = items[0]; continue; }
    for (const x of items) if (abstractIsSubclass(x, cls)) return true;
    return false;
  }
}

export function PyObject_IsSubclass(derived: PyVal, cls: PyVal): boolean {
  if (cls instanceof PyTypeObject && cls.ob_type.tp_name === "type") {
    if (derived instanceof PyTypeObject) return PyType_IsSubtype(derived, cls);
    return recursiveIsSubclass(derived, cls);
  }
  if (typeof cls !== "number" && cls.ob_type.tp_name === "tuple") {
    for (const c of (cls as PyTupleObject).ob_item) if (PyObject_IsSubclass(derived, c)) return true;
    return false;
  }
  const checker = _PyObject_LookupSpecial(cls, "__subclasscheck__");
  if (checker !== undefined) {
    Py_EnterRecursiveCall(" in __subclasscheck__");
    try {
      return PyObject_IsTrue(PyObject_CallOneArg(checker, derived));
    } finally {
      Py_LeaveRecursiveCall();
    }
  }
  return recursiveIsSubclass(derived, cls);
}

function recursiveIsSubclass(derived: PyVal, cls: PyVal): boolean {
  if (derived instanceof PyTypeObject && cls instanceof PyTypeObject) return PyType_IsSubtype(derived, cls);
  const checkClass = (x: PyVal, msg: string): void => {
    const b = _PyObject_LookupAttr(x, PyUnicode_InternFromString("__bases__"));
    if (b === undefined || typeof b === "number" || b.ob_type.tp_name !== "tuple") PyErr_Format(PyExc_TypeError, msg);
  };
  checkClass(derived, "issubclass() arg 1 must be a class");
  checkClass(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return abstractIsSubclass(derived, cls);
}

