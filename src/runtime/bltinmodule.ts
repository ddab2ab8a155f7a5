// The builtins module (Python/bltinmodule.c): the builtin functions with CPython's semantics and messages, the
// map/filter/zip types, __build_class__ and the builtin names of types, constants and exceptions.
// See docs/interpreter.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, PyType_Type, PyBaseObject_Type, PyLong_Type,
  PyUnicode_Type, Py_None, Py_NotImplemented, Py_Ellipsis, Py_TYPE, Py_LT, Py_GT, Py_EQ, PyUnicode_InternFromString,
  METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS, Py_TPFLAGS_BASETYPE, Py_HashHi, type PyVal, PyUnicodeObject,
} from "../objects/object.js";
import { PyModuleObject, PyModule_New, builtinModuleNames } from "../objects/moduleobject.js";
import { PyDictObject, PyDict_New, PyDict_SetItemString, PyDict_GetItemStr, PyDict_SetItem, PyDict_Type, PyDict_Check,
  PyDict_Keys, PyDict_Copy } from "../objects/dictobject.js";
import { PyUnicode_FromString, PyUnicode_Check, PyUnicode_GetLength, codePoints, encodeUtf8 } from "../objects/unicodeobject.js";
import { PyList_New, PyList_Type, PyListObject, list_sort_impl } from "../objects/listobject.js";
import { PyTuple_New, PyTuple_Type, PyTupleObject, PyTuple_Check } from "../objects/tupleobject.js";
import { PyLongObject, longValue, PyLong_FromBigInt, PyLong_Check, long_add } from "../objects/longobject.js";
import { PyFloat_Type, PyFloatObject, PyFloat_FromDouble, PyFloat_AsDouble } from "../objects/floatobject.js";
import { PyBool_Type, Py_True, Py_False, PyBool_FromLong } from "../objects/boolobject.js";
import { PyBytes_Type, PyBytesObject, PyBytes_FromArray } from "../objects/bytesobject.js";
import { PySlice_Type } from "../objects/sliceobject.js";
import { PyRange_Type } from "../objects/rangeobject.js";
import { PyEnum_Type, PyReversed_Type } from "../objects/enumobject.js";
import { PySet_Type, PyFrozenSet_Type } from "../objects/setobject.js";
import { PyComplex_Type } from "../objects/complexobject.js";
import { PyByteArray_Type } from "../objects/bytearrayobject.js";
import { PyMemoryView_Type } from "../objects/memoryobject.js";
import { PyProperty_Type } from "../objects/descrobject.js";
import { PyClassMethod_Type, PyStaticMethod_Type, PyFunctionObject } from "../objects/funcobject.js";
import { PySuper_Type, _PyObject_GetDict } from "../objects/typeobject.js";
import { PyCallIterObject, iterHooks, _PyIter_PickleMethods } from "../objects/iterobject.js";
import { nativeFunction, PyCFunctionObject } from "../objects/methodobject.js";
import { PyCellObject } from "../objects/cellobject.js";
import { PyCodeObject, _PyCode_Materialize } from "../objects/codeobject.js";
import { PyFrameObject, PyEval_GetFrameLocals, PyFrameLocalsProxyObject } from "../objects/frameobject.js";
import {
  PyObject_Repr, PyObject_Str, PyObject_ASCII, PyObject_GetAttr, PyObject_SetAttr, _PyObject_LookupAttr,
  PyObject_Hash, PyObject_IsTrue, PyObject_GetIter, PyIter_Next, PyObject_Size, PyObject_LengthObject, PyObject_RichCompareBool,
  PyObject_Vectorcall, PyObject_IsInstance, PyObject_IsSubclass, PyNumber_Index, PyNumber_Absolute, PyNumber_Divmod,
  PyNumber_Power, PyNumber_Add, PyObject_Format, _PyObject_LookupSpecial, PySequence_List, PyObject_CallOneArg,
  PyNumber_Multiply,
} from "../objects/abstract.js";
import { PyErr_Format, PyErr_SetObject } from "./errors.js";
import {
  PyExc_TypeError, PyExc_ValueError, PyExc_NameError, PyExc_StopIteration, PyExc_OverflowError, PyExc_EOFError,
  PyExc_RuntimeError, PyExc_ImportError, builtinExceptionTypes, PyBaseExceptionObject,
} from "../objects/exceptions.js";
import { parseArgs, unpackArgs, checkNoKwargs } from "./getargs.js";
import { _PyThreadState_GET } from "./pystate.js";
import { getSys, streamWrite, streamFlush, PyStdStreamObject, stdinReadline, PySys_Audit, PySys_Auditing } from "./sysmodule.js";
import { PyTextIOObject, PyTextIOWrapper_Type, textio_write_str, textio_flush } from "../modules/_io/textio.js";
import { hashToValue } from "./pyhash.js";
import { BUILTIN_DOCS } from "./bltin_docs.js";
import { builtin_compile_ast } from "../modules/_ast/compile.js";
import { unexpectedKeywordMessage } from "./suggestions.js";

export const builtinsHooks = {
  /** Run a class body function with `ns` as its locals (set by pylifecycle). */
  runClassBody: (func: PyFunctionObject, ns: PyVal): PyVal => { void func; void ns; throw new Error("hook"); },
  /** compile(), exec(), eval() need the compiler and the loop. */
  compile: (source: PyVal, filename: string, mode: string, flags: number, optimize: number): PyCodeObject => {
    void source; void filename; void mode; void flags; void optimize;
    throw new Error("hook");
  },
  evalCode: (code: PyCodeObject, globals: PyDictObject, locals: PyVal, closure?: PyTupleObject | null): PyVal => {
    void code; void globals; void locals; void closure; throw new Error("hook");
  },
  importModule: (name: PyVal, globals: PyVal, locals: PyVal, fromlist: PyVal, level: number): PyVal => {
    void name; void globals; void locals; void fromlist; void level;
    return PyErr_Format(PyExc_ImportError, "import not available");
  },
  idOf: (o: PyVal): PyVal => { void o; return 0; },
};

const k = (s: string): PyUnicodeObject => PyUnicode_InternFromString(s);

// ---- print / input ----

function builtin_print(args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  let sep: PyVal = Py_None, end: PyVal = Py_None, file: PyVal = Py_None, flush: PyVal = Py_False;
  for (let i = 0; i < nkw; i++) {
    const name = (kwnames![i] as PyUnicodeObject).value;
    const v = args[npos + i];
    if (name === "sep") sep = v;
    else if (name === "end") end = v;
    else if (name === "file") file = v;
    else if (name === "flush") flush = v;
    else return PyErr_Format(PyExc_TypeError, unexpectedKeywordMessage("print", name, ["sep", "end", "file", "flush"]));
  }
  if (sep !== Py_None && !PyUnicode_Check(sep)) return PyErr_Format(PyExc_TypeError, `sep must be None or a string, not ${Py_TYPE(sep).tp_name}`);
  if (end !== Py_None && !PyUnicode_Check(end)) return PyErr_Format(PyExc_TypeError, `end must be None or a string, not ${Py_TYPE(end).tp_name}`);
  if (file === Py_None) {
    file = PyDict_GetItemStr(getSys().dict, k("stdout")) ?? Py_None;
    if (file === Py_None) return Py_None;
  }
  const sepS = sep === Py_None ? " " : (sep as PyUnicodeObject).value;
  const endS = end === Py_None ? "\n" : (end as PyUnicodeObject).value;
  if (file instanceof PyStdStreamObject || file instanceof PyTextIOObject && Py_TYPE(file) === PyTextIOWrapper_Type) {
    let s = "";
    for (let i = 0; i < npos; i++) {
      if (i > 0) s += sepS;
      const a = args[i];
      s += typeof a === "number" ? String(a) : PyObject_Str(a).value;
    }
    if (file instanceof PyTextIOObject) {
      textio_write_str(file, s + endS);
      if (PyObject_IsTrue(flush)) textio_flush(file);
      return Py_None;
    }
    streamWrite(file, s + endS);
    if (PyObject_IsTrue(flush)) streamFlush(file);
    return Py_None;
  }
  const write = PyObject_GetAttr(file, k("write"));
  for (let i = 0; i < npos; i++) {
    if (i > 0) PyObject_CallOneArg(write, PyUnicode_FromString(sepS));
    PyObject_CallOneArg(write, PyObject_Str(args[i]));
  }
  PyObject_CallOneArg(write, PyUnicode_FromString(endS));
  if (PyObject_IsTrue(flush)) {
    const f = _PyObject_LookupAttr(file, k("flush"));
    if (f !== undefined) PyObject_Vectorcall(f, [], null);
  }
  return Py_None;
}

function builtin_input(args: PyVal[]): PyVal {
  const sys = getSys();
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `input expected at most 1 argument, got ${args.length}`);
  streamFlush(sys.stderr);
  if (args.length === 1) {
    const out = PyDict_GetItemStr(sys.dict, k("stdout"))!;
    if (out instanceof PyStdStreamObject) { streamWrite(out, PyObject_Str(args[0]).value); streamFlush(out); }
    else PyObject_CallOneArg(PyObject_GetAttr(out, k("write")), PyObject_Str(args[0]));
  } else streamFlush(sys.stdout);
  const inp = PyDict_GetItemStr(sys.dict, k("stdin"))!;
  let line: string;
  if (inp instanceof PyStdStreamObject) line = stdinReadline(inp);
  else {
    const r = PyObject_Vectorcall(PyObject_GetAttr(inp, k("readline")), [], null);
    line = (r as PyUnicodeObject).value;
  }
  if (line === "") return PyErr_Format(PyExc_EOFError, "EOF when reading a line");
  return PyUnicode_FromString(line.endsWith("\n") ? line.slice(0, -1) : line);
}

// ---- numbers ----

function builtin_abs(_s: PyVal, x: PyVal): PyVal { return PyNumber_Absolute(x); }

function builtin_divmod(args: PyVal[]): PyVal {
  const [a, b] = unpackArgs("divmod", args, 2, 2);
  return PyNumber_Divmod(a!, b!);
}

function builtin_pow(args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [base, exp, mod] = parseArgs("pow", args, kwnames, ["base", "exp", "mod"], 2, 3);
  return PyNumber_Power(base!, exp!, mod ?? Py_None);
}

function builtin_round(args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [number, ndigits] = parseArgs("round", args, kwnames, ["number", "ndigits"], 1, 2);
  const round = _PyObject_LookupSpecial(number!, "__round__");
  if (round === undefined) return PyErr_Format(PyExc_TypeError, `type ${Py_TYPE(number!).tp_name} doesn't define __round__ method`);
  return ndigits === undefined || ndigits === Py_None ? PyObject_Vectorcall(round, [], null) : PyObject_Vectorcall(round, [ndigits], null);
}

/** sum() with CPython's fast paths, including Neumaier-compensated float summation (3.12+). */
function builtin_sum(args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [iterable, startArg] = parseArgs("sum", args, kwnames, ["", "start"], 1, 2);
  let result: PyVal = startArg ?? 0;
  if (PyUnicode_Check(result)) return PyErr_Format(PyExc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (result instanceof PyBytesObject) return PyErr_Format(PyExc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (typeof result !== "number" && result.ob_type.tp_name === "bytearray") {
    return PyErr_Format(PyExc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  const it = PyObject_GetIter(iterable!);
  const next = Py_TYPE(it).tp_iternext!;
  // Integer fast path.
  if (typeof result === "number") {
    let acc = result;
    for (;;) {
      const item = next(it);
      if (item === undefined) return acc;
      if (typeof item === "number") {
        const r = acc + item;
        if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) { acc = r; continue; }
      }
      if (item instanceof PyFloatObject && item.ob_type === PyFloat_Type) {
        result = floatSum(acc, item.ob_fval, it, next);
        return result;
      }
      result = PyNumber_Add(acc, item);
      break;
    }
  } else if (result instanceof PyFloatObject && result.ob_type === PyFloat_Type) {
    return floatSum(result.ob_fval, 0, it, next, true);
  }
  for (;;) {
    const item = next(it);
    if (item === undefined) return result;
    result = PyNumber_Add(result, item);
  }
}

function floatSum(f0: number, first: number, it: PyVal, next: (o: PyVal) => PyVal | undefined, startIsFloat = false): PyVal {
  let f = f0;
  let c = 0;
  const add = (x: number): void => {
    const t = f + x;
    if (Math.abs(f) >= Math.abs(x)) c += (f - t) + x;
    else c += (x - t) + f;
    f = t;
  };
  if (!startIsFloat) add(first);
  for (;;) {
    const item = next(it);
    if (item === undefined) {
      if (c && Number.isFinite(c)) f += c;
      return PyFloat_FromDouble(f);
    }
    if (item instanceof PyFloatObject && item.ob_type === PyFloat_Type) { add(item.ob_fval); continue; }
    // CPython adds an int that fits a C long to the running sum without compensation.
    if (typeof item === "number") { f += item; continue; }
    if (c && Number.isFinite(c)) f += c;
    let result = PyNumber_Add(PyFloat_FromDouble(f), item);
    for (;;) {
      const x = next(it);
      if (x === undefined) return result;
      result = PyNumber_Add(result, x);
    }
  }
}

function minmax(args: PyVal[], kwnames: PyVal[] | null, op: number, name: string): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  let key: PyVal = Py_None;
  let dflt: PyVal | undefined;
  for (let i = 0; i < nkw; i++) {
    const n = (kwnames![i] as PyUnicodeObject).value;
    if (n === "key") key = args[npos + i];
    else if (n === "default") dflt = args[npos + i];
    else return PyErr_Format(PyExc_TypeError, unexpectedKeywordMessage(name, n, ["key", "default"]));
  }
  if (npos === 0) return PyErr_Format(PyExc_TypeError, `${name} expected at least 1 argument, got 0`);
  let items: PyVal;
  if (npos === 1) items = args[0];
  else {
    if (dflt !== undefined) {
      return PyErr_Format(PyExc_TypeError, `Cannot specify a default for ${name}() with multiple positional arguments`);
    }
    items = PyTuple_New(args.slice(0, npos));
  }
  const it = PyObject_GetIter(items);
  const next = Py_TYPE(it).tp_iternext!;
  let best: PyVal | undefined;
  let bestKey: PyVal | undefined;
  for (let x = next(it); x !== undefined; x = next(it)) {
    const kv = key === Py_None ? x : PyObject_CallOneArg(key, x);
    if (best === undefined) { best = x; bestKey = kv; continue; }
    if (PyObject_RichCompareBool(kv, bestKey!, op)) { best = x; bestKey = kv; }
  }
  if (best === undefined) {
    if (dflt !== undefined) return dflt;
    return PyErr_Format(PyExc_ValueError, `${name}() iterable argument is empty`);
  }
  return best;
}

// ---- characters and numbers as text ----

function builtin_chr(_s: PyVal, v: PyVal): PyVal {
  if (typeof v !== "number" && !PyLong_Check(v) && Py_TYPE(v).nb_index === null) {
    return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(v).tp_name}' object cannot be interpreted as an integer`);
  }
  const c = longValue(PyNumber_Index(v));
  if (typeof c !== "number") return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
  if (c < 0 || c > 0x10ffff) return PyErr_Format(PyExc_ValueError, "chr() arg not in range(0x110000)");
  return PyUnicode_FromString(String.fromCodePoint(c));
}

function builtin_ord(_s: PyVal, v: PyVal): PyVal {
  if (PyUnicode_Check(v)) {
    const n = PyUnicode_GetLength(v);
    if (n !== 1) return PyErr_Format(PyExc_TypeError, `ord() expected a character, but string of length ${n} found`);
    return v.value.codePointAt(0)!;
  }
  if (v instanceof PyBytesObject) {
    if (v.ob_bytes.length !== 1) return PyErr_Format(PyExc_TypeError, `ord() expected a character, but string of length ${v.ob_bytes.length} found`);
    return v.ob_bytes[0];
  }
  return PyErr_Format(PyExc_TypeError, `ord() expected string of length 1, but ${Py_TYPE(v).tp_name} found`);
}

function radix(v: PyVal, base: number, prefix: string): PyVal {
  const x = longValue(PyNumber_Index(v));
  const neg = x < 0;
  const a = typeof x === "number" ? Math.abs(x) : (x < 0n ? -x : x);
  return PyUnicode_FromString(`${neg ? "-" : ""}${prefix}${a.toString(base)}`);
}

function builtin_format(args: PyVal[]): PyVal {
  const [v, spec] = unpackArgs("format", args, 1, 2);
  const s = spec ?? PyUnicode_FromString("");
  if (!PyUnicode_Check(s)) return PyErr_Format(PyExc_TypeError, `format() argument 2 must be str, not ${Py_TYPE(s).tp_name}`);
  return PyObject_Format(v!, s);
}

// ---- attributes and introspection ----

function nameArg(v: PyVal, fn: string): PyUnicodeObject {
  if (!PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, `attribute name must be string, not '${Py_TYPE(v).tp_name}'`);
  void fn;
  return v;
}

function builtin_getattr(args: PyVal[]): PyVal {
  if (args.length < 2) return PyErr_Format(PyExc_TypeError, `getattr expected at least 2 arguments, got ${args.length}`);
  if (args.length > 3) return PyErr_Format(PyExc_TypeError, `getattr expected at most 3 arguments, got ${args.length}`);
  const name = nameArg(args[1], "getattr");
  if (args.length === 3) {
    const v = _PyObject_LookupAttr(args[0], name);
    return v === undefined ? args[2] : v;
  }
  return PyObject_GetAttr(args[0], name);
}

function builtin_hasattr(args: PyVal[]): PyVal {
  const [o, n] = unpackArgs("hasattr", args, 2, 2);
  return PyBool_FromLong(_PyObject_LookupAttr(o!, nameArg(n!, "hasattr")) !== undefined);
}

function builtin_setattr(args: PyVal[]): PyVal {
  const [o, n, v] = unpackArgs("setattr", args, 3, 3);
  PyObject_SetAttr(o!, nameArg(n!, "setattr"), v!);
  return Py_None;
}

function builtin_delattr(args: PyVal[]): PyVal {
  const [o, n] = unpackArgs("delattr", args, 2, 2);
  PyObject_SetAttr(o!, nameArg(n!, "delattr"), null);
  return Py_None;
}

function currentFrame(): PyFrameObject | null {
  return _PyThreadState_GET().current_frame as PyFrameObject | null;
}

function builtin_globals(): PyVal {
  const f = currentFrame();
  return f === null ? PyDict_New() : f.f_globals;
}

function builtin_locals(): PyVal {
  const f = currentFrame();
  if (f === null) return PyDict_New();
  return PyEval_GetFrameLocals(f);
}

function builtin_vars(args: PyVal[]): PyVal {
  if (args.length === 0) return builtin_locals();
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `vars expected at most 1 argument, got ${args.length}`);
  const d = _PyObject_LookupAttr(args[0], k("__dict__"));
  if (d === undefined) return PyErr_Format(PyExc_TypeError, "vars() argument must have __dict__ attribute");
  return d;
}

function builtin_dir(args: PyVal[]): PyVal {
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `dir expected at most 1 argument, got ${args.length}`);
  let names: PyVal[];
  if (args.length === 0) {
    const l = builtin_locals();
    names = PySequence_List(PyObject_Vectorcall(PyObject_GetAttr(l, k("keys")), [], null));
  } else {
    const meth = _PyObject_LookupSpecial(args[0], "__dir__");
    if (meth === undefined) return PyErr_Format(PyExc_TypeError, "object does not provide __dir__");
    names = PySequence_List(PyObject_Vectorcall(meth, [], null));
  }
  const l = PyList_New(names);
  list_sort_impl(l, null, false);
  return l;
}

function builtin_id(_s: PyVal, v: PyVal): PyVal {
  const id = builtinsHooks.idOf(v);
  if (PySys_Auditing()) PySys_Audit("builtins.id", [id]);
  return id;
}

/** The "compile" audit event of a str or bytes source (pythonrun.c's Py_CompileStringObject): its UTF-8 bytes and
 *  the file name. */
function auditCompile(src: PyVal, filename: PyVal): void {
  if (!PySys_Auditing()) return;
  const bytes = PyUnicode_Check(src) ? PyBytes_FromArray(encodeUtf8(src.value, "surrogatepass")) : src;
  PySys_Audit("compile", [bytes, filename]);
}

function builtin_hash(_s: PyVal, v: PyVal): PyVal {
  const lo = PyObject_Hash(v);
  const h = hashToValue(lo, Py_HashHi[0]);
  return typeof h === "number" ? h : PyLong_FromBigInt(h);
}

function builtin_callable(_s: PyVal, v: PyVal): PyVal {
  return PyBool_FromLong(Py_TYPE(v).tp_call !== null);
}

function builtin_len(_s: PyVal, v: PyVal): PyVal {
  const t = Py_TYPE(v);
  if (t === PyList_Type || t === PyTuple_Type) return (v as PyListObject | PyTupleObject).ob_item.length;
  if (t.sq_length === null && t.mp_length === null) {
    return PyErr_Format(PyExc_TypeError, `object of type '${t.tp_name}' has no len()`);
  }
  // Exact up to sys.maxsize (a range's or a Python __len__'s length may exceed 2**53).
  return PyObject_LengthObject(v);
}

function builtin_isinstance(args: PyVal[]): PyVal {
  const [o, c] = unpackArgs("isinstance", args, 2, 2);
  return PyBool_FromLong(PyObject_IsInstance(o!, c!));
}

function builtin_issubclass(args: PyVal[]): PyVal {
  const [o, c] = unpackArgs("issubclass", args, 2, 2);
  return PyBool_FromLong(PyObject_IsSubclass(o!, c!));
}

function builtin_iter(args: PyVal[]): PyVal {
  const [o, sentinel] = unpackArgs("iter", args, 1, 2);
  if (sentinel === undefined) return PyObject_GetIter(o!);
  if (Py_TYPE(o!).tp_call === null) return PyErr_Format(PyExc_TypeError, "iter(v, w): v must be callable");
  return new PyCallIterObject(o!, sentinel);
}

function builtin_next(args: PyVal[]): PyVal {
  const [it, dflt] = unpackArgs("next", args, 1, 2);
  const f = Py_TYPE(it!).tp_iternext;
  if (f === null) return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(it!).tp_name}' object is not an iterator`);
  const v = f(it!);
  if (v !== undefined) return v;
  if (dflt !== undefined) return dflt;
  const value = lastReturnValue(it!);
  return PyErr_SetObject(PyExc_StopIteration, value);
}

/** The return value of an exhausted generator, for StopIteration(value) raised by next(). */
export let lastReturnValue: (it: PyVal) => PyVal | null = () => null;
export function _PyBuiltin_InstallLastReturn(f: (it: PyVal) => PyVal | null): void {
  lastReturnValue = f;
}

function builtin_any(_s: PyVal, iterable: PyVal): PyVal {
  const it = PyObject_GetIter(iterable);
  const next = Py_TYPE(it).tp_iternext!;
  for (let x = next(it); x !== undefined; x = next(it)) if (PyObject_IsTrue(x)) return Py_True;
  return Py_False;
}

function builtin_all(_s: PyVal, iterable: PyVal): PyVal {
  const it = PyObject_GetIter(iterable);
  const next = Py_TYPE(it).tp_iternext!;
  for (let x = next(it); x !== undefined; x = next(it)) if (!PyObject_IsTrue(x)) return Py_False;
  return Py_True;
}

function builtin_sorted(args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (args.length - nkw !== 1) {
    return PyErr_Format(PyExc_TypeError, `sorted expected 1 argument, got ${args.length - nkw}`);
  }
  const [, key, reverse] = parseArgs("sort", args, kwnames, ["", "*key", "*reverse"], 1, 1);
  const l = PyList_New(PySequence_List(args[0]));
  list_sort_impl(l, key === undefined || key === Py_None ? null : key, reverse !== undefined && PyObject_IsTrue(reverse));
  return l;
}

// ---- exec / eval / compile ----

function globalsArg(g: PyVal | undefined, fn: string): PyDictObject | null {
  if (g === undefined || g === Py_None) return null;
  if (!PyDict_Check(g)) {
    return PyErr_Format(PyExc_TypeError, fn === "exec" ? `exec() globals must be a dict, not ${Py_TYPE(g).tp_name}`
      : `globals must be a real dict; try eval(expr, {}, mapping)`);
  }
  return g;
}

const EXEC_PARAMS = ["source", "globals", "locals", "*closure"];
const EVAL_PARAMS = ["source", "globals", "locals"];

function execOrEval(args: PyVal[], kwnames: PyVal[] | null, mode: "exec" | "eval"): PyVal {
  const [source, g, l, c] = parseArgs(mode, args, kwnames, mode === "exec" ? EXEC_PARAMS : EVAL_PARAMS, 1, 3);
  const closure = c === undefined || c === Py_None ? null : c;
  let globals = globalsArg(g, mode);
  let locals: PyVal | null = l === undefined || l === Py_None ? null : l;
  const f = currentFrame();
  if (globals === null) {
    globals = f !== null ? f.f_globals : PyDict_New();
    if (locals === null) locals = f !== null ? PyEval_GetFrameLocals(f) : globals;
  } else if (locals === null) locals = globals;
  if (PyDict_GetItemStr(globals, k("__builtins__")) === undefined) {
    PyDict_SetItemString(globals, "__builtins__", builtinsModule!);
  }
  let code: PyCodeObject;
  if (source instanceof PyCodeObject) {
    code = source;
    // builtin_eval_impl / builtin_exec_impl: a code object's free variables need exec's closure, of cells.
    const nfree = _PyCode_Materialize(code).co_nfreevars;
    if (mode === "eval") {
      if (nfree > 0) return PyErr_Format(PyExc_TypeError, "code object passed to eval() may not contain free variables");
    } else if (nfree === 0) {
      if (closure !== null) return PyErr_Format(PyExc_TypeError, "cannot use a closure with this code object");
    } else if (!(closure instanceof PyTupleObject) || closure.ob_type !== PyTuple_Type || closure.ob_item.length !== nfree ||
      closure.ob_item.some((x) => !(x instanceof PyCellObject))) {
      return PyErr_Format(PyExc_TypeError, `code object requires a closure of exactly length ${nfree}`);
    }
  } else {
    if (closure !== null) return PyErr_Format(PyExc_TypeError, "closure can only be used when source is a code object");
    let src: PyVal = source!;
    if (PyUnicode_Check(src) && mode === "eval") src = PyUnicode_FromString(src.value.replace(/^[ \t]+/, ""));
    if (!PyUnicode_Check(src) && !(src instanceof PyBytesObject)) {
      return PyErr_Format(PyExc_TypeError, `${mode}() arg 1 must be a string, bytes or code object`);
    }
    auditCompile(src, PyUnicode_FromString("<string>"));
    code = builtinsHooks.compile(src, "<string>", mode, 0, -1);
  }
  if (PySys_Auditing()) PySys_Audit("exec", [code]);
  const r = builtinsHooks.evalCode(code, globals, locals, closure as PyTupleObject | null);
  return mode === "exec" ? Py_None : r;
}

function builtin_compile(args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [source, filename, mode, flags, , optimize] = parseArgs("compile", args, kwnames,
    ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "*_feature_version"], 3, 6);
  const fn = PyUnicode_Check(filename!) ? filename.value : PyObject_Str(filename!).value;
  const m = (mode as PyUnicodeObject).value;
  const fl = flags === undefined ? 0 : Number(longValue(flags));
  const opt = optimize === undefined ? -1 : Number(longValue(optimize));
  // Flag, optimize and mode checks, AST sources and PyCF_ONLY_AST (src/modules/_ast/compile.ts).
  const astResult = builtin_compile_ast(source!, fn, m, fl, opt);
  if (astResult !== undefined) return astResult;
  if (PyUnicode_Check(source!) || source instanceof PyBytesObject) auditCompile(source, PyUnicode_FromString(fn));
  return builtinsHooks.compile(source!, fn, m, fl, opt);
}

// ---- __build_class__ ----

function calculateMetaclass(meta: PyVal, bases: PyVal[]): PyVal {
  let winner = meta;
  for (const b of bases) {
    const bt = Py_TYPE(b);
    if (winner instanceof PyTypeObject) {
      if (bt === winner || bt.mro.includes(winner)) { winner = bt; continue; }
      if (winner.mro.includes(bt)) continue;
    }
    return PyErr_Format(PyExc_TypeError,
      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
  }
  return winner;
}

function builtin___build_class__(args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos < 2) return PyErr_Format(PyExc_TypeError, "__build_class__: not enough arguments");
  const func = args[0];
  if (!(func instanceof PyFunctionObject)) return PyErr_Format(PyExc_TypeError, "__build_class__: func must be a function");
  const name = args[1];
  if (!PyUnicode_Check(name)) return PyErr_Format(PyExc_TypeError, "__build_class__: name is not a string");
  const origBases = args.slice(2, npos);
  // PEP 560 __mro_entries__.
  const bases: PyVal[] = [];
  let changed = false;
  for (const b of origBases) {
    if (b instanceof PyTypeObject) { bases.push(b); continue; }
    const me = _PyObject_LookupAttr(b, k("__mro_entries__"));
    if (me === undefined) { bases.push(b); continue; }
    const r = PyObject_CallOneArg(me, PyTuple_New(origBases));
    if (!PyTuple_Check(r)) return PyErr_Format(PyExc_TypeError, "__mro_entries__ must return a tuple");
    bases.push(...r.ob_item);
    changed = true;
  }
  let meta: PyVal | null = null;
  const kwNames: PyVal[] = [];
  const kwValues: PyVal[] = [];
  for (let i = 0; i < nkw; i++) {
    const n = kwnames![i] as PyUnicodeObject;
    if (n.value === "metaclass") meta = args[npos + i];
    else { kwNames.push(n); kwValues.push(args[npos + i]); }
  }
  const isClass = meta === null || meta instanceof PyTypeObject;
  if (meta === null) meta = bases.length === 0 ? PyType_Type : Py_TYPE(bases[0]);
  if (isClass) meta = calculateMetaclass(meta, bases);
  const basesTuple = PyTuple_New(bases);
  let ns: PyVal;
  const prep = _PyObject_LookupAttr(meta, k("__prepare__"));
  if (prep === undefined) ns = PyDict_New();
  else ns = PyObject_Vectorcall(prep, [name, basesTuple, ...kwValues], kwNames.length ? kwNames : null);
  if (Py_TYPE(ns).mp_subscript === null) {
    return PyErr_Format(PyExc_TypeError,
      `${meta instanceof PyTypeObject ? meta.tp_name : "<metaclass>"}.__prepare__() must return a mapping, not ${Py_TYPE(ns).tp_name}`);
  }
  const cell = builtinsHooks.runClassBody(func, ns);
  if (changed) Py_TYPE(ns).mp_ass_subscript!(ns, k("__orig_bases__"), PyTuple_New(origBases));
  const cls = PyObject_Vectorcall(meta, [name, basesTuple, ns, ...kwValues], kwNames.length ? kwNames : null);
  if (cls instanceof PyTypeObject && cell instanceof PyCellObject) {
    const cur = cell.ob_ref;
    if (cur !== cls) {
      if (cur === null) {
        return PyErr_Format(PyExc_RuntimeError,
          `__class__ not set defining ${PyObject_Repr(name).value} as ${PyObject_Repr(cls).value}. Was __classcell__ propagated to type.__new__?`);
      }
      return PyErr_Format(PyExc_TypeError,
        `__class__ set to ${PyObject_Repr(cur).value} defining ${PyObject_Repr(name).value} as ${PyObject_Repr(cls).value}`);
    }
  }
  return cls;
}

function builtin___import__(args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [name, globals, locals, fromlist, level] = parseArgs("__import__", args, kwnames,
    ["name", "globals", "locals", "fromlist", "level"], 1, 5);
  return builtinsHooks.importModule(name!, globals ?? Py_None, locals ?? Py_None, fromlist ?? PyTuple_New([]),
    level === undefined ? 0 : Number(longValue(level)));
}

// ---- map / filter / zip ----

export const PyMap_Type = PyType_Declare("map");
export const PyFilter_Type = PyType_Declare("filter");
export const PyZip_Type = PyType_Declare("zip");

class PyMapObject extends PyObject {
  func: PyVal;
  iters: PyVal[];
  constructor(type: PyTypeObject, func: PyVal, iters: PyVal[]) {
    super(type);
    this.func = func;
    this.iters = iters;
  }
}

PyType_FromSpecStatic({
  name: "map",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Make an iterator that computes the function using arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted.",
  slots: {
    tp_new: (type, args, kwnames) => {
      if (type === PyMap_Type) checkNoKwargs("map", kwnames);
      if (args.length < 2) return PyErr_Format(PyExc_TypeError, "map() must have at least two arguments.");
      return new PyMapObject(type, args[0], args.slice(1).map(PyObject_GetIter));
    },
    tp_iter: (s) => s,
    tp_iternext: (s) => {
      const m = s as PyMapObject;
      const its = m.iters;
      if (its.length === 1) {
        const x = Py_TYPE(its[0]).tp_iternext!(its[0]);
        return x === undefined ? undefined : PyObject_Vectorcall(m.func, [x], null);
      }
      const a: PyVal[] = [];
      for (const it of its) {
        const x = Py_TYPE(it).tp_iternext!(it);
        if (x === undefined) return undefined;
        a.push(x);
      }
      return PyObject_Vectorcall(m.func, a, null);
    },
  },
  // map_reduce: (type(m), (func, *iterators)).
  methods: _PyIter_PickleMethods((s) => {
    const m = s as PyMapObject;
    return PyTuple_New([Py_TYPE(m), PyTuple_New([m.func, ...m.iters])]);
  }, null),
}, PyMap_Type);

class PyFilterObject extends PyObject {
  func: PyVal;
  it: PyVal;
  constructor(type: PyTypeObject, func: PyVal, it: PyVal) {
    super(type);
    this.func = func;
    this.it = it;
  }
}

PyType_FromSpecStatic({
  name: "filter",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Return an iterator yielding those items of iterable for which function(item)\nis true. If function is None, return the items that are true.",
  slots: {
    tp_new: (type, args, kwnames) => {
      if (type === PyFilter_Type) checkNoKwargs("filter", kwnames);
      const [f, it] = unpackArgs("filter", args as PyVal[], 2, 2);
      return new PyFilterObject(type, f!, PyObject_GetIter(it!));
    },
    tp_iter: (s) => s,
    tp_iternext: (s) => {
      const f = s as PyFilterObject;
      const next = Py_TYPE(f.it).tp_iternext!;
      for (;;) {
        const x = next(f.it);
        if (x === undefined) return undefined;
        const ok = f.func === Py_None || f.func === PyBool_Type ? PyObject_IsTrue(x) : PyObject_IsTrue(PyObject_CallOneArg(f.func, x));
        if (ok) return x;
      }
    },
  },
  // filter_reduce: (type(f), (func, iterator)).
  methods: _PyIter_PickleMethods((s) => PyTuple_New([Py_TYPE(s), PyTuple_New([(s as PyFilterObject).func, (s as PyFilterObject).it])]),
    null),
}, PyFilter_Type);

class PyZipObject extends PyObject {
  iters: PyVal[];
  strict: boolean;
  constructor(type: PyTypeObject, iters: PyVal[], strict: boolean) {
    super(type);
    this.iters = iters;
    this.strict = strict;
  }
}

function zip_next(s: PyVal): PyVal | undefined {
  const z = s as PyZipObject;
  const its = z.iters;
  if (its.length === 0) return undefined;
  const out: PyVal[] = [];
  for (let i = 0; i < its.length; i++) {
    const x = Py_TYPE(its[i]).tp_iternext!(its[i]);
    if (x === undefined) {
      if (z.strict) {
        if (i > 0) {
          return PyErr_Format(PyExc_ValueError, `zip() argument ${i + 1} is shorter than argument${i === 1 ? "" : "s"} 1${i === 1 ? "" : `-${i}`}`);
        }
        for (let j = 1; j < its.length; j++) {
          if (Py_TYPE(its[j]).tp_iternext!(its[j]) !== undefined) {
            return PyErr_Format(PyExc_ValueError, `zip() argument ${j + 1} is longer than argument${j === 1 ? "" : "s"} 1${j === 1 ? "" : `-${j}`}`);
          }
        }
      }
      return undefined;
    }
    out.push(x);
  }
  return PyTuple_New(out);
}

PyType_FromSpecStatic({
  name: "zip",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "The zip object yields n-length tuples, where n is the number of iterables\npassed as positional arguments to zip().",
  slots: {
    tp_new: (type, args, kwnames) => {
      const nkw = kwnames === null ? 0 : kwnames.length;
      let strict = false;
      for (let i = 0; i < nkw; i++) {
        const n = (kwnames![i] as PyUnicodeObject).value;
        if (n !== "strict") return PyErr_Format(PyExc_TypeError, unexpectedKeywordMessage("zip", n, ["strict"]));
        strict = PyObject_IsTrue(args[args.length - nkw + i]);
      }
      return new PyZipObject(type, args.slice(0, args.length - nkw).map(PyObject_GetIter), strict);
    },
    tp_iter: (s) => s,
    tp_iternext: zip_next,
  },
  // zip_reduce: (type(z), iterators) or, strict, (type(z), iterators, True); zip_setstate sets strict.
  methods: _PyIter_PickleMethods((s) => {
    const z = s as PyZipObject;
    const its = PyTuple_New([...z.iters]);
    return z.strict ? PyTuple_New([Py_TYPE(z), its, Py_True]) : PyTuple_New([Py_TYPE(z), its]);
  }, (s, state) => {
    (s as PyZipObject).strict = PyObject_IsTrue(state);
    return Py_None;
  }),
}, PyZip_Type);

// ---- the module ----

let builtinsModule: PyModuleObject | null = null;

export function getBuiltins(): PyModuleObject {
  return builtinsModule!;
}

export function _PyBuiltin_Init(): PyModuleObject {
  const m = PyModule_New("builtins");
  builtinModuleNames.add("builtins");
  builtinsModule = m;
  const d = m.dict!;
  iterHooks.builtin = (name) => PyDict_GetItemStr(getBuiltins().dict!, name);
  PyDict_SetItemString(d, "__doc__", PyUnicode_FromString("Built-in functions, types, exceptions, and other objects.\n\nThis module provides direct access to all 'built-in'\nidentifiers of Python; for example, builtins.len is\nthe full name for the built-in function len().\n\nThis module is not normally accessed explicitly by most\napplications, but can be useful in modules that provide\nobjects with the same name as a built-in value, but in\nwhich the built-in value is also needed."));
  const fn = (name: string, meth: (...a: never[]) => PyVal, flags: number): void => {
    const f = nativeFunction(name, meth as unknown as (...a: unknown[]) => PyVal, flags, BUILTIN_DOCS[name] ?? null);
    f.m_self = m;
    f.m_module = PyUnicode_FromString("builtins");
    PyDict_SetItemString(d, name, f);
  };
  const FK = METH_FASTCALL | METH_KEYWORDS;
  fn("print", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => builtin_print(a, kw), FK);
  fn("input", (_s: PyVal, a: PyVal[]) => builtin_input(a), METH_FASTCALL);
  fn("abs", builtin_abs, METH_O);
  fn("divmod", (_s: PyVal, a: PyVal[]) => builtin_divmod(a), METH_FASTCALL);
  fn("pow", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => builtin_pow(a, kw), FK);
  fn("round", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => builtin_round(a, kw), FK);
  fn("sum", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => builtin_sum(a, kw), FK);
  fn("min", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => minmax(a, kw, Py_LT, "min"), FK);
  fn("max", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => minmax(a, kw, Py_GT, "max"), FK);
  fn("chr", builtin_chr, METH_O);
  fn("ord", builtin_ord, METH_O);
  fn("hex", (_s: PyVal, v: PyVal) => radix(v, 16, "0x"), METH_O);
  fn("oct", (_s: PyVal, v: PyVal) => radix(v, 8, "0o"), METH_O);
  fn("bin", (_s: PyVal, v: PyVal) => radix(v, 2, "0b"), METH_O);
  fn("format", (_s: PyVal, a: PyVal[]) => builtin_format(a), METH_FASTCALL);
  fn("repr", (_s: PyVal, v: PyVal) => PyObject_Repr(v), METH_O);
  fn("ascii", (_s: PyVal, v: PyVal) => PyObject_ASCII(v), METH_O);
  fn("getattr", (_s: PyVal, a: PyVal[]) => builtin_getattr(a), METH_FASTCALL);
  fn("hasattr", (_s: PyVal, a: PyVal[]) => builtin_hasattr(a), METH_FASTCALL);
  fn("setattr", (_s: PyVal, a: PyVal[]) => builtin_setattr(a), METH_FASTCALL);
  fn("delattr", (_s: PyVal, a: PyVal[]) => builtin_delattr(a), METH_FASTCALL);
  fn("globals", builtin_globals, METH_NOARGS);
  fn("locals", builtin_locals, METH_NOARGS);
  fn("vars", (_s: PyVal, a: PyVal[]) => builtin_vars(a), METH_FASTCALL);
  fn("dir", (_s: PyVal, a: PyVal[]) => builtin_dir(a), METH_FASTCALL);
  fn("id", builtin_id, METH_O);
  fn("hash", builtin_hash, METH_O);
  fn("callable", builtin_callable, METH_O);
  // builtin_breakpoint: call sys.breakpointhook(*args, **kws).
  fn("breakpoint", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => {
    const hook = PyDict_GetItemStr(getSys().dict, k("breakpointhook"));
    if (hook === undefined) return PyErr_Format(PyExc_RuntimeError, "lost sys.breakpointhook");
    return PyObject_Vectorcall(hook, a, kw);
  }, FK);
  fn("len", builtin_len, METH_O);
  fn("isinstance", (_s: PyVal, a: PyVal[]) => builtin_isinstance(a), METH_FASTCALL);
  fn("issubclass", (_s: PyVal, a: PyVal[]) => builtin_issubclass(a), METH_FASTCALL);
  fn("iter", (_s: PyVal, a: PyVal[]) => builtin_iter(a), METH_FASTCALL);
  fn("next", (_s: PyVal, a: PyVal[]) => builtin_next(a), METH_FASTCALL);
  fn("aiter", (_s: PyVal, v: PyVal) => {
    const t = Py_TYPE(v);
    if (t.am_aiter === null) return PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object is not an async iterable`);
    return t.am_aiter(v);
  }, METH_O);
  fn("anext", (_s: PyVal, a: PyVal[]) => {
    const t = Py_TYPE(a[0]);
    if (t.am_anext === null) return PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object is not an async iterator`);
    return t.am_anext(a[0]);
  }, METH_FASTCALL);
  fn("any", builtin_any, METH_O);
  fn("all", builtin_all, METH_O);
  fn("sorted", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => builtin_sorted(a, kw), FK);
  fn("exec", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => execOrEval(a, kw, "exec"), FK);
  fn("eval", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => execOrEval(a, kw, "eval"), FK);
  fn("compile", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => builtin_compile(a, kw), FK);
  fn("__build_class__", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => builtin___build_class__(a, kw), FK);
  fn("__import__", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => builtin___import__(a, kw), FK);
  const types: [string, PyTypeObject][] = [
    ["object", PyBaseObject_Type], ["type", PyType_Type], ["int", PyLong_Type], ["bool", PyBool_Type],
    ["float", PyFloat_Type], ["str", PyUnicode_Type], ["bytes", PyBytes_Type], ["list", PyList_Type],
    ["tuple", PyTuple_Type], ["dict", PyDict_Type], ["slice", PySlice_Type], ["range", PyRange_Type],
    ["enumerate", PyEnum_Type], ["reversed", PyReversed_Type], ["property", PyProperty_Type],
    ["classmethod", PyClassMethod_Type], ["staticmethod", PyStaticMethod_Type], ["super", PySuper_Type],
    ["map", PyMap_Type], ["filter", PyFilter_Type], ["zip", PyZip_Type], ["set", PySet_Type],
    ["frozenset", PyFrozenSet_Type], ["complex", PyComplex_Type],
    ["bytearray", PyByteArray_Type], ["memoryview", PyMemoryView_Type],
  ];
  for (const [n, t] of types) PyDict_SetItemString(d, n, t);
  PyDict_SetItemString(d, "None", Py_None);
  PyDict_SetItemString(d, "Ellipsis", Py_Ellipsis);
  PyDict_SetItemString(d, "NotImplemented", Py_NotImplemented);
  PyDict_SetItemString(d, "True", Py_True);
  PyDict_SetItemString(d, "False", Py_False);
  PyDict_SetItemString(d, "__debug__", Py_True);
  for (const [n, t] of builtinExceptionTypes()) PyDict_SetItemString(d, n, t);
  PyDict_SetItemString(d, "EnvironmentError", builtinExceptionTypes().get("OSError")!);
  PyDict_SetItemString(d, "IOError", builtinExceptionTypes().get("OSError")!);
  return m;
}

/** Register an extra builtin (types implemented in other files call this at start-up). */
export function PyBuiltin_Add(name: string, v: PyVal): void {
  PyDict_SetItemString(builtinsModule!.dict!, name, v);
}

