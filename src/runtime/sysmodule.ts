// The sys module (Python/sysmodule.c): argv, modules, path, the standard streams, recursion limit, exit,
// exception state, _getframe, int/str digit limit and the interpreter's constants. See docs/interpreter.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, PyUnicode_InternFromString,
  METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS, type PyVal, PyUnicodeObject,
} from "../objects/object.js";
import { PyModuleObject, PyModule_New, builtinModuleNames } from "../objects/moduleobject.js";
import { PyDictObject, PyDict_New, PyDict_SetItemString, PyDict_GetItemStr } from "../objects/dictobject.js";
import { PyUnicode_FromString, PyUnicode_Check, encodeUtf8, codePoints } from "../objects/unicodeobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyTuple_New, PyTupleObject } from "../objects/tupleobject.js";
import { PyLong_FromBigInt, longValue, PyLong_Check } from "../objects/longobject.js";
import { PyFloat_FromDouble, PyFloat_AsDouble, PyFloat_Check } from "../objects/floatobject.js";
import { PyFunctionObject } from "../objects/funcobject.js";
import { Py_True, Py_False, PyBool_FromLong } from "../objects/boolobject.js";
import { nativeFunction } from "../objects/methodobject.js";
import { PyErr_Format, PyErr_SetObject, _PyErr_CreateException, _PyErr_ChainContext } from "./errors.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_SystemExit, PyExc_RecursionError, PyExc_OverflowError, PyExc_UnicodeEncodeError,
  PyBaseExceptionObject } from "../objects/exceptions.js";
import { _PyThreadState_GET, _PyErr_GetTopmostException, _PyThreadSwitch } from "./pystate.js";
import { PyFrameObject } from "../objects/frameobject.js";
import { PyObject_Str, PyObject_Repr, PyObject_Vectorcall, PyNumber_Index, PyObject_GetAttrStr, PyObject_IsInstance, _PyObject_LookupAttr, PyObject_IsTrue } from "../objects/abstract.js";
import { parseArgs } from "./getargs.js";
import { _PyEval_SetTrace, _PyEval_SetProfile, _PySys_MonitoringModule, _PyInstrumentation_InitSentinels } from "../vm/instrumentation.js";
import { PyBaseObject_Type } from "../objects/object.js";
import { hooks as abstractHooks } from "../objects/abstract.js";
import { PyExc_RuntimeWarning, PyExc_ImportError, PyExc_Exception } from "../objects/exceptions.js";
import type { Host } from "../host/host.js";

let intMaxStrDigits = 4300;
export function getIntMaxStrDigits(): number {
  return intMaxStrDigits;
}

// ---- standard streams: a minimal io.TextIOWrapper over the host ----

export const PyStdPrinter_Type = PyType_Declare("_io.TextIOWrapper");

export class PyStdStreamObject extends PyObject {
  name: string;
  fd: number;
  mode: string;
  buffer: string[];
  bufferedChars: number;
  lineBuffered: boolean;
  closed: boolean;
  write: (data: Uint8Array) => void;
  dict: PyDictObject | null;
  constructor(name: string, fd: number, mode: string, write: (data: Uint8Array) => void, lineBuffered: boolean) {
    super(PyStdPrinter_Type);
    this.name = name;
    this.fd = fd;
    this.mode = mode;
    this.buffer = [];
    this.bufferedChars = 0;
    this.lineBuffered = lineBuffered;
    this.closed = false;
    this.write = write;
    this.dict = null;
  }
}

/** Encode text for a standard stream (utf-8, strict for stdout; backslashreplace on stderr). */
function encodeForStream(s: PyStdStreamObject, text: string): Uint8Array {
  if (s.fd === 2) {
    let fixed = "";
    for (const cp of codePoints(text)) {
      fixed += cp >= 0xd800 && cp < 0xe000 ? `\\u${cp.toString(16)}` : String.fromCodePoint(cp);
    }
    return new TextEncoder().encode(fixed);
  }
  return encodeUtf8(text, "strict");
}

export function streamWrite(s: PyStdStreamObject, text: string): void {
  if (s.closed) PyErr_Format(PyExc_ValueError, "I/O operation on closed file.");
  // Validate encodability now so the error surfaces at the write, as CPython's TextIOWrapper does.
  if (/[\ud800-\udfff]/.test(text)) {
    const cps = codePoints(text);
    const i = cps.findIndex((c) => c >= 0xd800 && c < 0xe000);
    if (i >= 0 && s.fd !== 2) {
      const e = _PyErr_CreateException(PyExc_UnicodeEncodeError, [PyUnicode_FromString("utf-8"), PyUnicode_FromString(text), i, i + 1,
        PyUnicode_FromString("surrogates not allowed")]);
      _PyErr_ChainContext(e);
      throw e;
    }
  }
  s.buffer.push(text);
  s.bufferedChars += text.length;
  if (s.lineBuffered ? text.includes("\n") : s.bufferedChars >= 8192) streamFlush(s);
}

export function streamFlush(s: PyStdStreamObject): void {
  if (s.buffer.length === 0) return;
  const text = s.buffer.join("");
  s.buffer = [];
  s.bufferedChars = 0;
  s.write(encodeForStream(s, text));
}

PyType_FromSpecStatic({
  name: "_io.TextIOWrapper",
  dictoffset: 1,
  slots: {
    tp_repr: (s) => {
      const st = s as PyStdStreamObject;
      return PyUnicode_FromString(`<_io.TextIOWrapper name='${st.name}' mode='${st.mode}' encoding='utf-8'>`);
    },
  },
  methods: [
    { name: "write", meth: (s: PyVal, v: PyVal) => {
      if (!PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, `write() argument must be str, not ${Py_TYPE(v).tp_name}`);
      streamWrite(s as PyStdStreamObject, v.value);
      return codePoints(v.value).length;
    }, flags: METH_O },
    { name: "flush", meth: (s: PyVal) => { streamFlush(s as PyStdStreamObject); return Py_None; }, flags: METH_NOARGS },
    { name: "writelines", meth: (s: PyVal, v: PyVal) => {
      for (const x of (v as PyTupleObject).ob_item ?? []) streamWrite(s as PyStdStreamObject, PyObject_Str(x).value);
      return Py_None;
    }, flags: METH_O },
    { name: "isatty", meth: () => Py_False, flags: METH_NOARGS },
    { name: "fileno", meth: (s: PyVal) => (s as PyStdStreamObject).fd, flags: METH_NOARGS },
    { name: "readable", meth: (s: PyVal) => PyBool_FromLong((s as PyStdStreamObject).fd === 0), flags: METH_NOARGS },
    { name: "writable", meth: (s: PyVal) => PyBool_FromLong((s as PyStdStreamObject).fd !== 0), flags: METH_NOARGS },
    { name: "close", meth: (s: PyVal) => { streamFlush(s as PyStdStreamObject); (s as PyStdStreamObject).closed = true; return Py_None; }, flags: METH_NOARGS },
    { name: "readline", meth: (s: PyVal) => PyUnicode_FromString(stdinReadline(s as PyStdStreamObject)), flags: METH_FASTCALL },
    { name: "read", meth: (s: PyVal) => PyUnicode_FromString(stdinReadAll(s as PyStdStreamObject)), flags: METH_FASTCALL },
  ],
  getset: [
    { name: "name", get: (s) => PyUnicode_FromString((s as PyStdStreamObject).name) },
    { name: "mode", get: (s) => PyUnicode_FromString((s as PyStdStreamObject).mode) },
    { name: "encoding", get: () => PyUnicode_FromString("utf-8") },
    { name: "errors", get: (s) => PyUnicode_FromString((s as PyStdStreamObject).fd === 2 ? "backslashreplace" : "strict") },
    { name: "closed", get: (s) => PyBool_FromLong((s as PyStdStreamObject).closed) },
    { name: "line_buffering", get: (s) => PyBool_FromLong((s as PyStdStreamObject).lineBuffered) },
  ],
}, PyStdPrinter_Type);

let stdinText: string | null = null;
let stdinPos = 0;
let hostRef: Host | null = null;
function stdinAll(): string {
  if (stdinText === null) stdinText = hostRef !== null ? new TextDecoder().decode(hostRef.readStdin()) : "";
  return stdinText;
}
export function stdinReadline(s: PyStdStreamObject): string {
  void s;
  const t = stdinAll();
  if (stdinPos >= t.length) return "";
  const j = t.indexOf("\n", stdinPos);
  const end = j < 0 ? t.length : j + 1;
  const line = t.slice(stdinPos, end);
  stdinPos = end;
  return line;
}
function stdinReadAll(s: PyStdStreamObject): string {
  void s;
  const t = stdinAll();
  const r = t.slice(stdinPos);
  stdinPos = t.length;
  return r;
}

// ---- the module ----

export interface SysState {
  module: PyModuleObject;
  dict: PyDictObject;
  modules: PyDictObject;
  stdout: PyStdStreamObject;
  stderr: PyStdStreamObject;
  stdin: PyStdStreamObject;
}

let sysState: SysState | null = null;
export function getSys(): SysState {
  return sysState!;
}

function sys_exit(args: PyVal[]): PyVal {
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `exit expected at most 1 argument, got ${args.length}`);
  return PyErr_SetObject(PyExc_SystemExit, args.length === 0 ? null : args[0]);
}

function sys_getframe(args: PyVal[]): PyVal {
  let depth = args.length > 0 ? Number(longValue(PyNumber_Index(args[0]))) : 0;
  let f = _PyThreadState_GET().current_frame as PyFrameObject | null;
  while (depth > 0 && f !== null) { f = f.f_back; depth--; }
  if (f === null) return PyErr_Format(PyExc_ValueError, "call stack is not deep enough");
  if (PySys_Auditing()) PySys_Audit("sys._getframe", [f]);
  return f;
}

/** sys._getframemodulename(depth=0): the module of the function running `depth` frames above the caller (its
 *  __module__; a module or exec frame's function is made from its globals, so that is globals['__name__']), or None
 *  past the outermost frame. collections, enum and typing ask for it instead of sys._getframe(). */
function sys_getframemodulename(args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [d] = parseArgs("_getframemodulename", args, kwnames, ["depth"], 0, 1);
  let depth = 0;
  if (d !== undefined) {
    if (PyFloat_Check(d)) return PyErr_Format(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
    const n = longValue(PyNumber_Index(d));
    if (typeof n !== "number" || n > 0x7fffffff || n < -0x80000000) {
      return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
    }
    depth = n;
  }
  if (PySys_Auditing()) PySys_Audit("sys._getframemodulename", [depth]);
  let f = _PyThreadState_GET().current_frame as PyFrameObject | null;
  while (f !== null && depth-- > 0) f = f.f_back;
  if (f === null) return Py_None;
  if (f.f_func instanceof PyFunctionObject) return f.f_func.func_module;
  return PyDict_GetItemStr(f.f_globals, PyUnicode_InternFromString("__name__")) ?? Py_None;
}

function sys_setrecursionlimit(v: PyVal): PyVal {
  if (!PyLong_Check(v)) return PyErr_Format(PyExc_TypeError, "'" + Py_TYPE(v).tp_name + "' object cannot be interpreted as an integer");
  const n = Number(longValue(v));
  if (n < 1) return PyErr_Format(PyExc_ValueError, "recursion limit must be greater or equal than 1");
  const ts = _PyThreadState_GET();
  const depth = ts.py_recursion_limit - ts.py_recursion_remaining;
  if (n <= depth) {
    return PyErr_Format(PyExc_RecursionError,
      `cannot set the recursion limit to ${n} at the recursion depth ${depth}: the limit is too low`);
  }
  ts.py_recursion_remaining = n - depth;
  ts.py_recursion_limit = n;
  return Py_None;
}

function sys_exception(): PyVal {
  return _PyErr_GetTopmostException(_PyThreadState_GET()) ?? Py_None;
}

function sys_exc_info(): PyVal {
  const e = _PyErr_GetTopmostException(_PyThreadState_GET());
  if (e === null) return PyTuple_New([Py_None, Py_None, Py_None]);
  return PyTuple_New([Py_TYPE(e), e, (e as PyBaseExceptionObject).traceback ?? Py_None]);
}

function sys_set_int_max_str_digits(args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [m] = parseArgs("set_int_max_str_digits", args, kwnames, ["maxdigits"], 1, 1);
  const n = Number(longValue(PyNumber_Index(m!)));
  if (n !== 0 && n < 640) return PyErr_Format(PyExc_ValueError, "maxdigits must be 0 or larger than 640");
  intMaxStrDigits = n;
  return Py_None;
}

function sys_intern(v: PyVal): PyVal {
  if (!PyUnicode_Check(v) || v.ob_type.tp_name !== "str") {
    return PyErr_Format(PyExc_TypeError, `intern() argument must be str, not ${Py_TYPE(v).tp_name}`);
  }
  return PyUnicode_InternFromString(v.value);
}

function sys_getsizeof(args: PyVal[]): PyVal {
  const o = args[0];
  const m = PyObject_GetAttrStr(o, "__sizeof__", true);
  if (m === undefined) return args.length > 1 ? args[1] : PyErr_Format(PyExc_TypeError, `Type ${Py_TYPE(o).tp_name} doesn't define __sizeof__`);
  const r = PyObject_Vectorcall(m, [], null);
  return typeof r === "number" ? r + 16 : r;
}

/** A tuple-like record (structseq) with named fields, e.g. sys.version_info. */
function structseq(typeName: string, fields: string[], values: PyVal[]): PyVal {
  return structseqHook(typeName, fields, values);
}
let structseqHook: (typeName: string, fields: string[], values: PyVal[]) => PyVal = (_t, _f, v) => PyTuple_New(v);
export function _PySys_InstallStructseq(f: typeof structseqHook): void {
  structseqHook = f;
}

function sys_set_asyncgen_hooks(_s: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [firstiter, finalizer] = parseArgs("set_asyncgen_hooks", args, kwnames, ["firstiter", "finalizer"], 0, 2);
  for (const [name, v] of [["finalizer", finalizer], ["firstiter", firstiter]] as const) {
    if (v !== undefined && v !== Py_None && Py_TYPE(v).tp_call === null) {
      return PyErr_Format(PyExc_TypeError, `callable ${name} expected, got ${Py_TYPE(v).tp_name}`);
    }
  }
  // Per thread, as CPython's tstate->async_gen_firstiter/finalizer; None unsets a hook.
  const ts = _PyThreadState_GET();
  if (finalizer !== undefined) ts.async_gen_finalizer = finalizer === Py_None ? null : finalizer;
  if (firstiter !== undefined) ts.async_gen_firstiter = firstiter === Py_None ? null : firstiter;
  return Py_None;
}

/** sys.breakpointhook (sys_breakpointhook in Python/sysmodule.c): $PYTHONBREAKPOINT names the hook ("0": none,
 * empty: pdb.set_trace); an unimportable name is a RuntimeWarning and nothing else. */
function sys_breakpointhook(args: PyVal[], kwnames: PyVal[] | null): PyVal {
  let envar = "";
  const environ = PyObject_GetAttrStr(PyImport_ImportModule("os"), "environ")!;
  const v = PyObject_Vectorcall(PyObject_GetAttrStr(environ, "get")!, [PyUnicode_FromString("PYTHONBREAKPOINT"), PyUnicode_FromString("")], null);
  if (PyUnicode_Check(v)) envar = v.value;
  if (envar === "") envar = "pdb.set_trace";
  else if (envar === "0") return Py_None;
  const dot = envar.lastIndexOf(".");
  let hook: PyVal | null = null;
  if (dot !== 0) {
    const modulepath = dot < 0 ? "builtins" : envar.slice(0, dot);
    const attr = dot < 0 ? envar : envar.slice(dot + 1);
    try {
      hook = PyObject_GetAttrStr(PyImport_ImportModule(modulepath), attr) ?? null;
    } catch (e) {
      if (!(e instanceof PyBaseExceptionObject) || !(isSubclassName(e, "ImportError") || isSubclassName(e, "AttributeError"))) throw e;
      hook = null;
    }
  }
  if (hook === null) {
    abstractHooks.warn(PyExc_RuntimeWarning, `Ignoring unimportable $PYTHONBREAKPOINT: "${envar}"`, 0);
    return Py_None;
  }
  return PyObject_Vectorcall(hook, args, kwnames);
}

/** PyImport_Import through the running frame's builtins.__import__ (sysmodule must not import ./import.js: that
 * changes the order in which the module graph is evaluated). The leaf module, as a non-empty fromlist returns it. */
function PyImport_ImportModule(name: string): PyVal {
  const f = _PyThreadState_GET().current_frame as PyFrameObject | null;
  const imp = f === null ? undefined : PyDict_GetItemStr(f.f_builtins, PyUnicode_InternFromString("__import__"));
  if (imp === undefined) return PyErr_Format(PyExc_ImportError, "__import__ not found");
  return PyObject_Vectorcall(imp, [PyUnicode_FromString(name), Py_None, Py_None,
    PyTuple_New([PyUnicode_FromString("__name__")]), 0], null);
}

function isSubclassName(e: PyBaseExceptionObject, name: string): boolean {
  return e.ob_type.mro.some((t) => t.tp_name === name);
}

// ---- PEP 578 audit hooks (Python/sysmodule.c: PySys_AddAuditHook, PySys_Audit, sys.audit) ----

/** The interpreter's audit hooks (interp->audit_hooks), in the order they were added; never removed. */
let auditHooks: PyVal[] = [];
const str__cantrace__ = PyUnicode_InternFromString("__cantrace__");

/** Whether any audit hook is installed: callers skip building an event's arguments otherwise (should_audit). */
export function PySys_Auditing(): boolean {
  return auditHooks.length > 0;
}

/** Raise audit event `event` with `args`: every hook is called as hook(event, args_tuple), in order, including hooks
 *  added by an earlier hook of the same event; an exception from a hook propagates (_PySys_Audit). Tracing and
 *  monitoring are off inside a hook unless the hook's `__cantrace__` is true. */
export function PySys_Audit(event: string, args: readonly PyVal[]): void {
  if (auditHooks.length === 0) return;
  const ev = PyUnicode_FromString(event);
  const t = PyTuple_New(args.slice());
  const ts = _PyThreadState_GET();
  ts.tracing++;
  try {
    for (let i = 0; i < auditHooks.length; i++) {
      const hook = auditHooks[i];
      const ct = _PyObject_LookupAttr(hook, str__cantrace__);
      const canTrace = ct !== undefined && PyObject_IsTrue(ct);
      if (canTrace) ts.tracing--;
      try {
        PyObject_Vectorcall(hook, [ev, t], null);
      } finally {
        if (canTrace) ts.tracing++;
      }
    }
  } finally {
    ts.tracing--;
  }
}

function sys_audit(args: PyVal[], kwnames: PyVal[] | null): PyVal {
  if (kwnames !== null && kwnames.length > 0) return PyErr_Format(PyExc_TypeError, "sys.audit() takes no keyword arguments");
  if (args.length === 0) return PyErr_Format(PyExc_TypeError, "audit() missing 1 required positional argument: 'event'");
  if (auditHooks.length === 0) return Py_None;
  const ev = args[0];
  if (!PyUnicode_Check(ev)) {
    return PyErr_Format(PyExc_TypeError, `expected str for argument 'event', not ${Py_TYPE(ev).tp_name}`);
  }
  PySys_Audit(ev.value, args.slice(1));
  return Py_None;
}

/** sys.addaudithook: the hooks already installed hear "sys.addaudithook" first; when one raises an Exception the new
 *  hook is silently not added, any other BaseException propagates. */
function sys_addaudithook(hook: PyVal): PyVal {
  try {
    PySys_Audit("sys.addaudithook", []);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject && PyObject_IsInstance(e, PyExc_Exception)) return Py_None;
    throw e;
  }
  auditHooks.push(hook);
  return Py_None;
}

export function _PySys_Create(host: Host, argv: string[], executable: string, origArgs?: readonly string[]): SysState {
  hostRef = host;
  const m = PyModule_New("sys");
  builtinModuleNames.add("sys");
  const d = m.dict!;
  const set = (k: string, v: PyVal): void => PyDict_SetItemString(d, k, v);
  const stdout = new PyStdStreamObject("<stdout>", 1, "w", (b) => host.writeStdout(b), false);
  const stderr = new PyStdStreamObject("<stderr>", 2, "w", (b) => host.writeStderr(b), true);
  const stdin = new PyStdStreamObject("<stdin>", 0, "r", () => undefined, false);
  const modules = PyDict_New();
  set("argv", PyList_New(argv.map(PyUnicode_FromString)));
  // The command line as given, options included (config->orig_argv); sys.argv when there is none.
  set("orig_argv", PyList_New([executable, ...(origArgs ?? argv)].map(PyUnicode_FromString)));
  set("modules", modules);
  set("path", PyList_New([]));
  set("meta_path", PyList_New([]));
  set("path_hooks", PyList_New([]));
  set("path_importer_cache", PyDict_New());
  set("stdout", stdout); set("__stdout__", stdout);
  set("stderr", stderr); set("__stderr__", stderr);
  set("stdin", stdin); set("__stdin__", stdin);
  set("maxsize", PyLong_FromBigInt((1n << 63n) - 1n));
  set("maxunicode", 0x10ffff);
  set("byteorder", PyUnicode_FromString("little"));
  set("platform", PyUnicode_FromString("linux"));
  set("executable", PyUnicode_FromString(executable));
  set("version", PyUnicode_FromString("3.13.0 (main, Typhon) [TypeScript]"));
  set("hexversion", 0x030d00f0);
  set("api_version", 1013);
  set("copyright", PyUnicode_FromString("Copyright (c) 2001-2024 Python Software Foundation.\nAll Rights Reserved."));
  set("version_info", structseq("sys.version_info", ["major", "minor", "micro", "releaselevel", "serial"],
    [3, 13, 0, PyUnicode_FromString("final"), 0]));
  set("implementation", PyUnicode_FromString("typhon"));
  set("dont_write_bytecode", Py_True);
  set("prefix", PyUnicode_FromString("/usr/local"));
  set("exec_prefix", PyUnicode_FromString("/usr/local"));
  set("base_prefix", PyUnicode_FromString("/usr/local"));
  set("float_repr_style", PyUnicode_FromString("short"));
  set("builtin_module_names", PyTuple_New(["builtins", "sys"].map(PyUnicode_FromString)));
  set("float_info", structseq("sys.float_info", ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
    "mant_dig", "epsilon", "radix", "rounds"], [PyFloat_FromDouble(Number.MAX_VALUE), 1024, 308,
    PyFloat_FromDouble(2.2250738585072014e-308), -1021, -307, 15, 53, PyFloat_FromDouble(Number.EPSILON), 2, 1]));
  set("hash_info", structseq("sys.hash_info", ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits",
    "seed_bits", "cutoff"], [64, PyLong_FromBigInt((1n << 61n) - 1n), 314159, 0, 1000003, PyUnicode_FromString("siphash13"),
    64, 128, 0]));
  set("int_info", structseq("sys.int_info", ["bits_per_digit", "sizeof_digit", "default_max_str_digits",
    "str_digits_check_threshold"], [30, 4, 4300, 640]));
  set("flags", structseq("sys.flags", ["debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
    "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization",
    "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"],
    [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, Py_False, 0, 0, Py_False, 4300]));
  set("exit", nativeFunction("exit", (_s: PyVal, a: PyVal[]) => sys_exit(a), METH_FASTCALL));
  set("getrecursionlimit", nativeFunction("getrecursionlimit", () => _PyThreadState_GET().py_recursion_limit, METH_NOARGS));
  set("setrecursionlimit", nativeFunction("setrecursionlimit", (_s: PyVal, v: PyVal) => sys_setrecursionlimit(v), METH_O));
  set("get_asyncgen_hooks", nativeFunction("get_asyncgen_hooks", () => {
    const ts = _PyThreadState_GET();
    return structseq("asyncgen_hooks", ["firstiter", "finalizer"], [ts.async_gen_firstiter ?? Py_None, ts.async_gen_finalizer ?? Py_None]);
  }, METH_NOARGS));
  set("set_asyncgen_hooks", nativeFunction("set_asyncgen_hooks", sys_set_asyncgen_hooks, METH_FASTCALL | METH_KEYWORDS));
  set("getswitchinterval", nativeFunction("getswitchinterval", () => PyFloat_FromDouble(_PyThreadSwitch.interval), METH_NOARGS));
  set("setswitchinterval", nativeFunction("setswitchinterval", (_s: PyVal, v: PyVal) => {
    const d = PyFloat_AsDouble(v);
    if (!(d > 0)) return PyErr_Format(PyExc_ValueError, "switch interval must be strictly positive");
    _PyThreadSwitch.interval = d;
    return Py_None;
  }, METH_O));
  set("_getframe", nativeFunction("_getframe", (_s: PyVal, a: PyVal[]) => sys_getframe(a), METH_FASTCALL));
  set("_getframemodulename", nativeFunction("_getframemodulename", (_s: PyVal, a: PyVal[], k: PyVal[] | null) =>
    sys_getframemodulename(a, k), METH_FASTCALL | METH_KEYWORDS));
  set("exception", nativeFunction("exception", sys_exception, METH_NOARGS));
  set("exc_info", nativeFunction("exc_info", sys_exc_info, METH_NOARGS));
  set("intern", nativeFunction("intern", (_s: PyVal, v: PyVal) => sys_intern(v), METH_O));
  set("getsizeof", nativeFunction("getsizeof", (_s: PyVal, a: PyVal[]) => sys_getsizeof(a), METH_FASTCALL));
  set("getdefaultencoding", nativeFunction("getdefaultencoding", () => PyUnicode_FromString("utf-8"), METH_NOARGS));
  set("getfilesystemencoding", nativeFunction("getfilesystemencoding", () => PyUnicode_FromString("utf-8"), METH_NOARGS));
  set("get_int_max_str_digits", nativeFunction("get_int_max_str_digits", () => intMaxStrDigits, METH_NOARGS));
  set("set_int_max_str_digits", nativeFunction("set_int_max_str_digits", (_s: PyVal, a: PyVal[], k: PyVal[] | null) =>
    sys_set_int_max_str_digits(a, k), METH_FASTCALL | METH_KEYWORDS));
  // Tracing and profiling are tools 7 and 6 of sys.monitoring (src/vm/instrumentation.ts, legacy_tracing.c).
  set("settrace", nativeFunction("settrace", (_s: PyVal, f: PyVal) => { PySys_Audit("sys.settrace", []); _PyEval_SetTrace(_PyThreadState_GET(), f === Py_None ? null : f); return Py_None; }, METH_O));
  set("gettrace", nativeFunction("gettrace", () => _PyThreadState_GET().c_tracefunc ?? Py_None, METH_NOARGS));
  set("setprofile", nativeFunction("setprofile", (_s: PyVal, f: PyVal) => { PySys_Audit("sys.setprofile", []); _PyEval_SetProfile(_PyThreadState_GET(), f === Py_None ? null : f); return Py_None; }, METH_O));
  set("getprofile", nativeFunction("getprofile", () => _PyThreadState_GET().c_profilefunc ?? Py_None, METH_NOARGS));
  _PyInstrumentation_InitSentinels(PyBaseObject_Type);
  set("monitoring", _PySys_MonitoringModule());
  const bph = nativeFunction("breakpointhook", (_s: PyVal, a: PyVal[], kw: PyVal[] | null) => sys_breakpointhook(a, kw),
    METH_FASTCALL | METH_KEYWORDS);
  set("breakpointhook", bph);
  set("__breakpointhook__", bph);
  set("is_finalizing", nativeFunction("is_finalizing", () => Py_False, METH_NOARGS));
  set("getrefcount", nativeFunction("getrefcount", () => 2, METH_O));
  set("_is_gil_enabled", nativeFunction("_is_gil_enabled", () => Py_True, METH_NOARGS));
  auditHooks = [];
  abstractHooks.auditing = PySys_Auditing;
  abstractHooks.audit = PySys_Audit;
  set("audit", nativeFunction("audit", (_s: PyVal, a: PyVal[], k: PyVal[] | null) => sys_audit(a, k),
    METH_FASTCALL | METH_KEYWORDS));
  set("addaudithook", nativeFunction("addaudithook", (_s: PyVal, h: PyVal) => sys_addaudithook(h), METH_O));
  sysState = { module: m, dict: d, modules, stdout, stderr, stdin };
  PyDict_SetItemString(modules, "sys", m);
  return sysState;
}

