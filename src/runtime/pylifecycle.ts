// Interpreter start-up (Python/pylifecycle.c): ready every static type, wire the late-bound hooks between layers,
// create builtins, sys and __main__, and convert the compiler's code records into code objects.
// See docs/interpreter.md ("Start-up").
import {
  PyObject, PyTypeObject, PyUnicode_InternFromString, Py_None, Py_Ellipsis, Py_TYPE, Py_HashHi, METH_O, type PyVal, PyUnicodeObject,
} from "../objects/object.js";
import { _PyTypes_InitTypes, _PyType_Lookup, _PyType_InstallHooks, _PyType_InstallStaticMethod, _PyType_InstallIdHash,
  _PyType_InstallZeroArgSuper, _PyType_InstallBigInt, _PyType_InstallErrorTypes, _PyType_InstallAddNote,
  PyType_Modified } from "../objects/typeobject.js";
import { hooks, PyType_IsSubtype, PyObject_Vectorcall, PyObject_Repr, PyObject_CallOneArg, _PyAbstract_InstallIsPlainFunction,
  PyObject_SetItem, PyObject_GetAttr, _PyObject_LookupAttr, PySequence_List, PyObject_GetIter } from "../objects/abstract.js";
import { PyTuple_New, PyTupleObject } from "../objects/tupleobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyUnicode_FromString, PyUnicode_Check, unicode_repr_text } from "../objects/unicodeobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PySeqIter_New } from "../objects/iterobject.js";
import { PyDictObject, PyDict_New, PyDict_GetItemStr, PyDict_SetItemString, PyDict_SetItem, _PyDict_InstallCall,
  _PyDict_InstallMappingProxy,
  PyDict_GetItem, _PyDict_MarkStale } from "../objects/dictobject.js";
import { PyFunctionObject, funcHooks, _PyFunction_InstallBuiltinsOf, _PyFunction_InstallDictSet, _PyFunction_InstallRepr,
  PyClassMethod_New, PyStaticMethod_New, PyFunction_Type } from "../objects/funcobject.js";
import { PyCellObject } from "../objects/cellobject.js";
import { PyCodeObject, CO_FAST_CELL, _PyCode_Materialize } from "../objects/codeobject.js";
import { PyFrameObject } from "../objects/frameobject.js";
import { PyModuleObject, PyModule_New, PyModule_Type } from "../objects/moduleobject.js";
import { _PyMethod_InstallAddressOf, nativeFunction, PyCFunction_Type } from "../objects/methodobject.js";
import { PyMethodDescr_Type, PyWrapperDescr_Type, PyClassMethodDescr_Type, PyMappingProxyObject } from "../objects/descrobject.js";
import { PyLong_FromBigInt, _PyLong_InstallCall, _PyLong_InstallRepr, _PyLong_InstallBytesRepr,
  _PyLong_InstallBytesFromObject } from "../objects/longobject.js";
import { _PyFloat_InstallCall, _PyFloat_InstallBytesRepr, PyFloat_FromDouble, _PyFloat_InstallComplexPow } from "../objects/floatobject.js";
import { PyBytes_FromArray, PyBytesObject, bytesReprText, bytesFromObject, _PyBytes_InstallEncode } from "../objects/bytesobject.js";
import { encodeUtf8 } from "../objects/unicodeobject.js";
import { _PyExc_InstallTracebackCheck, _PyExc_InstallDict, PyExc_ValueError, PyExc_OverflowError, PyExc_RuntimeError,
  PyExc_ModuleNotFoundError, PyExc_ImportError, PyExc_SystemError, PyBaseExceptionObject, PyImportErrorObject,
  PyExc_TypeError } from "../objects/exceptions.js";
import { _PyCode_InstallIter } from "../objects/codeobject.js";
import { _PyGen_InstallHooks, PyGenObject, genResult } from "../objects/genobject.js";
import { PyErr_Format, _PyErr_CreateException, _PyErr_ChainContext } from "./errors.js";
import { _PyThreadState_GET } from "./pystate.js";
import { isTraceback, sourceReader } from "./traceback.js";
import { _PyBuiltin_Init, builtinsHooks, getBuiltins, _PyBuiltin_InstallLastReturn } from "./bltinmodule.js";
import { _PySys_Create, getSys, _PySys_InstallStructseq } from "./sysmodule.js";
import { _PyEval_EvalFrame, _PyEval_Init } from "../vm/ceval.js";
import { _PyFunction_Vectorcall, callHooks, _PyEval_BindArgs } from "../vm/call.js";
import { vmHooks } from "../vm/hooks.js";
import { _Py_typing_intrinsic1, _Py_typing_intrinsic2, _PyTypeVar_Init } from "../objects/typevarobject.js";
import { compile as compileSource } from "../compiler/compile.js";
import type { ParseOptions } from "../parser/parser.js";

const PyCF_TYPE_COMMENTS = 0x1000;
import { CodeRecord } from "../compiler/code.js";
import { ConstTuple, ConstFrozenset, type ConstValue } from "../compiler/consts.js";
import { PyComplex, PyBytes, SurrogateStr } from "../ast/constant.js";
import { marshalHooks } from "./marshal.js";
import { PyComplex_FromDoubles, _PyComplex_FloatPow } from "../objects/complexobject.js";
import { PyObject_GetBufferData } from "../objects/memoryobject.js";
import { PyObject_CallMethod } from "../objects/abstract.js";
import { _PyBytes_InstallBytesLike } from "../objects/bytesobject.js";
import { _PyStructSequence_ForSys } from "../objects/structseq.js";
import { PySet_New, PyFrozenSet_New, PySet_Add, set_update_internal, PySetObject, _PySet_InstallDictFromKeys,
  setItems } from "../objects/setobject.js";
import { _PySnapshot_TakeObjects } from "./snapshot_registry.js";
import { _Py_HashRandomization_Init } from "./pyhash.js";
import { _PyImport_PreInit, _PyImport_InitFromHost, PyImport_ImportModule } from "./import.js";
import { _PyCapsule_InstallImport } from "../objects/capsule.js";
import type { Host } from "../host/host.js";

let initialized = false;

// ---- identity: id(), default hashes and the addresses shown in reprs ----

const ids = new WeakMap<object, number>();
let nextId = 0x7f3a00000000 / 16;

export function idOf(o: PyVal): number {
  if (typeof o === "number") {
    // Ints are values in Typhon; give equal ints equal ids, away from object ids.
    return 0x5500000000 + Math.abs(o) * 32 + (o < 0 ? 16 : 0);
  }
  let v = ids.get(o);
  if (v === undefined) {
    v = nextId++ * 16 + 16;
    ids.set(o, v);
  }
  return v;
}

function addressOf(o: PyVal): string {
  return "0x" + idOf(o).toString(16).padStart(12, "0");
}

// ---- code records from Typhon's compiler ----

/** Convert a compiler constant into a Python object. */
function constToPy(v: ConstValue): PyVal {
  if (v === null) return Py_None;
  if (v === true) return PyBool_FromLong(true);
  if (v === false) return PyBool_FromLong(false);
  if (typeof v === "bigint") return PyLong_FromBigInt(v);
  if (typeof v === "number") return PyFloat_FromDouble(v);
  if (typeof v === "string") return PyUnicode_FromString(v);
  if (v instanceof SurrogateStr) return PyUnicode_FromString(v.codePoints.map((c) => String.fromCharCode(c)).join(""));
  if (v instanceof PyComplex) return marshalHooks.complex(v.real, v.imag);
  if (v instanceof PyBytes) return PyBytes_FromArray(v.bytes);
  if (v instanceof ConstTuple) return PyTuple_New(v.items.map(constToPy));
  if (v instanceof ConstFrozenset) return marshalHooks.set(v.items.map(constToPy), true);
  if (v instanceof CodeRecord) return PyCode_FromRecord(v);
  return Py_Ellipsis;
}

/** Intern what CPython interns in code objects (names, identifier-like string constants). */
function internConst(v: PyVal): PyVal {
  if (PyUnicode_Check(v) && /^[A-Za-z0-9_]*$/.test(v.value)) return PyUnicode_InternFromString(v.value);
  return v;
}

export function PyCode_FromRecord(r: CodeRecord): PyCodeObject {
  return new PyCodeObject({
    co_argcount: r.co_argcount, co_posonlyargcount: r.co_posonlyargcount, co_kwonlyargcount: r.co_kwonlyargcount,
    co_stacksize: r.co_stacksize, co_flags: r.co_flags, co_code: PyBytes_FromArray(r.co_code),
    co_consts: PyTuple_New(r.co_consts.map((c) => internConst(constToPy(c)))),
    co_names: PyTuple_New(r.co_names.map((n) => PyUnicode_InternFromString(n))),
    co_localsplusnames: PyTuple_New(r.co_localsplusnames.map((n) => PyUnicode_InternFromString(n))),
    co_localspluskinds: PyBytes_FromArray(r.co_localspluskinds),
    co_filename: PyUnicode_InternFromString(r.co_filename), co_name: PyUnicode_InternFromString(r.co_name),
    co_qualname: PyUnicode_InternFromString(r.co_qualname), co_firstlineno: r.co_firstlineno,
    co_linetable: PyBytes_FromArray(r.co_linetable), co_exceptiontable: PyBytes_FromArray(r.co_exceptiontable),
  });
}

// ---- running code ----

/** Run a code object with the given globals and locals (PyEval_EvalCode); with `closure` (exec's, a tuple of
 *  cells checked by the caller) as PyEval_EvalCodeEx does: through a function holding it, for COPY_FREE_VARS. */
export function PyEval_EvalCode(code: PyCodeObject, globals: PyDictObject, locals: PyVal | null,
  closure: PyTupleObject | null = null): PyVal {
  const builtins = builtinsOf(globals);
  let func: PyFunctionObject | null = null;
  if (closure !== null) {
    func = new PyFunctionObject(code, globals, builtins, null);
    func.func_closure = closure;
  }
  const f = new PyFrameObject(_PyCode_Materialize(code), func, globals, builtins, locals ?? globals);
  return _PyEval_EvalFrame(_PyThreadState_GET(), f, null);
}

function builtinsOf(globals: PyDictObject): PyDictObject {
  const b = PyDict_GetItemStr(globals, PyUnicode_InternFromString("__builtins__"));
  if (b instanceof PyModuleObject) return b.dict!;
  if (b instanceof PyDictObject) return b;
  return getBuiltins().dict!;
}

/** Run a class body: the function's code with `ns` as its locals; returns the __classcell__ cell or None. */
function runClassBody(func: PyFunctionObject, ns: PyVal): PyVal {
  const f = new PyFrameObject(func.func_code, func, func.func_globals, func.func_builtins, ns);
  return _PyEval_EvalFrame(_PyThreadState_GET(), f, null);
}

/** super() without arguments: the first argument of the calling frame and its __class__ cell. */
function zeroArgSuper(): [PyTypeObject, PyVal] {
  const f = _PyThreadState_GET().current_frame as PyFrameObject | null;
  if (f === null) return PyErr_Format(PyExc_RuntimeError, "super(): no current frame");
  const code = f.f_code;
  if (code.co_argcount === 0) return PyErr_Format(PyExc_RuntimeError, "super(): no arguments");
  let first = f.localsplus[0];
  if (first instanceof PyCellObject && (code._kinds[0] & CO_FAST_CELL)) first = first.ob_ref;
  if (first === null) return PyErr_Format(PyExc_RuntimeError, "super(): arg[0] deleted");
  for (let i = 0; i < code._localsplusnames.length; i++) {
    if (code._localsplusnames[i].value === "__class__") {
      const cell = f.localsplus[i];
      if (!(cell instanceof PyCellObject)) return PyErr_Format(PyExc_RuntimeError, "super(): bad __class__ cell");
      const t = cell.ob_ref;
      if (t === null) return PyErr_Format(PyExc_RuntimeError, "super(): empty __class__ cell");
      if (!(t instanceof PyTypeObject)) return PyErr_Format(PyExc_RuntimeError, "super(): __class__ is not a type (" + Py_TYPE(t).tp_name + ")");
      return [t, first];
    }
  }
  return PyErr_Format(PyExc_RuntimeError, "super(): __class__ cell not found");
}

function compileHook(source: PyVal, filename: string, mode: string, flags: number, optimize: number): PyCodeObject {
  let src: string | Uint8Array;
  if (PyUnicode_Check(source)) src = source.value;
  else if (source instanceof PyBytesObject) src = source.ob_bytes;
  else return PyErr_Format(PyExc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
  const rec = compileOrRaise(src, filename, mode as "exec" | "eval" | "single", flags, optimize,
    { typeComments: (flags & PyCF_TYPE_COMMENTS) !== 0 });
  return PyCode_FromRecord(rec);
}

/** Compile source with Typhon's compiler, turning its syntax errors into Python SyntaxError objects. */
export function compileOrRaise(src: string | Uint8Array, filename: string, mode: "exec" | "eval" | "single", flags = 0,
  optimize = -1, parseOptions?: ParseOptions): CodeRecord {
  try {
    return compileSource(src, filename, mode, flags, optimize, parseOptions);
  } catch (e) {
    throw syntaxErrorHook(e);
  }
}

/** Converts a front-end error (FrontEndSyntaxError) into a Python exception; set by pythonrun. */
export let syntaxErrorHook: (e: unknown) => unknown = (e) => e;
export function _PyRun_InstallSyntaxError(f: (e: unknown) => unknown): void {
  syntaxErrorHook = f;
}

// ---- imports (a minimal version until the import system lands: sys.modules only) ----

function importName(f: PyFrameObject, name: PyUnicodeObject, fromlist: PyVal, level: PyVal): PyVal {
  const imp = PyDict_GetItemStr(f.f_builtins, PyUnicode_InternFromString("__import__"));
  if (imp === undefined) return PyErr_Format(PyExc_ImportError, "__import__ not found");
  return PyObject_Vectorcall(imp, [name, f.f_globals, f.f_locals ?? Py_None, fromlist, level], null);
}

export const importHooks = {
  /** The import system (issue #5) replaces this; by default only modules already in sys.modules import. */
  importModule: (name: string, globals: PyVal, fromlist: PyVal, level: number): PyVal => {
    void globals; void fromlist;
    if (level > 0) return PyErr_Format(PyExc_ImportError, "attempted relative import with no known parent package");
    const modules = getSys().modules;
    const top = name.split(".")[0];
    const m = PyDict_GetItemStr(modules, PyUnicode_FromString(name));
    if (m === undefined) {
      const e = _PyErr_CreateException(PyExc_ModuleNotFoundError, [PyUnicode_FromString(`No module named '${top}'`)]) as PyImportErrorObject;
      e.name = PyUnicode_FromString(top);
      _PyErr_ChainContext(e);
      throw e;
    }
    return PyDict_GetItemStr(modules, PyUnicode_FromString(top)) ?? m;
  },
};

function importFrom(module: PyVal, name: PyUnicodeObject): PyVal {
  const v = _PyObject_LookupAttr(module, name);
  if (v !== undefined) return v;
  let modName = "<unknown module name>";
  const n = _PyObject_LookupAttr(module, PyUnicode_InternFromString("__name__"));
  if (n !== undefined && PyUnicode_Check(n)) modName = n.value;
  const file = _PyObject_LookupAttr(module, PyUnicode_InternFromString("__file__"));
  const where = file !== undefined && PyUnicode_Check(file) ? file.value : "unknown location";
  const e = _PyErr_CreateException(PyExc_ImportError,
    [PyUnicode_FromString(`cannot import name '${name.value}' from '${modName}' (${where})`)]) as PyImportErrorObject;
  e.name = PyUnicode_FromString(modName);
  e.name_from = name;
  _PyErr_ChainContext(e);
  throw e;
}

function importStar(f: PyFrameObject, module: PyVal): void {
  const locals = f.f_locals;
  if (locals === null) { PyErr_Format(PyExc_SystemError, "no locals found during 'import *'"); }
  const all = _PyObject_LookupAttr(module, PyUnicode_InternFromString("__all__"));
  let names: PyVal[];
  let skipPrivate = false;
  if (all !== undefined) names = PySequence_List(all);
  else {
    const d = _PyObject_LookupAttr(module, PyUnicode_InternFromString("__dict__"));
    if (d === undefined) { PyErr_Format(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__"); }
    names = PySequence_List(PyObject_Vectorcall(PyObject_GetAttr(d!, PyUnicode_InternFromString("keys")), [], null));
    skipPrivate = true;
  }
  for (const n of names) {
    if (!PyUnicode_Check(n)) continue;
    if (skipPrivate && n.value.startsWith("_")) continue;
    PyObject_SetItem(locals!, n, PyObject_GetAttr(module, n));
  }
}

function displayHook(v: PyVal): PyVal {
  const dh = PyDict_GetItemStr(getSys().dict, PyUnicode_InternFromString("displayhook"));
  if (dh !== undefined) return PyObject_CallOneArg(dh, v);
  return Py_None;
}

/** PYTHONHASHSEED as Python/initconfig.c reads it: null for random, else 0..4294967295. */
function hashSeedOf(host: Host): number | null {
  const seed = host.env().get("PYTHONHASHSEED");
  const n = seed === undefined || seed === "random" ? null : Number(seed);
  return n !== null && Number.isInteger(n) && n >= 0 && n <= 4294967295 ? n : null;
}

function randomBytes(k: number): Uint8Array {
  const b = new Uint8Array(k);
  for (let i = 0; i < k; i++) b[i] = Math.floor(Math.random() * 256);
  return b;
}

/** The host-independent part of start-up: the hash secret, the static types and the hooks between layers. The start-up
 *  snapshot (src/runtime/snapshot_main.ts) runs it at build time with `seed`; Py_Initialize runs it otherwise. */
export function _Py_InitializeCore(seed: number | null): void {
  if (initialized) return;
  initialized = true;
  // The hash secret first: readying the types hashes (and caches the hashes of) interned names such as
  // "object", which builtins' dict must find under the same secret.
  _Py_HashRandomization_Init(seed, randomBytes);
  builtSeed = seed;
  _PyTypes_InitTypes();
  installHooks();
}

/** The seed the types were readied with; after a snapshot is restored, a different seed means rehashing. */
let builtSeed: number | null = null;
let restoredFromSnapshot = false;

/** Called by the snapshot's main function after deserialisation: the next Py_Initialize picks the process's own hash
 *  secret and rehashes what the build hashed under its secret. */
export function _Py_MarkRestoredFromSnapshot(): void {
  restoredFromSnapshot = true;
}

/** Give a restored interpreter this process's hash secret: reset every hash cached under the build's secret, then
 *  rebuild the tables of every dict and set created while building (their order of insertion is kept). */
function rehashAfterRestore(seed: number | null): void {
  restoredFromSnapshot = false;
  const objects = _PySnapshot_TakeObjects();
  if (seed !== null && seed === builtSeed) return;
  _Py_HashRandomization_Init(seed, randomBytes);
  for (const o of objects) {
    if (o instanceof PyUnicodeObject || o instanceof PyBytesObject) o.hashed = false;
    else if (o instanceof PySetObject) o.hashed = false;
  }
  for (const o of objects) {
    // Dicts are rehashed lazily, at their first lookup (most of the types' dicts are never used by a given program).
    if (o instanceof PyDictObject) _PyDict_MarkStale(o);
    else if (o instanceof PySetObject) {
      if (o.used === 0) continue;
      const items = setItems(o);
      const size = o.mask + 1;
      o.fill = 0;
      o.used = 0;
      o.table = new Array<PyVal | null>(size).fill(null);
      o.hashLo = new Int32Array(size);
      o.hashHi = new Int32Array(size);
      for (const k of items) PySet_Add(o, k);
    }
  }
}

/** Start the interpreter: types, hooks, builtins, sys, __main__ (Py_InitializeFromConfig). */
export function Py_Initialize(host: Host, argv: string[], executable = "typhon", origArgs?: readonly string[]): void {
  _PyImport_PreInit(host);
  if (!initialized) _Py_InitializeCore(hashSeedOf(host));
  else if (restoredFromSnapshot) rehashAfterRestore(hashSeedOf(host));
  const builtins = _PyBuiltin_Init();
  const sys = _PySys_Create(host, argv, executable, origArgs);
  PyDict_SetItemString(sys.modules, "builtins", builtins);
  const displayhook = nativeFunction("displayhook", (_s: PyVal, v: PyVal) => {
    if (v === Py_None) return Py_None;
    PyDict_SetItemString(getBuiltins().dict!, "_", Py_None);
    const out = PyDict_GetItemStr(getSys().dict, PyUnicode_InternFromString("stdout"))!;
    PyObject_Vectorcall(PyObject_GetAttr(out, PyUnicode_InternFromString("write")), [PyUnicode_FromString(PyObject_Repr(v).value + "\n")], null);
    PyDict_SetItemString(getBuiltins().dict!, "_", v);
    return Py_None;
  }, METH_O);
  // sys.__displayhook__ keeps the original, as sys.__excepthook__ does (doctest restores it).
  PyDict_SetItemString(sys.dict, "displayhook", displayhook);
  PyDict_SetItemString(sys.dict, "__displayhook__", displayhook);
  sourceReader.getLines = (filename: string): string[] | null => {
    try {
      const text = new TextDecoder().decode(host.readFile(filename));
      return text.split(/\r\n|\r|\n/);
    } catch {
      return null;
    }
  };
  _PyImport_InitFromHost(host);
}

function installHooks(): void {
  hooks.tuple = PyTuple_New;
  hooks.list = PyList_New;
  hooks.str = PyUnicode_FromString;
  hooks.bool = PyBool_FromLong;
  hooks.seqIter = PySeqIter_New;
  hooks.typeLookup = _PyType_Lookup;
  hooks.isSubtype = PyType_IsSubtype;
  _PyAbstract_InstallIsPlainFunction((t) => t === PyFunction_Type || t === PyMethodDescr_Type || t === PyWrapperDescr_Type);
  _PyDict_InstallCall(PyObject_CallOneArg);
  _PyDict_InstallMappingProxy((d) => new PyMappingProxyObject(d));
  _PyLong_InstallCall(PyObject_CallOneArg);
  _PyFloat_InstallCall(PyObject_CallOneArg);
  _PyLong_InstallRepr(unicode_repr_text);
  _PyLong_InstallBytesRepr((b) => bytesReprText((b as PyBytesObject).ob_bytes));
  _PyFloat_InstallBytesRepr((b) => bytesReprText((b as PyBytesObject).ob_bytes));
  _PyLong_InstallBytesFromObject((v) => bytesFromObject(v));
  _PyBytes_InstallEncode((s, enc, err) => bytesFromObject(PyObject_CallMethod(s, "encode", err === undefined ? [enc] : [enc, err])));
  _PyMethod_InstallAddressOf(addressOf);
  _PyType_InstallIdHash((o) => Math.floor(idOf(o) / 16) | 0);
  _PyType_InstallStaticMethod(PyStaticMethod_New);
  _PyType_InstallBigInt(PyLong_FromBigInt);
  _PyType_InstallErrorTypes(PyExc_ValueError, PyExc_OverflowError);
  _PyType_InstallAddNote((e, note) => {
    const add = PyObject_GetAttr(e, PyUnicode_InternFromString("add_note"));
    PyObject_CallOneArg(add, PyUnicode_FromString(note));
  });
  _PyType_InstallHooks({
    currentModuleName: () => {
      const f = _PyThreadState_GET().current_frame as PyFrameObject | null;
      if (f === null) return null;
      return PyDict_GetItemStr(f.f_globals, PyUnicode_InternFromString("__name__")) ?? null;
    },
    setCell: (cell, v) => {
      if (!(cell instanceof PyCellObject)) return false;
      cell.ob_ref = v;
      return true;
    },
    classMethod: PyClassMethod_New,
    isPythonFunction: (v) => v instanceof PyFunctionObject,
  });
  _PyType_InstallZeroArgSuper(zeroArgSuper);
  _PyExc_InstallTracebackCheck(isTraceback);
  _PyExc_InstallDict(PyDict_GetItem, PyDict_SetItem);
  _PyFunction_InstallBuiltinsOf(builtinsOf);
  _PyFunction_InstallDictSet(PyDict_SetItem);
  _PyFunction_InstallRepr((v) => PyObject_Repr(v).value);
  _PyCode_InstallIter((v) => PyObject_GetIter(v));
  _PyCapsule_InstallImport(PyImport_ImportModule);
  _PyGen_InstallHooks(isTraceback, (v) => PyObject_Repr(v).value);
  _PyBuiltin_InstallLastReturn((it) => (it instanceof PyGenObject ? genResult : null));
  funcHooks.vectorcall = _PyFunction_Vectorcall;
  callHooks.evalFrame = (f) => _PyEval_EvalFrame(_PyThreadState_GET(), f, null);
  builtinsHooks.runClassBody = runClassBody;
  builtinsHooks.compile = compileHook;
  builtinsHooks.evalCode = (code, globals, locals, closure) => PyEval_EvalCode(code, globals, locals, closure ?? null);
  builtinsHooks.idOf = idOf;
  builtinsHooks.importModule = (name, globals, _locals, fromlist, level) => {
    if (!PyUnicode_Check(name)) return PyErr_Format(PyExc_TypeError, `__import__() argument 1 must be str, not ${Py_TYPE(name).tp_name}`);
    return importHooks.importModule(name.value, globals, fromlist, level);
  };
  vmHooks.intern = PyUnicode_InternFromString;
  vmHooks.buildSet = PySet_New;
  vmHooks.setAdd = (s, v) => PySet_Add(s as PySetObject, v);
  vmHooks.setUpdate = (s, it) => set_update_internal(s as PySetObject, it);
  marshalHooks.complex = PyComplex_FromDoubles;
  _PyFloat_InstallComplexPow(_PyComplex_FloatPow);
  _PyBytes_InstallBytesLike(PyObject_GetBufferData);
  _PySys_InstallStructseq(_PyStructSequence_ForSys);
  marshalHooks.set = (items, frozen) => (frozen ? PyFrozenSet_New(items) : PySet_New(items));
  _PySet_InstallDictFromKeys();
  vmHooks.importName = importName;
  vmHooks.importFrom = importFrom;
  vmHooks.importStar = importStar;
  vmHooks.displayHook = displayHook;
  _PyTypeVar_Init();
  vmHooks.intrinsic1 = (oparg, v) => _Py_typing_intrinsic1(oparg, v) ?? PyErr_Format(PyExc_SystemError, `invalid intrinsic function ${oparg}`);
  vmHooks.intrinsic2 = (oparg, a, b) => _Py_typing_intrinsic2(oparg, a, b) ?? PyErr_Format(PyExc_SystemError, `invalid intrinsic function ${oparg}`);
  vmHooks.dummy = () => new PyObject(PyModule_Type);
  vmHooks.predicate = (f) => nativeFunction("<predicate>", (_s: PyVal, x: PyVal) => PyBool_FromLong(f(x)), METH_O);
  _PyEval_Init();
  void PyCFunction_Type; void PyClassMethodDescr_Type; void PyType_Modified; void _PyEval_BindArgs; void PyDict_New;
  void Py_HashHi; void PyBaseExceptionObject; void PyTupleObject; void PyModule_New;
}
