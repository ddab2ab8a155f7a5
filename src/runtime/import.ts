// The import system's native half (Python/import.c, Python/frozen.c): the _imp module, the built-in module table,
// frozen modules, the bootstrap of DESIGN-FACTS §8.2 (_frozen_importlib._install, _install_external_importers,
// zipimport), __import__ (PyImport_ImportModuleLevelObject) and IMPORT_FROM. See docs/imports.md.
import {
  PyObject, PyType_Declare, PyType_FromSpecStatic,
  PyTypeObject, Py_None, Py_TYPE, PyUnicode_InternFromString, METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS,
  type PyVal, PyUnicodeObject,
} from "../objects/object.js";
import { PyModuleObject, PyModule_New, PyModule_Type, builtinModuleNames, moduleReprHook, _PyModule_SetLazy } from "../objects/moduleobject.js";
import { PyDictObject, PyDict_GetItemStr, PyDict_SetItemString, PyDict_GetItem, PyDict_SetItem, PyDict_New } from "../objects/dictobject.js";
import { PyUnicode_FromString, PyUnicode_Check, PyUnicode_CheckExact } from "../objects/unicodeobject.js";
import { PyTuple_New, PyTuple_CheckExact } from "../objects/tupleobject.js";
import { PyList_New, PyListObject } from "../objects/listobject.js";
import { PyBytes_FromArray, PyBytesObject } from "../objects/bytesobject.js";
import { Py_True, Py_False, PyBool_FromLong } from "../objects/boolobject.js";
import { PyCodeObject, _PyCode_Materialize } from "../objects/codeobject.js";
import { PyLong_FromBigInt, longValue } from "../objects/longobject.js";
import { PyExc_ImportError, PyExc_ModuleNotFoundError, PyExc_TypeError, PyExc_ValueError, PyExc_KeyError,
  PyImportErrorObject, PyBaseExceptionObject } from "../objects/exceptions.js";
import { formatException, PyTracebackObject, sourceReader } from "./traceback.js";
import { zipSource } from "../modules/zipimport.js";
import { PyType_IsSubtype, hooks } from "../objects/abstract.js";
import { PyObject_GetAttrStr, PyObject_Vectorcall, PyObject_IsTrue, PyObject_CallMethod, _PyObject_LookupAttr,
  PyObject_GetAttr } from "../objects/abstract.js";
import { _PyStructSequence_ForSys } from "../objects/structseq.js";
import { _PyNamespace_New } from "../objects/namespaceobject.js";
import { PyFrameObject } from "../objects/frameobject.js";
import { PyErr_Format, PyErr_SetObject, _PyErr_CreateException, _PyErr_ChainContext } from "./errors.js";
import { parseArgs, unpackArgs } from "./getargs.js";
import { getSys, PySys_Audit, PySys_Auditing } from "./sysmodule.js";
import { _PySite_InstallBuiltins } from "./sitebuiltins.js";
import { STDLIB_MODULE_NAMES } from "./stdlib_module_names.js";
import { PyFrozenSet_New } from "../objects/setobject.js";
import { getBuiltins, builtinsHooks } from "./bltinmodule.js";
import { PyEval_EvalCode, importHooks } from "./pylifecycle.js";
import { moduleRunner } from "./pythonrun.js";
import { vmHooks } from "../vm/hooks.js";
import { marshal_loads } from "./marshal.js";
import { marshal_dumps } from "./marshal_write.js";
import { PyMemoryView_FromObject, PyObject_GetBufferData } from "../objects/memoryobject.js";
import { PyErr_WarnEx } from "../modules/_warnings.js";
import { PyModule_FromDef, type PyModuleDef } from "../modules/moduledef.js";
import { _PyImport_Inittab } from "../modules/config.js";
import type { Host } from "../host/host.js";
import { setCurrentHost, currentHost } from "../host/current.js";
import { Py_GenericAlias } from "../objects/genericaliasobject.js";
import { _PyGenericAlias_InstallUnion } from "../objects/genericaliasobject.js";
import { _Py_union_type_or } from "../objects/unionobject.js";
import { _PySet_InstallGenericAlias } from "../objects/setobject.js";
import { _PyExc_InstallGenericAlias } from "../objects/exceptions.js";
import { _PyWeakref_InstallGenericAlias } from "../modules/_weakref.js";
import { _PyType_InstallUnion, PyType_Modified } from "../objects/typeobject.js";
import { PyCFunction_New, addressOf } from "../objects/methodobject.js";
import { _PyItertools_InstallGenericAlias, _PyItertools_InstallAddressOf } from "../modules/itertoolsmodule.js";
import { _PyCollections_InstallGenericAlias } from "../modules/_collectionsmodule.js";
import { PyClassMethod_New } from "../objects/funcobject.js";
import { _PyIO_InstallBuiltinExc, create_stdio } from "../modules/_io/_iomodule.js";
import { _PyIO_InstallBuiltins } from "../modules/_io/iobase.js";
import { _PyCodecs_InstallNameLookup, _PyCodecs_InstallRegistryFallback } from "../modules/_codecsmodule.js";
import { lookupForEscape } from "../unicode/unicodedata_impl.js";
import { _PyIO_InstallLookupError } from "../modules/_io/textio.js";
import { _PyGC_AddRoot } from "./gc.js";
import { _PySys_MakeUnraisableHook } from "./unraisable.js";

/** Typhon's bytecode cache tag (sys.implementation.cache_tag): .pyc files are `name.typhon-313.pyc`. */
export const CACHE_TAG = "typhon-313";

// ---- the frozen-module table (Python/frozen.c), built by tools/freeze.ts into <dist>/frozen.bin ----

interface FrozenEntry {
  name: string;
  /** The module whose source it was compiled from (importlib._bootstrap for _frozen_importlib). */
  origname: string;
  ispkg: boolean;
  /** Part of the standard library (skipped when --stdlib selects another Lib), as opposed to the bootstrap. */
  stdlib: boolean;
  code: Uint8Array;
}

const frozenModules = new Map<string, FrozenEntry>();

/** Parse frozen.bin: "TYFZ", a u32 header length, a JSON header [{name, origname, ispkg, stdlib, offset, size}], data. */
export function loadFrozenTable(data: Uint8Array, includeStdlib: boolean): void {
  frozenModules.clear();
  if (data.length < 8 || String.fromCharCode(data[0], data[1], data[2], data[3]) !== "TYFZ") return;
  const hlen = data[4] | (data[5] << 8) | (data[6] << 16) | (data[7] << 24);
  const header = JSON.parse(new TextDecoder().decode(data.subarray(8, 8 + hlen))) as
    { name: string; origname: string; ispkg: boolean; stdlib: boolean; offset: number; size: number }[];
  const base = 8 + hlen;
  // A plain Uint8Array view (not a Node Buffer): code objects' byte strings are views of it (marshal_loads's share).
  data = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  for (const h of header) {
    if (h.stdlib && !includeStdlib) continue;
    frozenModules.set(h.name, { name: h.name, origname: h.origname, ispkg: h.ispkg, stdlib: h.stdlib,
      code: data.subarray(base + h.offset, base + h.offset + h.size) });
  }
}

function frozenCode(name: string): PyCodeObject {
  const e = frozenModules.get(name);
  if (e === undefined) return raiseImportError(`No such frozen object named '${name}'`, name);
  const c = marshal_loads(e.code, 0, true, true);
  if (!(c instanceof PyCodeObject)) return PyErr_Format(PyExc_TypeError, `frozen object ${name} is not a code object`);
  return c;
}

// ---- errors ----

/** An exception class from builtins by name (those object.ts does not export, e.g. ImportWarning). */
export function builtinExc(name: string): PyTypeObject {
  return PyDict_GetItemStr(getBuiltins().dict!, PyUnicode_InternFromString(name)) as PyTypeObject;
}

function raiseImportError(msg: string, name: string | null, path: string | null = null, type: PyTypeObject = PyExc_ImportError): never {
  const e = _PyErr_CreateException(type, [PyUnicode_FromString(msg)]) as PyImportErrorObject;
  e.name = name === null ? Py_None : PyUnicode_FromString(name);
  e.path = path === null ? Py_None : PyUnicode_FromString(path);
  _PyErr_ChainContext(e);
  throw e;
}

// ---- built-in modules ----

const builtinModules = new Map<string, PyModuleObject>();
_PyGC_AddRoot("import", () => [builtinModules, importlib]);

/** Create (once) the built-in module `name` from the inittab (create_builtin). */
export function createBuiltin(name: string): PyModuleObject | null {
  if (name === "sys") return getSys().module;
  if (name === "builtins") return getBuiltins();
  const done = builtinModules.get(name);
  if (done !== undefined) return done;
  const def = name === "_imp" ? impmodule : _PyImport_Inittab.get(name);
  if (def === undefined) return null;
  const m = PyModule_FromDef(def);
  builtinModules.set(name, m);
  return m;
}

// ---- the _imp module ----

function strArg(v: PyVal, fname: string, pos = 1): string {
  if (!PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, `${fname}() argument${pos ? ` ${pos}` : ""} must be str, not ${Py_TYPE(v).tp_name}`);
  return v.value;
}

function imp_create_builtin(_m: PyVal, spec: PyVal): PyVal {
  const nameObj = PyObject_GetAttrStr(spec, "name")!;
  if (!PyUnicode_Check(nameObj)) return PyErr_Format(PyExc_TypeError, `name must be string, not ${Py_TYPE(nameObj).tp_name}`);
  const name = nameObj.value;
  const existing = PyDict_GetItemStr(getSys().modules, PyUnicode_FromString(name));
  if ((name === "sys" || name === "builtins") && existing !== undefined) return existing;
  const m = createBuiltin(name);
  if (m === null) return Py_None;
  return m;
}

function imp_find_frozen(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [n, withdata] = parseArgs("find_frozen", args, kwnames, ["", "*withdata"], 1, 1);
  const name = strArg(n!, "find_frozen");
  const e = frozenModules.get(name);
  if (e === undefined) return Py_None;
  // The table holds Typhon's format (lazy code records): the data marshal.loads and get_frozen_object read is the
  // code object marshalled as CPython's, in a read-only memoryview as CPython gives.
  const data = withdata !== undefined && PyObject_IsTrue(withdata)
    ? PyMemoryView_FromObject(PyBytes_FromArray(marshal_dumps(frozenCode(name)))) : Py_None;
  return PyTuple_New([data, PyBool_FromLong(e.ispkg), PyUnicode_FromString(e.origname)]);
}

function imp_get_frozen_object(_m: PyVal, args: PyVal[]): PyVal {
  const [n, data] = unpackArgs("get_frozen_object", args, 1, 2);
  const name = strArg(n!, "get_frozen_object");
  // Data from find_frozen (a memoryview) or any other buffer of marshal data (CPython's Py_buffer argument).
  const buf = data === undefined || data === Py_None ? null : PyObject_GetBufferData(data);
  if (buf !== null) {
    const c = marshal_loads(buf);
    if (!(c instanceof PyCodeObject)) return PyErr_Format(PyExc_TypeError, `frozen object ${name} is not a code object`);
    return c;
  }
  return frozenCode(name);
}

function imp_init_frozen(_m: PyVal, n: PyVal): PyVal {
  const name = strArg(n, "init_frozen");
  if (!frozenModules.has(name)) return Py_None;
  return execFrozen(name);
}

/** Replace co_filename in a code object and its nested code objects (_imp._fix_co_filename, import.c's
 *  update_compiled_module). */
export function fixCoFilename(code: PyCodeObject, oldName: string, newName: PyUnicodeObject): void {
  if (code.co_filename.value !== oldName) return;
  code.co_filename = newName;
  // A lazily read code object's nested code objects are in its body (still with the old name): read it now.
  for (const c of _PyCode_Materialize(code).co_consts.ob_item) if (c instanceof PyCodeObject) fixCoFilename(c, oldName, newName);
}

const M64 = (1n << 64n) - 1n;
function rotl(x: bigint, b: bigint): bigint {
  return ((x << b) | (x >> (64n - b))) & M64;
}

/** SipHash-1-3 with a 128-bit key (k0, k1), as _Py_KeyedHash (BigInt: only hash-based pycs use it). */
export function siphash13Keyed(k0: bigint, k1: bigint, src: Uint8Array): bigint {
  let v0 = k0 ^ 0x736f6d6570736575n, v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n, v3 = k1 ^ 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & M64; v1 = rotl(v1, 13n); v1 ^= v0; v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & M64; v3 = rotl(v3, 16n); v3 ^= v2;
    v0 = (v0 + v3) & M64; v3 = rotl(v3, 21n); v3 ^= v0;
    v2 = (v2 + v1) & M64; v1 = rotl(v1, 17n); v1 ^= v2; v2 = rotl(v2, 32n);
  };
  const n = src.length;
  const full = n - (n % 8);
  const dv = new DataView(src.buffer, src.byteOffset, src.byteLength);
  for (let i = 0; i < full; i += 8) {
    const m = dv.getBigUint64(i, true);
    v3 ^= m;
    round();
    v0 ^= m;
  }
  let t = BigInt(n & 0xff) << 56n;
  for (let i = full; i < n; i++) t |= BigInt(src[i]) << BigInt(8 * (i - full));
  v3 ^= t;
  round();
  v0 ^= t;
  v2 ^= 0xffn;
  round(); round(); round();
  return (v0 ^ v1 ^ v2 ^ v3) & M64;
}

function imp_source_hash(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [key, source] = parseArgs("source_hash", args, kwnames, ["key", "source"], 2, 2);
  const k = BigInt.asUintN(64, BigInt(longValue(key!)));
  const b = (source as PyBytesObject).ob_bytes;
  const h = siphash13Keyed(k, 0n, b);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, h, true);
  return PyBytes_FromArray(out);
}

export const impmodule: PyModuleDef = {
  m_name: "_imp",
  m_doc: "(Extremely) low-level import machinery bits as used by importlib.",
  m_methods: [
    { name: "lock_held", meth: () => Py_False, flags: METH_NOARGS },
    { name: "acquire_lock", meth: () => Py_None, flags: METH_NOARGS },
    { name: "release_lock", meth: () => Py_None, flags: METH_NOARGS },
    { name: "is_builtin", meth: (_m: PyVal, n: PyVal) => {
      const name = strArg(n, "is_builtin");
      if (name === "sys" || name === "builtins") return -1;
      return name === "_imp" || _PyImport_Inittab.has(name) ? 1 : 0;
    }, flags: METH_O },
    { name: "create_builtin", meth: imp_create_builtin, flags: METH_O },
    { name: "exec_builtin", meth: () => 0, flags: METH_O },
    { name: "is_frozen", meth: (_m: PyVal, n: PyVal) => PyBool_FromLong(frozenModules.has(strArg(n, "is_frozen"))), flags: METH_O },
    { name: "is_frozen_package", meth: (_m: PyVal, n: PyVal) => {
      const name = strArg(n, "is_frozen_package");
      const e = frozenModules.get(name);
      if (e === undefined) return raiseImportError(`No such frozen object named '${name}'`, name);
      return PyBool_FromLong(e.ispkg);
    }, flags: METH_O },
    { name: "find_frozen", meth: imp_find_frozen, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "get_frozen_object", meth: imp_get_frozen_object, flags: METH_FASTCALL },
    { name: "init_frozen", meth: imp_init_frozen, flags: METH_O },
    { name: "_frozen_module_names", meth: () => PyTuple_New([...frozenModules.keys()].map(PyUnicode_FromString)), flags: METH_NOARGS },
    { name: "_override_frozen_modules_for_tests", meth: () => Py_None, flags: METH_O },
    { name: "_override_multi_interp_extensions_check", meth: () => -1, flags: METH_O },
    { name: "extension_suffixes", meth: () => PyList_New([]), flags: METH_NOARGS },
    { name: "create_dynamic", meth: (_m: PyVal, a: PyVal[]) => {
      const spec = a[0];
      const n = PyObject_GetAttrStr(spec, "name")!;
      const name = PyUnicode_Check(n) ? n.value : "?";
      return raiseImportError(`extension modules are not supported by Typhon: '${name}'`, name);
    }, flags: METH_FASTCALL },
    { name: "exec_dynamic", meth: () => 0, flags: METH_O },
    { name: "_fix_co_filename", meth: (_m: PyVal, a: PyVal[]) => {
      const [code, path] = unpackArgs("_fix_co_filename", a, 2, 2);
      if (!(code instanceof PyCodeObject)) return PyErr_Format(PyExc_TypeError, `_fix_co_filename() argument 1 must be code, not ${Py_TYPE(code!).tp_name}`);
      const p = strArg(path!, "_fix_co_filename", 2);
      fixCoFilename(code, code.co_filename.value, PyUnicode_FromString(p));
      return Py_None;
    }, flags: METH_FASTCALL },
    { name: "source_hash", meth: imp_source_hash, flags: METH_FASTCALL | METH_KEYWORDS },
  ],
  m_exec: (m) => {
    PyDict_SetItemString(m.dict!, "check_hash_based_pycs", PyUnicode_FromString(checkHashBasedPycs));
  },
};

let checkHashBasedPycs = "default";

// ---- executing frozen modules (PyImport_ImportFrozenModuleObject) ----

function execFrozen(name: string): PyModuleObject {
  const code = frozenCode(name);
  const e = frozenModules.get(name)!;
  const modules = getSys().modules;
  const m = PyModule_New(name);
  const d = m.dict!;
  if (e.ispkg) PyDict_SetItemString(d, "__path__", PyList_New([]));
  PyDict_SetItemString(d, "__builtins__", getBuiltins());
  // FrozenImporter._fix_up_module reads it back (PyImport_ImportFrozenModuleObject).
  PyDict_SetItemString(d, "__origname__", PyUnicode_FromString(e.origname));
  PyDict_SetItemString(modules, name, m);
  try {
    PyEval_EvalCode(code, d, d);
  } catch (e) {
    if (PyDict_GetItemStr(modules, PyUnicode_FromString(name)) === m) {
      PyObject_CallMethod(modules, "pop", [PyUnicode_FromString(name), Py_None]);
    }
    throw e;
  }
  return (PyDict_GetItemStr(modules, PyUnicode_FromString(name)) as PyModuleObject | undefined) ?? m;
}

// ---- __import__ (PyImport_ImportModuleLevelObject) ----

let importlib: PyModuleObject | null = null;

function getModule(name: PyUnicodeObject): PyVal | undefined {
  return PyDict_GetItem(getSys().modules, name);
}

/** The module _frozen_importlib once the import system is up (interp->importlib), else null. */
export function _PyImport_GetImportlib(): PyModuleObject | null {
  return importlib;
}

/** builtins.__import__ as it was at start-up (interp->imports.import_func): IMPORT_NAME calls the import system
 *  directly while the frame's builtins still hold it, and _find_and_load/_handle_fromlist get it as import_. */
let importFunc: PyVal | null = null;

const str__import__ = PyUnicode_InternFromString("__import__");
const str__spec__ = PyUnicode_InternFromString("__spec__");
const str__path__ = PyUnicode_InternFromString("__path__");
const str_initializing = PyUnicode_InternFromString("_initializing");
const str__getattr__ = PyUnicode_InternFromString("__getattr__");
const str_find_and_load = PyUnicode_InternFromString("_find_and_load");

/** IMPORT_NAME (import_name in Python/ceval.c): the import system itself unless the frame's builtins.__import__
 *  was replaced, in which case that is called with (name, globals, locals, fromlist, level). */
function importName(f: PyFrameObject, name: PyUnicodeObject, fromlist: PyVal, level: PyVal): PyVal {
  const imp = PyDict_GetItemStr(f.f_builtins, str__import__);
  if (imp === undefined) return PyErr_Format(PyExc_ImportError, "__import__ not found");
  if (imp === importFunc && importFunc !== null) {
    const ilevel = typeof level === "number" ? level : Number(longValue(level));
    return PyImport_ImportModuleLevelObject(name, f.f_globals, fromlist, ilevel);
  }
  return PyObject_Vectorcall(imp, [name, f.f_globals, f.f_locals ?? Py_None, fromlist, level], null);
}

function isInitializing(spec: PyVal | undefined): boolean {
  if (spec === undefined || spec === Py_None) return false;
  const v = _PyObject_LookupAttr(spec, str_initializing);
  return v !== undefined && PyObject_IsTrue(v);
}

/** resolve_name: the absolute name of a relative import from the importing module's globals. */
function resolveName(name: string, globals: PyVal, level: number): string {
  if (globals === Py_None) return PyErr_Format(PyExc_KeyError, "'__name__' not in globals");
  if (!(globals instanceof PyDictObject)) return PyErr_Format(PyExc_TypeError, "globals must be a dict");
  let pkg = PyDict_GetItemStr(globals, PyUnicode_InternFromString("__package__"));
  if (pkg === Py_None) pkg = undefined;
  const spec = PyDict_GetItemStr(globals, PyUnicode_InternFromString("__spec__"));
  let packageName: string;
  if (pkg !== undefined) {
    if (!PyUnicode_Check(pkg)) return PyErr_Format(PyExc_TypeError, "package must be a string");
    packageName = pkg.value;
    if (spec !== undefined && spec !== Py_None) {
      const parent = PyObject_GetAttrStr(spec, "parent")!;
      if (!(PyUnicode_Check(parent) && parent.value === packageName)) {
        PyErr_WarnEx(builtinExc("ImportWarning"), PyUnicode_FromString("__package__ != __spec__.parent"), 1);
      }
    }
  } else if (spec !== undefined && spec !== Py_None) {
    const parent = PyObject_GetAttrStr(spec, "parent")!;
    if (!PyUnicode_Check(parent)) return PyErr_Format(PyExc_TypeError, "__spec__.parent must be a string");
    packageName = parent.value;
  } else {
    PyErr_WarnEx(builtinExc("ImportWarning"), PyUnicode_FromString(
      "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__"), 1);
    const n = PyDict_GetItemStr(globals, PyUnicode_InternFromString("__name__"));
    if (n === undefined) return PyErr_Format(PyExc_KeyError, "'__name__' not in globals");
    if (!PyUnicode_Check(n)) return PyErr_Format(PyExc_TypeError, "__name__ must be a string");
    packageName = n.value;
    if (PyDict_GetItemStr(globals, PyUnicode_InternFromString("__path__")) === undefined) {
      const dot = packageName.lastIndexOf(".");
      packageName = dot < 0 ? "" : packageName.slice(0, dot);
    }
  }
  let lastDot = packageName.length;
  if (lastDot === 0) return raiseImportError("attempted relative import with no known parent package", null);
  for (let up = 1; up < level; up++) {
    lastDot = packageName.lastIndexOf(".", lastDot - 1);
    if (lastDot === -1) return raiseImportError("attempted relative import beyond top-level package", null);
  }
  const base = packageName.slice(0, lastDot);
  return name.length === 0 ? base : `${base}.${name}`;
}

function builtinsImport(): PyVal {
  return importFunc ?? PyDict_GetItemStr(getBuiltins().dict!, str__import__) ?? Py_None;
}

/** Imports under way on the Python stack (findAndLoad calls): the host hears when the outermost starts and ends. */
let importDepth = 0;

function findAndLoad(absObj: PyUnicodeObject): PyVal {
  const absName = absObj.value;
  if (importlib === null) {
    return raiseImportError(`No module named '${absName.split(".")[0]}'`, absName.split(".")[0], null, PyExc_ModuleNotFoundError);
  }
  const f = PyDict_GetItemStr(importlib.dict!, str_find_and_load)!;
  if (PySys_Auditing()) {
    const sd = getSys().dict;
    const sysAttr = (n: string): PyVal => PyDict_GetItemStr(sd, PyUnicode_InternFromString(n)) ?? Py_None;
    PySys_Audit("import", [absObj, Py_None, sysAttr("path"), sysAttr("meta_path"), sysAttr("path_hooks")]);
  }
  const phase = currentHost().importPhase;
  if (phase !== undefined && importDepth === 0) phase(true);
  importDepth++;
  try {
    if (!importTime) return PyObject_Vectorcall(f, [absObj, builtinsImport()], null);
    return findAndLoadTimed(f, absObj);
  } finally {
    if (--importDepth === 0 && phase !== undefined) phase(false);
  }
}

// -X importtime / PYTHONPROFILEIMPORTTIME (import_find_and_load): one line per module on stderr, written straight to
// the host's stderr as CPython's fprintf, in microseconds rounded up; the cumulative time includes nested imports.
let importTime = false;
let xOptions: string[] = [];
let importTimeHeader = true;
let importTimeLevel = 0;
let importTimeAccumulated = 0n;

function findAndLoadTimed(f: PyVal, absObj: PyUnicodeObject): PyVal {
  const absName = absObj.value;
  const host = currentHost();
  const write = (s: string): void => host.writeStderr(new TextEncoder().encode(s));
  if (importTimeHeader) {
    write("import time: self [us] | cumulative | imported package\n");
    importTimeHeader = false;
  }
  const accumulatedCopy = importTimeAccumulated;
  importTimeLevel++;
  const t1 = host.monotonicNs();
  importTimeAccumulated = 0n;
  let mod: PyVal;
  try {
    mod = PyObject_Vectorcall(f, [absObj, builtinsImport()], null);
  } finally {
    const cum = host.monotonicNs() - t1;
    importTimeLevel--;
    const us = (ns: bigint): string => String((ns + 999n) / 1000n);
    write(`import time: ${us(cum - importTimeAccumulated).padStart(9)} | ${us(cum).padStart(10)} | `
      + `${" ".repeat(importTimeLevel * 2)}${absName}\n`);
    importTimeAccumulated = accumulatedCopy + cum;
  }
  return mod;
}

/**
 * remove_importlib_frames: drop the frozen importlib's frames from an import error's traceback: every chunk of
 * them for an ImportError, and chunks ending in _call_with_frames_removed for other errors (not with -v).
 */
function removeImportlibFrames(exc: PyBaseExceptionObject): void {
  if (verboseImports > 0) return;
  const alwaysTrim = PyType_IsSubtype(exc.ob_type, PyExc_ImportError);
  const isImportlib = (tb: PyTracebackObject): boolean => {
    const f = tb.tb_frame.f_code.co_filename.value;
    return f === "<frozen importlib._bootstrap>" || f === "<frozen importlib._bootstrap_external>";
  };
  // Work on an array of links, then rebuild the chain.
  const tbs: PyTracebackObject[] = [];
  for (let tb = exc.traceback instanceof PyTracebackObject ? exc.traceback : null; tb !== null; tb = tb.tb_next) tbs.push(tb);
  const keep: PyTracebackObject[] = [];
  let chunkStart = -1;
  let inImportlib = false;
  for (const tb of tbs) {
    const now = isImportlib(tb);
    if (now && !inImportlib) chunkStart = keep.length;
    inImportlib = now;
    if (now && (alwaysTrim || tb.tb_frame.f_code.co_name.value === "_call_with_frames_removed")) {
      keep.length = chunkStart; // the whole chunk so far goes
    } else keep.push(tb);
  }
  for (let i = 0; i < keep.length; i++) keep[i].tb_next = i + 1 < keep.length ? keep[i + 1] : null;
  exc.traceback = keep.length > 0 ? keep[0] : Py_None;
}

let verboseImports = 0;

/** __import__(name, globals, locals, fromlist, level) as CPython's PyImport_ImportModuleLevelObject. */
export function PyImport_ImportModuleLevel(name: string, globals: PyVal, fromlist: PyVal, level: number): PyVal {
  return PyImport_ImportModuleLevelObject(PyUnicode_FromString(name), globals, fromlist, level);
}

/** PyImport_ImportModuleLevelObject: `name` is the str IMPORT_NAME or __import__ got (an exact str is looked up in
 *  sys.modules as it is: the compiler's names are interned, so their hashes are cached). */
export function PyImport_ImportModuleLevelObject(nameObj: PyUnicodeObject, globals: PyVal, fromlist: PyVal, level: number): PyVal {
  if (pendingBootstrap !== null) ensureImportlib();
  if (level < 0) return PyErr_Format(PyExc_ValueError, "level must be >= 0");
  const name = nameObj.value;
  let absObj: PyUnicodeObject;
  if (level > 0) absObj = PyUnicode_InternFromString(resolveName(name, globals, level));
  else {
    if (name.length === 0) return PyErr_Format(PyExc_ValueError, "Empty module name");
    absObj = PyUnicode_CheckExact(nameObj) ? nameObj : PyUnicode_FromString(name);
  }
  let mod = getModule(absObj);
  if (mod !== undefined && mod !== Py_None) {
    const spec = _PyObject_LookupAttr(mod, str__spec__);
    if (isInitializing(spec) && importlib !== null) {
      PyObject_Vectorcall(PyDict_GetItemStr(importlib.dict!, PyUnicode_InternFromString("_lock_unlock_module"))!, [absObj], null);
    }
  } else {
    try {
      mod = findAndLoad(absObj);
    } catch (e) {
      if (e instanceof PyBaseExceptionObject) removeImportlibFrames(e);
      throw e;
    }
  }
  const hasFrom = fromlist !== Py_None && PyObject_IsTrue(fromlist);
  if (!hasFrom) {
    if (level === 0 || name.length > 0) {
      const dot = name.indexOf(".");
      if (dot === -1) return mod;
      if (level === 0) return PyImport_ImportModuleLevelObject(PyUnicode_InternFromString(name.slice(0, dot)), Py_None, Py_None, 0);
      const cutOff = name.length - dot;
      const toReturn = absObj.value.slice(0, absObj.value.length - cutOff);
      const fm = getModule(PyUnicode_InternFromString(toReturn));
      if (fm === undefined) return PyErr_Format(PyExc_KeyError, `'${toReturn}' not in sys.modules as expected`);
      return fm;
    }
    return mod;
  }
  const path = _PyObject_LookupAttr(mod, str__path__);
  if (path !== undefined && importlib !== null) return handleFromlist(mod, fromlist);
  return mod;
}

/**
 * _bootstrap._handle_fromlist(module, fromlist, import_) for a package. When every item of an exact tuple is an
 * exact str other than '*' that the package already has (hasattr), the Python function would only return the
 * module, so that is done here; from the first other item on, the rest of the tuple goes to the Python function
 * (each item is handled independently, so the result, warnings and errors are the same). Only for plain modules
 * without a module __getattr__ (PEP 562): their attribute lookups have no side effects, so looking a missing name up
 * here and again in Python is not observable (a lazy module's __getattribute__ or a __getattr__ would run twice).
 */
function handleFromlist(mod: PyVal, fromlist: PyVal): PyVal {
  let rest = fromlist;
  if (PyTuple_CheckExact(fromlist) && mod instanceof PyModuleObject && mod.ob_type === PyModule_Type
    && mod.dict !== null && PyDict_GetItemStr(mod.dict, str__getattr__) === undefined) {
    const items = fromlist.ob_item;
    let i = 0;
    for (; i < items.length; i++) {
      const x = items[i];
      if (!PyUnicode_CheckExact(x) || x.value === "*" || _PyObject_LookupAttr(mod, x) === undefined) break;
    }
    if (i === items.length) return mod;
    if (i > 0) rest = PyTuple_New(items.slice(i));
  }
  return PyObject_Vectorcall(PyDict_GetItemStr(importlib!.dict!, PyUnicode_InternFromString("_handle_fromlist"))!,
    [mod, rest, builtinsImport()], null);
}

/** PyImport_ImportModule(name): the module itself, not the top-level package. */
export function PyImport_ImportModule(name: string): PyVal {
  // Native callers name a small set of modules: interned, their hashes are computed once.
  const nameObj = PyUnicode_InternFromString(name);
  PyImport_ImportModuleLevelObject(nameObj, Py_None, Py_None, 0);
  const m = getModule(nameObj);
  if (m === undefined) return PyErr_Format(PyExc_KeyError, `'${name}' not in sys.modules as expected`);
  return m;
}

/** IMPORT_FROM (_PyEval_ImportFrom): the attribute, else the submodule from sys.modules, else ImportError. */
export function _PyEval_ImportFrom(v: PyVal, name: PyUnicodeObject): PyVal {
  const x = _PyObject_LookupAttr(v, name);
  if (x !== undefined) return x;
  const pn = _PyObject_LookupAttr(v, PyUnicode_InternFromString("__name__"));
  const pkgname = pn !== undefined && PyUnicode_Check(pn) ? pn.value : null;
  if (pkgname !== null) {
    const sub = getModule(PyUnicode_FromString(`${pkgname}.${name.value}`));
    if (sub !== undefined) return sub;
  }
  const shown = pkgname ?? "<unknown module name>";
  const fileObj = v instanceof PyModuleObject ? PyDict_GetItemStr(v.dict!, PyUnicode_InternFromString("__file__")) : undefined;
  const q = (s: string) => `'${s}'`;
  let msg: string;
  let path: string | null = null;
  if (fileObj === undefined || !PyUnicode_Check(fileObj)) {
    msg = `cannot import name ${q(name.value)} from ${q(shown)} (unknown location)`;
  } else {
    path = fileObj.value;
    const spec = _PyObject_LookupAttr(v, PyUnicode_InternFromString("__spec__"));
    msg = isInitializing(spec)
      ? `cannot import name ${q(name.value)} from partially initialized module ${q(shown)} (most likely due to a circular import) (${path})`
      : `cannot import name ${q(name.value)} from ${q(shown)} (${path})`;
  }
  const e = _PyErr_CreateException(PyExc_ImportError, [PyUnicode_FromString(msg)]) as PyImportErrorObject;
  e.name = pkgname === null ? Py_None : PyUnicode_FromString(pkgname);
  e.path = path === null ? Py_None : PyUnicode_FromString(path);
  e.name_from = name;
  _PyErr_ChainContext(e);
  throw e;
}

// ---- start-up ----

export interface ImportConfig {
  /** The standard library: pyodide's zip (through zipimport) or a CPython 3.13 Lib directory. */
  stdlib: { kind: "zip" | "dir"; path: string } | null;
  /** The contents of <dist>/frozen.bin (or a function reading them at the first import), null for none. */
  frozen: Uint8Array | null | (() => Uint8Array | null);
  /** sys.path[0]: the script's directory, '' for -c/-m/stdin, null for none (-P / -I). */
  path0: string | null;
  /** PYTHONPATH entries. */
  pythonpath: string[];
  dontWriteBytecode: boolean;
  verbose: number;
  optimize: number;
  noSite: boolean;
  isolated: boolean;
  safePath: boolean;
  checkHashBasedPycs: string;
  /** -u / PYTHONUNBUFFERED: binary stdout/stderr unbuffered, text written through. */
  unbuffered: boolean;
}

const FLAG_FIELDS = ["debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
  "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
  "warn_default_encoding", "safe_path", "int_max_str_digits"];

/** Runs before sys exists: the struct sequences sys needs (version_info, flags, ...). */
export function _PyImport_PreInit(host: Host): void {
  setCurrentHost(host);
}

/** sys's import-related attributes, the _imp module, the frozen importlib, and the path-based importers. */
export function _PyImport_Init(cfg: ImportConfig): void {
  installGenericAlias();
  const sys = getSys();
  const d = sys.dict;
  checkHashBasedPycs = cfg.checkHashBasedPycs;
  verboseImports = cfg.verbose;
  const names = ["_imp", "builtins", "sys", ..._PyImport_Inittab.keys()].sort();
  for (const n of names) builtinModuleNames.add(n);
  PyDict_SetItemString(d, "builtin_module_names", PyTuple_New(names.map(PyUnicode_FromString)));
  // Made at its first use: 289 strings hashed into a frozenset cost `-c pass` 9% more instructions.
  _PyModule_SetLazy(sys.module, "stdlib_module_names", () => PyFrozenSet_New(STDLIB_MODULE_NAMES.map(PyUnicode_FromString)));
  PyDict_SetItemString(d, "implementation", _PyNamespace_New([
    ["name", PyUnicode_FromString("typhon")],
    ["cache_tag", PyUnicode_FromString(CACHE_TAG)],
    ["version", PyDict_GetItemStr(d, PyUnicode_InternFromString("version_info"))!],
    ["hexversion", 0x030d00f0],
    ["_multiarch", PyUnicode_FromString("x86_64-linux-gnu")],
  ]));
  // The same struct sequence type sysmodule.ts made for sys.flags, now with the command line's values.
  PyDict_SetItemString(d, "flags", _PyStructSequence_ForSys("sys.flags", FLAG_FIELDS, [0, 0, 0, cfg.optimize, cfg.dontWriteBytecode ? 1 : 0,
    cfg.isolated ? 1 : 0, cfg.noSite ? 1 : 0, cfg.isolated ? 1 : 0, cfg.verbose, 0, 0, 1, cfg.isolated ? 1 : 0, Py_False,
    0, 0, PyBool_FromLong(cfg.safePath), 4300]));
  PyDict_SetItemString(d, "dont_write_bytecode", PyBool_FromLong(cfg.dontWriteBytecode));
  PyDict_SetItemString(d, "pycache_prefix", Py_None);
  // sys attributes that os, site, sysconfig and warnings read and sysmodule.ts does not set.
  const setDefault = (k: string, v: PyVal): void => {
    if (PyDict_GetItemStr(d, PyUnicode_InternFromString(k)) === undefined) PyDict_SetItemString(d, k, v);
  };
  setDefault("getfilesystemencodeerrors", PyCFunction_New({ name: "getfilesystemencodeerrors",
    meth: () => PyUnicode_FromString("surrogateescape"), flags: METH_NOARGS }, null));
  const excepthook = PyCFunction_New({ name: "excepthook", meth: (_s: PyVal, a: PyVal[]) => {
    const [, value] = unpackArgs("excepthook", a, 3, 3);
    const err = PyDict_GetItemStr(d, PyUnicode_InternFromString("stderr"));
    if (value instanceof PyBaseExceptionObject && err !== undefined && err !== Py_None) {
      PyObject_CallMethod(err, "write", [PyUnicode_FromString(formatException(value))]);
    }
    return Py_None;
  }, flags: METH_FASTCALL, doc: "Handle an exception by displaying it with a traceback on sys.stderr." }, getSys().module);
  setDefault("excepthook", excepthook);
  setDefault("__excepthook__", excepthook);
  const unraisablehook = _PySys_MakeUnraisableHook(getSys().module);
  setDefault("unraisablehook", unraisablehook);
  setDefault("__unraisablehook__", unraisablehook);
  setDefault("warnoptions", PyList_New([]));
  // sys._xoptions (sys_create_xoptions_dict): -X name=value gives 'value', a bare -X name gives True.
  const xo = PyDict_New();
  for (const o of xOptions) {
    const eq = o.indexOf("=");
    if (eq < 0) PyDict_SetItem(xo, PyUnicode_FromString(o), Py_True);
    else PyDict_SetItem(xo, PyUnicode_FromString(o.slice(0, eq)), PyUnicode_FromString(o.slice(eq + 1)));
  }
  setDefault("_xoptions", xo);
  setDefault("platlibdir", PyUnicode_FromString("lib"));
  for (const [k, from] of [["base_exec_prefix", "exec_prefix"], ["_base_executable", "executable"]] as const) {
    const v = PyDict_GetItemStr(d, PyUnicode_InternFromString(from));
    if (v !== undefined) setDefault(k, v);
  }
  setDefault("abiflags", PyUnicode_FromString(""));
  PyDict_SetItemString(d, "_stdlib_dir", cfg.stdlib === null ? Py_None : PyUnicode_FromString(cfg.stdlib.path));
  const path: PyVal[] = [];
  if (cfg.path0 !== null) path.push(PyUnicode_FromString(cfg.path0));
  for (const p of cfg.pythonpath) path.push(PyUnicode_FromString(p));
  if (cfg.stdlib !== null) path.push(PyUnicode_FromString(cfg.stdlib.path));
  PyDict_SetItemString(d, "path", PyList_New(path));
  const imp = createBuiltin("_imp")!;
  PyDict_SetItemString(sys.modules, "_imp", imp);
  // Tracebacks show the source of modules imported from a zip (CPython's linecache asks the loader).
  const readLines = sourceReader.getLines;
  sourceReader.getLines = (filename: string): string[] | null => {
    const r = readLines(filename);
    if (r !== null) return r;
    const src = zipSource(filename);
    return src === null ? null : src.split(/\r\n|\r|\n/);
  };
  // site's builtins (exit, quit, copyright, credits, license, help): CPython gets them from site.main() at start-up,
  // which Typhon does not run (DEVIATION: no site-packages scan at start-up; `import site` runs site.main() when -S
  // is not given). Stand-ins until then (src/runtime/sitebuiltins.ts).
  if (!cfg.noSite) _PySite_InstallBuiltins(PyImport_ImportModule);
  // init_set_builtins_open: builtins.open is io.open.
  const io = createBuiltin("_io")!;
  PyDict_SetItemString(getBuiltins().dict!, "open", PyDict_GetItemStr(io.dict!, PyUnicode_InternFromString("open"))!);
  // init_sys_streams: sys.stdin/stdout/stderr as TextIOWrapper over FileIO(0/1/2). config_get_stdio_errors:
  // surrogateescape in the C and POSIX locales, in the coercion targets (C.UTF-8) and in UTF-8 mode.
  const env = currentHost().env();
  const loc = env.get("LC_ALL") || env.get("LC_CTYPE") || env.get("LANG") || "C";
  const stdioErrors = env.get("PYTHONIOENCODING")?.split(":")[1]
    || (loc === "C" || loc === "POSIX" || /^C\.(UTF-?8|utf-?8)$/.test(loc) || env.get("PYTHONUTF8") === "1" ? "surrogateescape" : "strict");
  const streams: [string, number, boolean, string][] = [["stdin", 0, false, stdioErrors], ["stdout", 1, true, stdioErrors],
    ["stderr", 2, true, "backslashreplace"]];
  for (const [name, fd, write, errors] of streams) {
    let f: PyVal = Py_None;
    try {
      f = create_stdio(fd, `<${name}>`, write, errors, cfg.unbuffered);
    } catch {
      // a closed descriptor gives None, as CPython's is_valid_fd check does
    }
    PyDict_SetItemString(d, name, f);
    PyDict_SetItemString(d, `__${name}__`, f);
  }
  importHooks.importModule = PyImport_ImportModuleLevel;
  // builtins.__import__ (builtin___import___impl -> PyImport_ImportModuleLevelObject's argument checks).
  builtinsHooks.importModule = (name, globals, _locals, fromlist, level) => {
    if (!PyUnicode_Check(name)) return PyErr_Format(PyExc_TypeError, "module name must be a string");
    return PyImport_ImportModuleLevelObject(name, globals, fromlist, level);
  };
  // _PyImport_InitDefaultImportFunc: the __import__ that IMPORT_NAME may bypass and importlib gets as import_.
  importFunc = PyDict_GetItemStr(getBuiltins().dict!, str__import__) ?? null;
  vmHooks.importName = importName;
  moduleRunner.run = (name: string) => {
    // add_main_module: runpy runs the module in the existing __main__'s namespace.
    const main = PyModule_New("__main__");
    PyDict_SetItemString(main.dict!, "__builtins__", getBuiltins());
    PyDict_SetItemString(sys.modules, "__main__", main);
    const runpy = PyImport_ImportModule("runpy");
    PyObject_Vectorcall(PyObject_GetAttrStr(runpy, "_run_module_as_main")!, [PyUnicode_FromString(name)], null);
  };
  moduleRunner.setMainLoader = (md, file) => {
    ensureImportlib();
    if (importlib === null) return;
    const ext = PyImport_ImportModule("_frozen_importlib_external");
    const cls = PyObject_GetAttrStr(ext, file.endsWith(".pyc") ? "SourcelessFileLoader" : "SourceFileLoader")!;
    PyDict_SetItemString(md, "__loader__", PyObject_Vectorcall(cls, [PyUnicode_FromString("__main__"), PyUnicode_FromString(file)], null));
  };
  _PyIO_InstallBuiltinExc(builtinExc);
  _PyCodecs_InstallNameLookup(lookupForEscape);
  _PyCodecs_InstallRegistryFallback();
  _PyIO_InstallBuiltins(getBuiltins);
  _PyIO_InstallLookupError(() => builtinExc("LookupError"));
  vmHooks.importFrom = _PyEval_ImportFrom;
  const frozenSource = cfg.frozen;
  if (frozenSource === null) return;
  // The frozen importlib is read and run at the first import (a `-c pass` never pays for it): every way to see its
  // effects (sys.meta_path, sys.modules' specs) starts with an import statement.
  pendingBootstrap = () => {
    const data = typeof frozenSource === "function" ? frozenSource() : frozenSource;
    if (data === null) return;
    loadFrozenTable(data, cfg.stdlib !== null && cfg.stdlib.kind === "zip");
    if (frozenModules.has("_frozen_importlib")) bootstrapImportlib(sys.module, imp, d);
  };
  void PyDict_SetItem; void PyLong_FromBigInt; void Py_True; void PyFrameObject;
}

let pendingBootstrap: (() => void) | null = null;

/** init_importlib, init_importlib_external and init_zipimport (Python/pylifecycle.c), run once, on demand. */
function bootstrapImportlib(sysModule: PyModuleObject, imp: PyModuleObject, d: PyDictObject): void {
  // init_importlib: exec _frozen_importlib, then _install(sys, _imp).
  const bootstrap = execFrozen("_frozen_importlib");
  PyObject_Vectorcall(PyObject_GetAttrStr(bootstrap, "_install")!, [sysModule, imp], null);
  importlib = bootstrap;
  const moduleRepr = PyDict_GetItemStr(bootstrap.dict!, PyUnicode_InternFromString("_module_repr"));
  if (moduleRepr !== undefined) moduleReprHook.f = (m) => PyObject_Vectorcall(moduleRepr, [m], null) as PyUnicodeObject;
  // init_importlib_external: _install_external_importers().
  PyObject_Vectorcall(PyObject_GetAttrStr(bootstrap, "_install_external_importers")!, [], null);
  // init_zipimport: zipimporter first on sys.path_hooks; silently skipped if zipimport cannot be imported.
  try {
    const zi = PyImport_ImportModule("zipimport");
    const hooks = PyDict_GetItemStr(d, PyUnicode_InternFromString("path_hooks"));
    if (hooks instanceof PyListObject) hooks.ob_item.unshift(PyObject_GetAttr(zi, PyUnicode_InternFromString("zipimporter")));
  } catch {
    // as CPython: no zipimport, no zip imports
  }
}

/** Run the deferred import-system bootstrap if it has not run yet. */
export function ensureImportlib(): void {
  const f = pendingBootstrap;
  if (f === null) return;
  pendingBootstrap = null;
  f();
}

export function _PyImport_Installed(): boolean {
  return importlib !== null;
}

// ---- types.GenericAlias and types.UnionType for the types that wait for them ----

let genericAliasInstalled = false;
function installGenericAlias(): void {
  if (genericAliasInstalled) return;
  genericAliasInstalled = true;
  _PySet_InstallGenericAlias(Py_GenericAlias);
  _PyExc_InstallGenericAlias(Py_GenericAlias);
  _PyWeakref_InstallGenericAlias(Py_GenericAlias);
  _PyItertools_InstallGenericAlias(Py_GenericAlias);
  hooks.genericAlias = Py_GenericAlias;
  _PyCollections_InstallGenericAlias(Py_GenericAlias);
  _PyItertools_InstallAddressOf(addressOf);
  _PyType_InstallUnion(_Py_union_type_or);
  _PyGenericAlias_InstallUnion(_Py_union_type_or);
  // list, dict, tuple and enumerate define __class_getitem__ in CPython's method tables (METH_O|METH_CLASS).
  const b = getBuiltins().dict!;
  for (const n of ["list", "dict", "tuple", "enumerate"]) {
    const t = PyDict_GetItemStr(b, PyUnicode_InternFromString(n));
    if (!(t instanceof PyTypeObject)) continue;
    const dict = t.tp_dict as PyDictObject;
    if (PyDict_GetItemStr(dict, PyUnicode_InternFromString("__class_getitem__")) !== undefined) continue;
    const f = PyCFunction_New({ name: "__class_getitem__", meth: (_s: PyVal, a: PyVal[]) => Py_GenericAlias(a[0], a[1]),
      flags: METH_FASTCALL, doc: "See PEP 585" }, null);
    PyDict_SetItem(dict, PyUnicode_InternFromString("__class_getitem__"), PyClassMethod_New(f));
    PyType_Modified(t);
  }
}

// ---- configuration: the command line (main.ts) sets it before Py_Initialize; embedders may too ----

let pendingConfig: Partial<ImportConfig> = {};

/** Set import options for the next Py_Initialize (the command line's -B, -v, -S, --stdlib, sys.path[0]...). */
export function setImportConfig(cfg: Partial<ImportConfig>): void {
  pendingConfig = cfg;
}

/** The default stdlib: $TYPHONSTDLIB (a Lib directory or a zip), else pyodide's zip beside Typhon's build. */
export function defaultStdlib(host: Host): ImportConfig["stdlib"] {
  const env = host.env().get("TYPHONSTDLIB");
  if (env !== undefined && env !== "") return { kind: env.endsWith(".zip") ? "zip" : "dir", path: env };
  const home = host.typhonHome?.() ?? null;
  if (home === null) return null;
  return { kind: "zip", path: `${home.replace(/\/dist\/?$/, "")}/node_modules/pyodide/python_stdlib.zip` };
}

function readFrozen(host: Host): Uint8Array | null {
  const home = host.typhonHome?.() ?? null;
  if (home === null) return null;
  try {
    return host.readFile(`${home}/frozen.bin`);
  } catch {
    return null;
  }
}

/** Called at the end of Py_Initialize: the import system with the pending (or default) configuration. */
export function _PyImport_InitFromHost(host: Host): void {
  const p = pendingConfig;
  const env = host.env();
  const cfg: ImportConfig = {
    stdlib: p.stdlib !== undefined ? p.stdlib : defaultStdlib(host),
    frozen: p.frozen !== undefined ? p.frozen : () => readFrozen(host),
    path0: p.path0 !== undefined ? p.path0 : "",
    pythonpath: p.pythonpath ?? (env.get("PYTHONPATH") ?? "").split(":").filter((x) => x !== ""),
    dontWriteBytecode: p.dontWriteBytecode ?? (env.get("PYTHONDONTWRITEBYTECODE") ?? "") !== "",
    verbose: p.verbose ?? 0,
    optimize: p.optimize ?? 0,
    noSite: p.noSite ?? false,
    isolated: p.isolated ?? false,
    safePath: p.safePath ?? false,
    checkHashBasedPycs: p.checkHashBasedPycs ?? "default",
    unbuffered: p.unbuffered ?? (env.get("PYTHONUNBUFFERED") ?? "") !== "",
  };
  try {
    _PyImport_Init(cfg);
  } catch (e) {
    // CPython stops with "Fatal Python error: init_importlib"; Typhon reports it and runs without imports.
    importlib = null;
    let text: string;
    try {
      text = e instanceof PyBaseExceptionObject ? formatException(e) : String((e as Error)?.stack ?? e);
    } catch (e2) {
      text = String(e2);
    }
    host.writeStderr(new TextEncoder().encode(`Fatal Python error: _PyImport_Init: failed to initialize the import system\n${text}`));
  }
}

/** The command line's import options (Modules/main.c, PyConfig): sys.path[0], -B, -v, -O, -S, -I, -P, -u, --stdlib. */
export function configureImports(host: Host, cl: {
  dontWriteBytecode: boolean; verbose: number; optimize: number; noSite: boolean; isolated: boolean; safePath: boolean;
  unbuffered: boolean; ignoreEnvironment: boolean; checkHashBasedPycs: string; stdlib: string | null;
  xOptions?: string[];
  run: { kind: "command" } | { kind: "module" } | { kind: "file"; path: string } | { kind: "stdin" };
}): void {
  const env = host.env();
  const useEnv = !cl.ignoreEnvironment;
  xOptions = cl.xOptions ?? [];
  importTime = xOptions.some((o) => o === "importtime" || o.startsWith("importtime="))
    || (useEnv && (env.get("PYTHONPROFILEIMPORTTIME") ?? "") !== "");
  let path0: string | null = "";
  if (cl.run.kind === "file") {
    const p = cl.run.path;
    const abs = p.startsWith("/") ? p : `${host.cwd()}/${p}`;
    path0 = abs.slice(0, abs.lastIndexOf("/")) || "/";
  } else if (cl.run.kind === "module") path0 = host.cwd();
  if (cl.safePath || (useEnv && (env.get("PYTHONSAFEPATH") ?? "") !== "")) path0 = null;
  let stdlib: ImportConfig["stdlib"] | undefined;
  if (cl.stdlib !== null) stdlib = { kind: cl.stdlib.endsWith(".zip") ? "zip" : "dir", path: cl.stdlib.replace(/\/+$/, "") };
  setImportConfig({
    ...(stdlib !== undefined ? { stdlib } : {}),
    path0,
    pythonpath: useEnv ? (env.get("PYTHONPATH") ?? "").split(":").filter((x) => x !== "") : [],
    dontWriteBytecode: cl.dontWriteBytecode || (useEnv && (env.get("PYTHONDONTWRITEBYTECODE") ?? "") !== ""),
    verbose: cl.verbose,
    optimize: cl.optimize,
    noSite: cl.noSite,
    isolated: cl.isolated,
    safePath: cl.safePath,
    unbuffered: cl.unbuffered || (useEnv && (env.get("PYTHONUNBUFFERED") ?? "") !== ""),
    checkHashBasedPycs: cl.checkHashBasedPycs,
  });
}
