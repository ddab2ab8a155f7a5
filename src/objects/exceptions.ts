// The builtin exception types (Objects/exceptions.c): BaseException's layout and attributes, the per-family layouts
// (StopIteration, SystemExit, ImportError, OSError with errno subclass mapping, SyntaxError, NameError,
// AttributeError, BaseExceptionGroup, UnicodeError) and the hierarchy generated into exceptions_table.ts.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, METH_O, METH_NOARGS, METH_FASTCALL,
  Py_TPFLAGS_BASETYPE, Py_TPFLAGS_BASE_EXC_SUBCLASS, hasFlag, type PyVal, PyUnicodeObject, PyUnicode_InternFromString,
  type PyGetSetDef, type PyMemberDef, type PyMethodDef,
} from "./object.js";
import { EXCEPTION_TABLE } from "./exceptions_table.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyTupleObject, PyTuple_New, PyTuple_Check } from "./tupleobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "./unicodeobject.js";
import { PyObject_Str, PyObject_Repr, PyObject_CallOneArg, PyObject_IsTrue, PyObject_GetIter, PyIter_Next,
  PyObject_IsInstance, PyObject_Call, PyObject_CallMethod, PySequence_List, PyObject_SetAttr,
  _PyObject_LookupAttr } from "./abstract.js";
import { PyDictObject, PyDict_New, PyDict_Copy, PyDict_Size, PyDict_Check } from "./dictobject.js";
import { PyList_New, PyListObject, PyList_Check } from "./listobject.js";
import { longValue, PyLong_Check } from "./longobject.js";
import { PyBool_FromLong } from "./boolobject.js";

/** Every exception instance. The families below add their own fields. */
export class PyBaseExceptionObject extends PyObject {
  dict: PyDictObject | null;
  args: PyTupleObject;
  traceback: PyVal | null;
  context: PyVal | null;
  cause: PyVal | null;
  suppress_context: boolean;
  constructor(type: PyTypeObject, args: PyTupleObject) {
    super(type);
    this.dict = null;
    this.args = args;
    this.traceback = null;
    this.context = null;
    this.cause = null;
    this.suppress_context = false;
  }
}

export class PyStopIterationObject extends PyBaseExceptionObject {
  value: PyVal = Py_None;
}
export class PySystemExitObject extends PyBaseExceptionObject {
  code: PyVal = Py_None;
}
export class PyImportErrorObject extends PyBaseExceptionObject {
  msg: PyVal = Py_None;
  name: PyVal = Py_None;
  path: PyVal = Py_None;
  name_from: PyVal = Py_None;
}
export class PyOSErrorObject extends PyBaseExceptionObject {
  myerrno: PyVal = Py_None;
  strerror: PyVal = Py_None;
  filename: PyVal = Py_None;
  filename2: PyVal = Py_None;
  written: number = -1;
}
export class PySyntaxErrorObject extends PyBaseExceptionObject {
  msg: PyVal = Py_None;
  filename: PyVal = Py_None;
  lineno: PyVal = Py_None;
  offset: PyVal = Py_None;
  text: PyVal = Py_None;
  end_lineno: PyVal = Py_None;
  end_offset: PyVal = Py_None;
  print_file_and_line: PyVal = Py_None;
}
export class PyNameErrorObject extends PyBaseExceptionObject {
  name: PyVal = Py_None;
}
export class PyAttributeErrorObject extends PyBaseExceptionObject {
  obj: PyVal = Py_None;
  name: PyVal = Py_None;
}
export class PyBaseExceptionGroupObject extends PyBaseExceptionObject {
  msg: PyVal = Py_None;
  excs: PyVal = Py_None;
}
export class PyUnicodeErrorObject extends PyBaseExceptionObject {
  encoding: PyVal = Py_None;
  object: PyVal = Py_None;
  start: PyVal = 0;
  end: PyVal = 0;
  reason: PyVal = Py_None;
}

const EXC = new Map<string, PyTypeObject>();
for (const row of EXCEPTION_TABLE) EXC.set(row.name, PyType_Declare(row.name));

function exc(name: string): PyTypeObject {
  return EXC.get(name)!;
}

export const PyExc_BaseException = exc("BaseException");
export const PyExc_BaseExceptionGroup = exc("BaseExceptionGroup");
export const PyExc_ExceptionGroup = exc("ExceptionGroup");
export const PyExc_Exception = exc("Exception");
export const PyExc_GeneratorExit = exc("GeneratorExit");
export const PyExc_KeyboardInterrupt = exc("KeyboardInterrupt");
export const PyExc_SystemExit = exc("SystemExit");
export const PyExc_ArithmeticError = exc("ArithmeticError");
export const PyExc_AssertionError = exc("AssertionError");
export const PyExc_AttributeError = exc("AttributeError");
export const PyExc_BufferError = exc("BufferError");
export const PyExc_EOFError = exc("EOFError");
export const PyExc_ImportError = exc("ImportError");
export const PyExc_ModuleNotFoundError = exc("ModuleNotFoundError");
export const PyExc_LookupError = exc("LookupError");
export const PyExc_IndexError = exc("IndexError");
export const PyExc_KeyError = exc("KeyError");
export const PyExc_MemoryError = exc("MemoryError");
export const PyExc_NameError = exc("NameError");
export const PyExc_UnboundLocalError = exc("UnboundLocalError");
export const PyExc_OSError = exc("OSError");
export const PyExc_FileNotFoundError = exc("FileNotFoundError");
export const PyExc_FileExistsError = exc("FileExistsError");
export const PyExc_IsADirectoryError = exc("IsADirectoryError");
export const PyExc_NotADirectoryError = exc("NotADirectoryError");
export const PyExc_PermissionError = exc("PermissionError");
export const PyExc_ReferenceError = exc("ReferenceError");
export const PyExc_RuntimeError = exc("RuntimeError");
export const PyExc_NotImplementedError = exc("NotImplementedError");
export const PyExc_PythonFinalizationError = exc("PythonFinalizationError");
export const PyExc_RecursionError = exc("RecursionError");
export const PyExc_StopAsyncIteration = exc("StopAsyncIteration");
export const PyExc_StopIteration = exc("StopIteration");
export const PyExc_SyntaxError = exc("SyntaxError");
export const PyExc_IndentationError = exc("IndentationError");
export const PyExc_TabError = exc("TabError");
export const PyExc_SystemError = exc("SystemError");
export const PyExc_TypeError = exc("TypeError");
export const PyExc_ValueError = exc("ValueError");
export const PyExc_UnicodeError = exc("UnicodeError");
export const PyExc_UnicodeDecodeError = exc("UnicodeDecodeError");
export const PyExc_UnicodeEncodeError = exc("UnicodeEncodeError");
export const PyExc_UnicodeTranslateError = exc("UnicodeTranslateError");
export const PyExc_ZeroDivisionError = exc("ZeroDivisionError");
export const PyExc_OverflowError = exc("OverflowError");
export const PyExc_FloatingPointError = exc("FloatingPointError");
export const PyExc_Warning = exc("Warning");
export const PyExc_DeprecationWarning = exc("DeprecationWarning");
export const PyExc_RuntimeWarning = exc("RuntimeWarning");
export const PyExc_SyntaxWarning = exc("SyntaxWarning");
export const PyExc_UserWarning = exc("UserWarning");

/** Every builtin exception type by name (for the builtins module). */
export function builtinExceptionTypes(): Map<string, PyTypeObject> {
  return EXC;
}

export function PyExceptionInstance_Check(v: PyVal): v is PyBaseExceptionObject {
  return typeof v !== "number" && hasFlag(v.ob_type, Py_TPFLAGS_BASE_EXC_SUBCLASS);
}
export function PyExceptionClass_Check(v: PyVal): v is PyTypeObject {
  return v instanceof PyTypeObject && hasFlag(v, Py_TPFLAGS_BASE_EXC_SUBCLASS);
}

// ---- BaseException ----

function nkw(kwnames: readonly PyVal[] | null): number {
  return kwnames === null ? 0 : kwnames.length;
}

function posArgs(args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal[] {
  return args.slice(0, args.length - nkw(kwnames));
}

function BaseException_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  return new PyBaseExceptionObject(type, PyTuple_New(posArgs(args, kwnames)));
}

function noKeywords(self: PyVal, kwnames: readonly PyVal[] | null): void {
  if (nkw(kwnames) > 0) PyErr_Format(PyExc_TypeError, `${Py_TYPE(self).tp_name}() takes no keyword arguments`);
}

function BaseException_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  noKeywords(self, kwnames);
  (self as PyBaseExceptionObject).args = PyTuple_New(args.slice());
}

function BaseException_str(self: PyVal): PyUnicodeObject {
  const a = (self as PyBaseExceptionObject).args.ob_item;
  if (a.length === 0) return PyUnicode_FromString("");
  if (a.length === 1) return PyObject_Str(a[0]);
  return PyObject_Str((self as PyBaseExceptionObject).args);
}

function BaseException_repr(self: PyVal): PyUnicodeObject {
  const e = self as PyBaseExceptionObject;
  const name = e.ob_type.tp_qualname;
  const a = e.args.ob_item;
  if (a.length === 1) return PyUnicode_FromString(`${name}(${PyObject_Repr(a[0]).value})`);
  return PyUnicode_FromString(`${name}${PyObject_Repr(e.args).value}`);
}

function BaseException_with_traceback(self: PyVal, tb: PyVal): PyVal {
  setTraceback(self as PyBaseExceptionObject, tb);
  return self;
}

let tracebackCheck: (v: PyVal) => boolean = () => false;
export function _PyExc_InstallTracebackCheck(f: (v: PyVal) => boolean): void {
  tracebackCheck = f;
}

function setTraceback(e: PyBaseExceptionObject, tb: PyVal | null): void {
  if (tb === null) { PyErr_Format(PyExc_TypeError, "__traceback__ may not be deleted"); }
  if (tb !== Py_None && !tracebackCheck(tb)) {
    PyErr_Format(PyExc_TypeError, "__traceback__ must be a traceback or None");
  }
  e.traceback = tb === Py_None ? null : tb;
}

function BaseException_add_note(self: PyVal, note: PyVal): PyVal {
  if (!PyUnicode_Check(note)) {
    return PyErr_Format(PyExc_TypeError, `note must be a str, not '${Py_TYPE(note).tp_name}'`);
  }
  const e = self as PyBaseExceptionObject;
  if (e.dict === null) e.dict = PyDict_New();
  const key = PyUnicode_InternFromString("__notes__");
  let notes = dictGet(e.dict, key);
  if (notes === undefined) {
    notes = PyList_New([]);
    dictSet(e.dict, key, notes);
  } else if (!PyList_Check(notes)) {
    return PyErr_Format(PyExc_TypeError, "Cannot add note: __notes__ is not a list");
  }
  (notes as PyListObject).ob_item.push(note);
  return Py_None;
}

let dictGet: (d: PyDictObject, k: PyVal) => PyVal | undefined = () => undefined;
let dictSet: (d: PyDictObject, k: PyVal, v: PyVal) => void = () => undefined;
export function _PyExc_InstallDict(g: typeof dictGet, s: typeof dictSet): void {
  dictGet = g;
  dictSet = s;
}

function BaseException_reduce(self: PyVal): PyVal {
  const e = self as PyBaseExceptionObject;
  if (e.dict !== null && PyDict_Size(e.dict) > 0) return PyTuple_New([e.ob_type, e.args, e.dict]);
  return PyTuple_New([e.ob_type, e.args]);
}

function BaseException_setstate(self: PyVal, state: PyVal): PyVal {
  if (state !== Py_None) {
    const e = self as PyBaseExceptionObject;
    if (!(state instanceof PyDictObject)) return PyErr_Format(PyExc_TypeError, "state is not a dictionary");
    if (e.dict === null) e.dict = PyDict_New();
    for (let j = 0; j < state.dk_nentries; j++) {
      const k = state.me_key[j];
      if (k !== null) dictSet(e.dict, k, state.me_value[j]!);
    }
  }
  return Py_None;
}

function excOrNone(v: PyVal | null): PyVal {
  return v === null ? Py_None : v;
}

function setCauseOrContext(v: PyVal | null, what: "cause" | "context"): PyVal | null {
  if (v === null) return PyErr_Format(PyExc_TypeError, `${what === "cause" ? "__cause__" : "__context__"} may not be deleted`);
  if (v === Py_None) return null;
  if (!PyExceptionInstance_Check(v)) {
    return PyErr_Format(PyExc_TypeError, `exception ${what} must be None or derive from BaseException`);
  }
  return v;
}

const BaseException_getset: PyGetSetDef[] = [
  {
    name: "args",
    get: (s) => (s as PyBaseExceptionObject).args,
    set: (s, v) => {
      if (v === null) { PyErr_Format(PyExc_TypeError, "args may not be deleted"); }
      (s as PyBaseExceptionObject).args = PyTuple_New(sequenceToArray(v!));
    },
  },
  {
    name: "__traceback__",
    get: (s) => excOrNone((s as PyBaseExceptionObject).traceback),
    set: (s, v) => setTraceback(s as PyBaseExceptionObject, v),
  },
  {
    name: "__context__",
    get: (s) => excOrNone((s as PyBaseExceptionObject).context),
    set: (s, v) => { (s as PyBaseExceptionObject).context = setCauseOrContext(v, "context"); },
  },
  {
    name: "__cause__",
    get: (s) => excOrNone((s as PyBaseExceptionObject).cause),
    set: (s, v) => {
      const e = s as PyBaseExceptionObject;
      e.cause = setCauseOrContext(v, "cause");
      e.suppress_context = true;
    },
  },
];

function sequenceToArray(v: PyVal): PyVal[] {
  if (PyTuple_Check(v)) return v.ob_item.slice();
  const out: PyVal[] = [];
  const it = PyObject_GetIter(v);
  for (let x = PyIter_Next(it); x !== undefined; x = PyIter_Next(it)) out.push(x);
  return out;
}

const BaseException_members: PyMemberDef[] = [
  {
    name: "__suppress_context__",
    get: (s) => PyBool_FromLong((s as PyBaseExceptionObject).suppress_context),
    set: (s, v) => { (s as PyBaseExceptionObject).suppress_context = v !== null && PyObject_IsTrue(v); },
  },
];

const BaseException_methods: PyMethodDef[] = [
  { name: "with_traceback", meth: BaseException_with_traceback, flags: METH_O,
    doc: "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self." },
  { name: "add_note", meth: BaseException_add_note, flags: METH_O,
    doc: "Exception.add_note(note) --\n    add a note to the exception" },
  { name: "__reduce__", meth: BaseException_reduce, flags: METH_NOARGS },
  { name: "__setstate__", meth: BaseException_setstate, flags: METH_O },
];

// ---- family-specific constructors ----

function makeNew<T extends PyBaseExceptionObject>(C: new (t: PyTypeObject, a: PyTupleObject) => T) {
  return (type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal =>
    new C(type, PyTuple_New(posArgs(args, kwnames)));
}

function StopIteration_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  BaseException_init(self, args, kwnames);
  (self as PyStopIterationObject).value = args.length > 0 ? args[0] : Py_None;
}

function SystemExit_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  BaseException_init(self, args, kwnames);
  const e = self as PySystemExitObject;
  e.code = args.length === 0 ? Py_None : args.length === 1 ? args[0] : e.args;
}

function kwParse(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null, allowed: string[]): Map<string, PyVal> {
  const out = new Map<string, PyVal>();
  const n = nkw(kwnames);
  const npos = args.length - n;
  for (let i = 0; i < n; i++) {
    const k = (kwnames![i] as PyUnicodeObject).value;
    if (!allowed.includes(k)) {
      PyErr_Format(PyExc_TypeError, `${Py_TYPE(self).tp_name}() got an unexpected keyword argument '${k}'`);
    }
    out.set(k, args[npos + i]);
  }
  return out;
}

function ImportError_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const kw = kwParse(self, args, kwnames, ["name", "path", "name_from"]);
  const pos = posArgs(args, kwnames);
  const e = self as PyImportErrorObject;
  e.args = PyTuple_New(pos);
  e.name = kw.get("name") ?? Py_None;
  e.path = kw.get("path") ?? Py_None;
  e.name_from = kw.get("name_from") ?? Py_None;
  e.msg = pos.length === 1 ? pos[0] : Py_None;
}

function ImportError_str(self: PyVal): PyUnicodeObject {
  const e = self as PyImportErrorObject;
  if (e.msg !== Py_None) return PyObject_Str(e.msg);
  return BaseException_str(self);
}

function NameError_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const kw = kwParse(self, args, kwnames, ["name"]);
  (self as PyNameErrorObject).args = PyTuple_New(posArgs(args, kwnames));
  (self as PyNameErrorObject).name = kw.get("name") ?? Py_None;
}

function AttributeError_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const kw = kwParse(self, args, kwnames, ["name", "obj"]);
  (self as PyAttributeErrorObject).args = PyTuple_New(posArgs(args, kwnames));
  (self as PyAttributeErrorObject).name = kw.get("name") ?? Py_None;
  (self as PyAttributeErrorObject).obj = kw.get("obj") ?? Py_None;
}

function KeyError_str(self: PyVal): PyUnicodeObject {
  const a = (self as PyBaseExceptionObject).args.ob_item;
  if (a.length === 1) return PyObject_Repr(a[0]);
  return BaseException_str(self);
}

// OSError: errno → subclass mapping (Objects/exceptions.c, _PyExc_InitState), Linux errno values.
const ERRNO_MAP: [number[], string][] = [
  [[11, 114, 115], "BlockingIOError"], [[10], "ChildProcessError"], [[32, 108], "BrokenPipeError"],
  [[103], "ConnectionAbortedError"], [[111], "ConnectionRefusedError"], [[104], "ConnectionResetError"],
  [[17], "FileExistsError"], [[2], "FileNotFoundError"], [[21], "IsADirectoryError"], [[20], "NotADirectoryError"],
  [[4], "InterruptedError"], [[13, 1], "PermissionError"], [[3], "ProcessLookupError"], [[110], "TimeoutError"],
];

function OSError_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const pos = posArgs(args, kwnames);
  let t = type;
  if (type === PyExc_OSError && pos.length >= 2 && PyLong_Check(pos[0])) {
    const en = longValue(pos[0]);
    for (const [codes, name] of ERRNO_MAP) if (typeof en === "number" && codes.includes(en)) t = exc(name);
  }
  const e = new PyOSErrorObject(t, PyTuple_New(pos));
  if (t !== type || type.tp_init === OSError_init) OSError_fill(e, pos);
  return e;
}

function OSError_fill(e: PyOSErrorObject, pos: PyVal[]): void {
  if (pos.length >= 2 && pos.length <= 5) {
    e.myerrno = pos[0];
    e.strerror = pos[1];
    if (pos.length >= 3) {
      e.filename = pos[2];
      if (pos.length >= 5) e.filename2 = pos[4];
      e.args = PyTuple_New([pos[0], pos[1]]);
    }
  }
}

function OSError_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  noKeywords(self, kwnames);
  const e = self as PyOSErrorObject;
  if (e.myerrno === Py_None) OSError_fill(e, args.slice());
}

function OSError_str(self: PyVal): PyUnicodeObject {
  const e = self as PyOSErrorObject;
  if (e.filename !== Py_None) {
    if (e.filename2 !== Py_None) {
      return PyUnicode_FromString(`[Errno ${PyObject_Str(e.myerrno).value}] ${PyObject_Str(e.strerror).value}: ${PyObject_Repr(e.filename).value} -> ${PyObject_Repr(e.filename2).value}`);
    }
    return PyUnicode_FromString(`[Errno ${PyObject_Str(e.myerrno).value}] ${PyObject_Str(e.strerror).value}: ${PyObject_Repr(e.filename).value}`);
  }
  if (e.myerrno !== Py_None && e.strerror !== Py_None) {
    return PyUnicode_FromString(`[Errno ${PyObject_Str(e.myerrno).value}] ${PyObject_Str(e.strerror).value}`);
  }
  return BaseException_str(self);
}

function SyntaxError_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  noKeywords(self, kwnames);
  const e = self as PySyntaxErrorObject;
  e.args = PyTuple_New(args.slice());
  if (args.length >= 1) e.msg = args[0];
  if (args.length === 2) {
    const info = sequenceToArray(args[1]);
    if (info.length < 4 || info.length > 6) {
      PyErr_Format(PyExc_IndexError, "tuple index out of range");
    }
    e.filename = info[0]; e.lineno = info[1]; e.offset = info[2]; e.text = info[3];
    if (info.length > 4) e.end_lineno = info[4];
    if (info.length > 5) e.end_offset = info[5];
  }
}

function SyntaxError_str(self: PyVal): PyUnicodeObject {
  const e = self as PySyntaxErrorObject;
  const msg = PyObject_Str(e.msg).value;
  let filename: string | null = null;
  if (PyUnicode_Check(e.filename)) {
    const f = e.filename.value;
    filename = f.slice(f.lastIndexOf("/") + 1);
  }
  const haveLine = PyLong_Check(e.lineno);
  if (filename !== null && haveLine) return PyUnicode_FromString(`${msg} (${filename}, line ${PyObject_Str(e.lineno).value})`);
  if (filename !== null) return PyUnicode_FromString(`${msg} (${filename})`);
  if (haveLine) return PyUnicode_FromString(`${msg} (line ${PyObject_Str(e.lineno).value})`);
  return PyUnicode_FromString(msg);
}

function BaseExceptionGroup_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  if (nkw(kwnames) > 0) return PyErr_Format(PyExc_TypeError, `${type.tp_name}() takes no keyword arguments`);
  if (args.length !== 2) {
    return PyErr_Format(PyExc_TypeError, `BaseExceptionGroup.__new__() takes exactly 2 arguments (${args.length} given)`);
  }
  const [msg, excsArg] = args;
  if (!PyUnicode_Check(msg)) return PyErr_Format(PyExc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not " + Py_TYPE(msg).tp_name);
  const t = Py_TYPE(excsArg);
  if (t.sq_length === null || t.tp_iter === null || hasFlag(t, 1 << 29) || t.tp_name === "set" || t.tp_name === "frozenset") {
    return PyErr_Format(PyExc_TypeError, "second argument (exceptions) must be a sequence");
  }
  const excs = sequenceToArray(excsArg);
  if (excs.length === 0) return PyErr_Format(PyExc_ValueError, "second argument (exceptions) must be a non-empty sequence");
  let nested = false;
  for (let i = 0; i < excs.length; i++) {
    if (!PyExceptionInstance_Check(excs[i])) {
      return PyErr_Format(PyExc_ValueError, `Item ${i} of second argument (exceptions) is not an exception`);
    }
    if (!PyObject_IsInstance(excs[i], PyExc_Exception)) nested = true;
  }
  let cls = type;
  if (type === PyExc_BaseExceptionGroup) {
    if (!nested) cls = PyExc_ExceptionGroup;
  } else if (type === PyExc_ExceptionGroup) {
    if (nested) return PyErr_Format(PyExc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nested && !hasFlag(type, 0) && PyObject_IsInstance(type, PyExc_Exception) === false && isSubtypeOfException(type)) {
    return PyErr_Format(PyExc_TypeError, `Cannot nest BaseExceptions in '${type.tp_name}'`);
  }
  const e = new PyBaseExceptionGroupObject(cls, PyTuple_New(args.slice()));
  e.msg = msg;
  e.excs = PyTuple_New(excs);
  return e;
}

function isSubtypeOfException(t: PyTypeObject): boolean {
  return t.mro.includes(PyExc_Exception);
}

function BaseExceptionGroup_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  void self; void args; void kwnames;
}

function BaseExceptionGroup_str(self: PyVal): PyUnicodeObject {
  const e = self as PyBaseExceptionGroupObject;
  const n = (e.excs as PyTupleObject).ob_item.length;
  return PyUnicode_FromString(`${PyObject_Str(e.msg).value} (${n} sub-exception${n > 1 ? "s" : ""})`);
}

function BaseExceptionGroup_derive(self: PyVal, excs: PyVal): PyVal {
  const e = self as PyBaseExceptionGroupObject;
  return PyObject_Call(PyExc_BaseExceptionGroup, [e.msg, excs], null);
}

/** Split an exception group by a matcher (exceptiongroup_split_recursive). */
function egSplit(e: PyVal, match: (x: PyVal) => boolean, wantRest: boolean): [PyVal | null, PyVal | null] {
  if (match(e)) return [e, null];
  if (!(e instanceof PyBaseExceptionGroupObject)) return [null, wantRest ? e : null];
  const matched: PyVal[] = [];
  const rest: PyVal[] = [];
  for (const x of (e.excs as PyTupleObject).ob_item) {
    const [m, r] = egSplit(x, match, wantRest);
    if (m !== null) matched.push(m);
    if (r !== null) rest.push(r);
  }
  const build = (items: PyVal[]): PyVal | null => {
    if (items.length === 0) return null;
    // exceptiongroup_subset: derive() must give a group; traceback, context and cause (which sets
    // __suppress_context__) are copied, and __notes__ as a new list when it is a sequence.
    const derived = callMethodDerive(e, PyList_New(items));
    if (!(derived instanceof PyBaseExceptionGroupObject)) {
      return PyErr_Format(PyExc_TypeError, "derive must return an instance of BaseExceptionGroup");
    }
    const d = derived as PyBaseExceptionObject;
    d.traceback = e.traceback;
    d.context = e.context;
    d.cause = e.cause;
    d.suppress_context = true;
    const notesName = PyUnicode_InternFromString("__notes__");
    const notes = _PyObject_LookupAttr(e, notesName);
    // PySequence_Check: sq_item and not a dict.
    if (notes !== undefined && Py_TYPE(notes).sq_item !== null && !PyDict_Check(notes)) {
      PyObject_SetAttr(derived, notesName, PyList_New(PySequence_List(notes)));
    }
    return derived;
  };
  return [build(matched), wantRest ? build(rest) : null];
}

let callMethodDerive: (e: PyVal, excs: PyVal) => PyVal = (e, x) => PyObject_CallMethod(e, "derive", [x]);
export function _PyExc_InstallDerive(f: (e: PyVal, excs: PyVal) => PyVal): void {
  callMethodDerive = f;
}

/** The matcher of split()/subgroup()/except*: a type, a tuple of types, or a predicate. */
export function egMatcher(cond: PyVal): (x: PyVal) => boolean {
  if (PyExceptionClass_Check(cond)) return (x) => PyObject_IsInstance(x, cond);
  if (PyTuple_Check(cond) && cond.ob_item.every(PyExceptionClass_Check)) return (x) => PyObject_IsInstance(x, cond);
  if (Py_TYPE(cond).tp_call !== null) return (x) => PyObject_IsTrue(PyObject_CallOneArg(cond, x));
  return PyErr_Format(PyExc_TypeError, "expected an exception type, a tuple of exception types, or a callable (other than a class)");
}

export function exceptionGroupSplit(e: PyVal, cond: PyVal): [PyVal | null, PyVal | null] {
  return egSplit(e, egMatcher(cond), true);
}

const EG_methods: PyMethodDef[] = [
  { name: "derive", meth: BaseExceptionGroup_derive, flags: METH_O },
  { name: "split", meth: (s: PyVal, c: PyVal) => {
    const [m, r] = egSplit(s, egMatcher(c), true);
    return PyTuple_New([m ?? Py_None, r ?? Py_None]);
  }, flags: METH_O },
  { name: "subgroup", meth: (s: PyVal, c: PyVal) => egSplit(s, egMatcher(c), false)[0] ?? Py_None, flags: METH_O },
  { name: "__class_getitem__", meth: (s: PyVal, a: PyVal) => genericAliasHook(s, a), flags: METH_O | 0x10 },
];

let genericAliasHook: (t: PyVal, a: PyVal) => PyVal = (t) => t;
export function _PyExc_InstallGenericAlias(f: (t: PyVal, a: PyVal) => PyVal): void {
  genericAliasHook = f;
}

function UnicodeError_str(self: PyVal): PyUnicodeObject {
  const e = self as PyUnicodeErrorObject;
  const name = e.ob_type.tp_name;
  if (name === "UnicodeTranslateError" || (e.ob_type.mro.includes(PyExc_UnicodeTranslateError) && !e.ob_type.mro.includes(PyExc_UnicodeDecodeError))) {
    // UnicodeTranslateError_str: no encoding, the object is a str.
    if (!PyUnicode_Check(e.object)) return BaseException_str(self);
    const st = longValue(e.start) as number, en = longValue(e.end) as number;
    const rs = PyObject_Str(e.reason).value;
    const cs = Array.from(e.object.value);
    if (en === st + 1 && st >= 0 && st < cs.length) {
      const c = cs[st].codePointAt(0)!;
      const esc = c < 0x100 ? `\\x${c.toString(16).padStart(2, "0")}` : c < 0x10000 ? `\\u${c.toString(16).padStart(4, "0")}` : `\\U${c.toString(16).padStart(8, "0")}`;
      return PyUnicode_FromString(`can't translate character '${esc}' in position ${st}: ${rs}`);
    }
    return PyUnicode_FromString(`can't translate characters in position ${st}-${en - 1}: ${rs}`);
  }
  if (e.encoding === Py_None || e.object === Py_None) return BaseException_str(self);
  const start = longValue(e.start) as number;
  const end = longValue(e.end) as number;
  const enc = PyObject_Str(e.encoding).value;
  const reason = PyObject_Str(e.reason).value;
  if (name === "UnicodeDecodeError" || (name !== "UnicodeEncodeError" && e.ob_type.mro.includes(PyExc_UnicodeDecodeError))) {
    const bytes = (e.object as unknown as { ob_bytes: Uint8Array }).ob_bytes;
    if (end === start + 1) {
      return PyUnicode_FromString(`'${enc}' codec can't decode byte 0x${bytes[start].toString(16).padStart(2, "0")} in position ${start}: ${reason}`);
    }
    return PyUnicode_FromString(`'${enc}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`);
  }
  const s = (e.object as PyUnicodeObject).value;
  const cps = Array.from(s);
  if (end === start + 1) {
    const c = cps[start].codePointAt(0)!;
    const esc = c < 0x100 ? `\\x${c.toString(16).padStart(2, "0")}` : c < 0x10000 ? `\\u${c.toString(16).padStart(4, "0")}` : `\\U${c.toString(16).padStart(8, "0")}`;
    return PyUnicode_FromString(`'${enc}' codec can't encode character '${esc}' in position ${start}: ${reason}`);
  }
  return PyUnicode_FromString(`'${enc}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`);
}

function UnicodeError_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  BaseException_init(self, args, kwnames);
  const e = self as PyUnicodeErrorObject;
  if (args.length === 5) {
    [e.encoding, e.object, e.start, e.end, e.reason] = args;
  } else if (args.length === 4 && e.ob_type.mro.includes(PyExc_UnicodeTranslateError)) {
    [e.object, e.start, e.end, e.reason] = args;
  }
}

// ---- declare every type ----

function field<T extends PyBaseExceptionObject>(name: string, get: (e: T) => PyVal, set?: (e: T, v: PyVal) => void): PyMemberDef {
  return {
    name,
    get: (s) => get(s as T),
    set: set ? (s, v) => set(s as T, v === null ? Py_None : v) : null,
  };
}

const families: Record<string, Partial<Parameters<typeof PyType_FromSpecStatic>[0]>> = {
  BaseException: {
    slots: { tp_new: BaseException_new, tp_init: BaseException_init, tp_str: BaseException_str, tp_repr: BaseException_repr },
    methods: BaseException_methods, getset: BaseException_getset, members: BaseException_members,
  },
  StopIteration: {
    slots: { tp_new: makeNew(PyStopIterationObject), tp_init: StopIteration_init },
    members: [field<PyStopIterationObject>("value", (e) => e.value, (e, v) => { e.value = v; })],
  },
  SystemExit: {
    slots: { tp_new: makeNew(PySystemExitObject), tp_init: SystemExit_init },
    members: [field<PySystemExitObject>("code", (e) => e.code, (e, v) => { e.code = v; })],
  },
  ImportError: {
    slots: { tp_new: makeNew(PyImportErrorObject), tp_init: ImportError_init, tp_str: ImportError_str },
    members: [
      field<PyImportErrorObject>("msg", (e) => e.msg, (e, v) => { e.msg = v; }),
      field<PyImportErrorObject>("name", (e) => e.name, (e, v) => { e.name = v; }),
      field<PyImportErrorObject>("path", (e) => e.path, (e, v) => { e.path = v; }),
      field<PyImportErrorObject>("name_from", (e) => e.name_from, (e, v) => { e.name_from = v; }),
    ],
  },
  OSError: {
    slots: { tp_new: OSError_new, tp_init: OSError_init, tp_str: OSError_str },
    members: [
      field<PyOSErrorObject>("errno", (e) => e.myerrno, (e, v) => { e.myerrno = v; }),
      field<PyOSErrorObject>("strerror", (e) => e.strerror, (e, v) => { e.strerror = v; }),
      field<PyOSErrorObject>("filename", (e) => e.filename, (e, v) => { e.filename = v; }),
      field<PyOSErrorObject>("filename2", (e) => e.filename2, (e, v) => { e.filename2 = v; }),
    ],
  },
  SyntaxError: {
    slots: { tp_new: makeNew(PySyntaxErrorObject), tp_init: SyntaxError_init, tp_str: SyntaxError_str },
    members: (["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"] as const).map(
      (n) => field<PySyntaxErrorObject>(n, (e) => e[n], (e, v) => { e[n] = v; })),
  },
  NameError: {
    slots: { tp_new: makeNew(PyNameErrorObject), tp_init: NameError_init },
    members: [field<PyNameErrorObject>("name", (e) => e.name, (e, v) => { e.name = v; })],
  },
  AttributeError: {
    slots: { tp_new: makeNew(PyAttributeErrorObject), tp_init: AttributeError_init },
    members: [
      field<PyAttributeErrorObject>("name", (e) => e.name, (e, v) => { e.name = v; }),
      field<PyAttributeErrorObject>("obj", (e) => e.obj, (e, v) => { e.obj = v; }),
    ],
  },
  KeyError: { slots: { tp_str: KeyError_str } },
  BaseExceptionGroup: {
    slots: { tp_new: BaseExceptionGroup_new, tp_init: BaseExceptionGroup_init, tp_str: BaseExceptionGroup_str },
    methods: EG_methods,
    members: [
      field<PyBaseExceptionGroupObject>("message", (e) => e.msg),
      field<PyBaseExceptionGroupObject>("exceptions", (e) => e.excs),
    ],
  },
  UnicodeError: {
    slots: { tp_new: makeNew(PyUnicodeErrorObject), tp_init: UnicodeError_init, tp_str: UnicodeError_str },
    members: (["encoding", "object", "start", "end", "reason"] as const).map(
      (n) => field<PyUnicodeErrorObject>(n, (e) => e[n], (e, v) => { e[n] = v; })),
  },
};

for (const row of EXCEPTION_TABLE) {
  const t = exc(row.name);
  const fam = families[row.name] ?? {};
  const baseName = row.bases[0];
  PyType_FromSpecStatic({
    name: row.name,
    base: baseName ? () => exc(baseName) : undefined,
    bases: row.bases.length > 1 ? () => row.bases.map(exc) : undefined,
    flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BASE_EXC_SUBCLASS,
    doc: row.doc,
    dictoffset: 1,
    ...fam,
  }, t);
}

