// The _pickle module's state (Modules/_pickle.c PickleState, _Pickle_InitState): the exception classes, copyreg's
// dispatch and extension tables, _compat_pickle's 2.x <-> 3.x name mappings, codecs.encode, builtins.getattr and
// functools.partial, read once when the module is executed. Opcode bytes and sizes as pickle.py's. docs/modules.md.
import {
  PyTypeObject, Py_TYPE, PyUnicode_InternFromString, type PyVal, type PyUnicodeObject,
} from "../../objects/object.js";
import { PyDict_New, PyDict_SetItemString, PyDict_CheckExact, type PyDictObject } from "../../objects/dictobject.js";
import { PyUnicode_FromString } from "../../objects/unicodeobject.js";
import { PyTuple_New } from "../../objects/tupleobject.js";
import { PyObject_Vectorcall, PyObject_GetAttr, PyObject_IsInstance } from "../../objects/abstract.js";
import { PyExc_Exception, PyExc_RuntimeError, PyBaseExceptionObject } from "../../objects/exceptions.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { PyImport_ImportModule } from "../../runtime/import.js";
import { _PyGC_AddRoot } from "../../runtime/gc.js";

/** Pickle opcodes (Modules/_pickle.c enum opcode, Lib/pickle.py). */
export const OP = {
  MARK: 0x28, STOP: 0x2e, POP: 0x30, POP_MARK: 0x31, DUP: 0x32, FLOAT: 0x46, INT: 0x49, BININT: 0x4a,
  BININT1: 0x4b, LONG: 0x4c, BININT2: 0x4d, NONE: 0x4e, PERSID: 0x50, BINPERSID: 0x51, REDUCE: 0x52,
  STRING: 0x53, BINSTRING: 0x54, SHORT_BINSTRING: 0x55, UNICODE: 0x56, BINUNICODE: 0x58, APPEND: 0x61,
  BUILD: 0x62, GLOBAL: 0x63, DICT: 0x64, EMPTY_DICT: 0x7d, APPENDS: 0x65, GET: 0x67, BINGET: 0x68, INST: 0x69,
  LONG_BINGET: 0x6a, LIST: 0x6c, EMPTY_LIST: 0x5d, OBJ: 0x6f, PUT: 0x70, BINPUT: 0x71, LONG_BINPUT: 0x72,
  SETITEM: 0x73, TUPLE: 0x74, EMPTY_TUPLE: 0x29, SETITEMS: 0x75, BINFLOAT: 0x47,
  // protocol 2
  PROTO: 0x80, NEWOBJ: 0x81, EXT1: 0x82, EXT2: 0x83, EXT4: 0x84, TUPLE1: 0x85, TUPLE2: 0x86, TUPLE3: 0x87,
  NEWTRUE: 0x88, NEWFALSE: 0x89, LONG1: 0x8a, LONG4: 0x8b,
  // protocol 3
  BINBYTES: 0x42, SHORT_BINBYTES: 0x43,
  // protocol 4
  SHORT_BINUNICODE: 0x8c, BINUNICODE8: 0x8d, BINBYTES8: 0x8e, EMPTY_SET: 0x8f, ADDITEMS: 0x90, FROZENSET: 0x91,
  NEWOBJ_EX: 0x92, STACK_GLOBAL: 0x93, MEMOIZE: 0x94, FRAME: 0x95,
  // protocol 5
  BYTEARRAY8: 0x96, NEXT_BUFFER: 0x97, READONLY_BUFFER: 0x98,
} as const;

export const HIGHEST_PROTOCOL = 5;
export const DEFAULT_PROTOCOL = 4;
/** How many items batch_list/batch_dict/save_set write before an APPENDS/SETITEMS/ADDITEMS. */
export const BATCHSIZE = 1000;
/** Nesting depth at which "fast" mode starts checking for cycles. */
export const FAST_NESTING_LIMIT = 50;
export const FRAME_SIZE_MIN = 4;
export const FRAME_SIZE_TARGET = 64 * 1024;
export const FRAME_HEADER_SIZE = 9;
export const PREFETCH = 8192 * 16;

export interface PickleState {
  PickleError: PyTypeObject;
  PicklingError: PyTypeObject;
  UnpicklingError: PyTypeObject;
  dispatch_table: PyDictObject;
  extension_registry: PyDictObject;
  extension_cache: PyDictObject;
  inverted_registry: PyDictObject;
  name_mapping_2to3: PyDictObject;
  import_mapping_2to3: PyDictObject;
  name_mapping_3to2: PyDictObject;
  import_mapping_3to2: PyDictObject;
  codecs_encode: PyVal;
  getattr: PyVal;
  partial: PyVal;
}

let state: PickleState | null = null;
_PyGC_AddRoot("_pickle", () => state);

export function st(): PickleState {
  return state!;
}

/** The interned strings the pickler writes by identity (CPython's _Py_ID): memoized once per pickle. */
export const ID = {
  latin1: PyUnicode_InternFromString("latin1"),
  __qualname__: PyUnicode_InternFromString("__qualname__"),
  __name__: PyUnicode_InternFromString("__name__"),
  __module__: PyUnicode_InternFromString("__module__"),
  __reduce_ex__: PyUnicode_InternFromString("__reduce_ex__"),
  __reduce__: PyUnicode_InternFromString("__reduce__"),
  __newobj__: PyUnicode_InternFromString("__newobj__"),
  __newobj_ex__: PyUnicode_InternFromString("__newobj_ex__"),
  __new__: PyUnicode_InternFromString("__new__"),
  __class__: PyUnicode_InternFromString("__class__"),
  __setstate__: PyUnicode_InternFromString("__setstate__"),
  __dict__: PyUnicode_InternFromString("__dict__"),
  __getinitargs__: PyUnicode_InternFromString("__getinitargs__"),
  items: PyUnicode_InternFromString("items"),
  extend: PyUnicode_InternFromString("extend"),
  append: PyUnicode_InternFromString("append"),
  add: PyUnicode_InternFromString("add"),
  write: PyUnicode_InternFromString("write"),
  read: PyUnicode_InternFromString("read"),
  readline: PyUnicode_InternFromString("readline"),
  readinto: PyUnicode_InternFromString("readinto"),
  peek: PyUnicode_InternFromString("peek"),
  persistent_id: PyUnicode_InternFromString("persistent_id"),
  persistent_load: PyUnicode_InternFromString("persistent_load"),
  reducer_override: PyUnicode_InternFromString("reducer_override"),
  dispatch_table: PyUnicode_InternFromString("dispatch_table"),
  find_class: PyUnicode_InternFromString("find_class"),
  __main__: PyUnicode_InternFromString("__main__"),
  modules: PyUnicode_InternFromString("modules"),
} as const satisfies Record<string, PyUnicodeObject>;

function newException(name: string, base: PyTypeObject): PyTypeObject {
  const ns = PyDict_New();
  PyDict_SetItemString(ns, "__module__", PyUnicode_FromString("_pickle"));
  return PyObject_Vectorcall(Py_TYPE(base), [PyUnicode_FromString(name), PyTuple_New([base]), ns], null) as PyTypeObject;
}

function dictAttr(mod: PyVal, modname: string, name: string): PyDictObject {
  const v = PyObject_GetAttr(mod, PyUnicode_InternFromString(name));
  if (!PyDict_CheckExact(v)) {
    return PyErr_Format(PyExc_RuntimeError, `${modname}.${name} should be a dict, not ${Py_TYPE(v).tp_name.slice(0, 200)}`);
  }
  return v;
}

/** _Pickle_InitState. */
export function _Pickle_InitState(): PickleState {
  if (state !== null) return state;
  const PickleError = newException("PickleError", PyExc_Exception);
  const copyreg = PyImport_ImportModule("copyreg");
  const compat = PyImport_ImportModule("_compat_pickle");
  const builtins = PyImport_ImportModule("builtins");
  state = {
    PickleError,
    PicklingError: newException("PicklingError", PickleError),
    UnpicklingError: newException("UnpicklingError", PickleError),
    dispatch_table: dictAttr(copyreg, "copyreg", "dispatch_table"),
    extension_registry: dictAttr(copyreg, "copyreg", "_extension_registry"),
    inverted_registry: dictAttr(copyreg, "copyreg", "_inverted_registry"),
    extension_cache: dictAttr(copyreg, "copyreg", "_extension_cache"),
    name_mapping_2to3: dictAttr(compat, "_compat_pickle", "NAME_MAPPING"),
    import_mapping_2to3: dictAttr(compat, "_compat_pickle", "IMPORT_MAPPING"),
    name_mapping_3to2: dictAttr(compat, "_compat_pickle", "REVERSE_NAME_MAPPING"),
    import_mapping_3to2: dictAttr(compat, "_compat_pickle", "REVERSE_IMPORT_MAPPING"),
    codecs_encode: PyObject_GetAttr(PyImport_ImportModule("codecs"), PyUnicode_InternFromString("encode")),
    getattr: PyObject_GetAttr(builtins, PyUnicode_InternFromString("getattr")),
    partial: PyObject_GetAttr(PyImport_ImportModule("functools"), PyUnicode_InternFromString("partial")),
  };
  return state;
}

/** Whether a caught JS value is a Python exception of class `cls` (PyErr_ExceptionMatches). */
export function exceptionMatches(e: unknown, cls: PyTypeObject): e is PyBaseExceptionObject {
  return e instanceof PyBaseExceptionObject && PyObject_IsInstance(e, cls);
}

/** Raise `cls(msg)` with `cause` as its __context__ (PyErr_Format while an exception is set). */
export function raiseFrom(cls: PyTypeObject, msg: string, context: unknown): never {
  try {
    return PyErr_Format(cls, msg);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject && context instanceof PyBaseExceptionObject && e.context === null) {
      e.context = context;
    }
    throw e;
  }
}

export function PyCallable_Check(v: PyVal): boolean {
  return Py_TYPE(v).tp_call !== null;
}
