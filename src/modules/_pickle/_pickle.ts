// The _pickle module (Modules/_pickle.c): the Pickler and Unpickler types (subclassable: persistent_id,
// persistent_load, dispatch_table, reducer_override, find_class, fast, memo proxies), dump/dumps/load/loads, the
// exception classes and PickleBuffer. The pickler is in pickler.ts, the unpickler in unpickler.ts. docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE, METH_O, METH_NOARGS,
  METH_FASTCALL, METH_KEYWORDS, PyUnicode_InternFromString, type PyVal,
} from "../../objects/object.js";
import { PyUnicode_Check } from "../../objects/unicodeobject.js";
import { PyTuple_New, PyTuple_Check } from "../../objects/tupleobject.js";
import { PyDict_New, PyDict_SetItem, PyDict_Check, PyDict_Type, PyDictObject } from "../../objects/dictobject.js";
import { PyLong_Check } from "../../objects/longobject.js";
import {
  PyObject_IsTrue, PyObject_GetIter, PyObject_CallOneArg, PyObject_GetAttr, _PyObject_LookupAttr,
  PyObject_HashNotImplemented,
} from "../../objects/abstract.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_AttributeError, PyExc_OverflowError } from "../../objects/exceptions.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { parseArgs } from "../../runtime/getargs.js";
import { PyImport_ImportModule } from "../../runtime/import.js";
import { PyModule_Add, type PyModuleDef } from "../moduledef.js";
import { _Pickle_InitState, st, ID } from "./state.js";
import {
  PicklerObject, _Pickler_SetProtocol, _Pickler_SetOutputStream, _Pickler_SetBufferCallback, _Pickler_ClearBuffer,
  _Pickler_FlushToFile, _Pickler_GetString, dump, isDefaultMethod, asCLong,
} from "./pickler.js";
import {
  UnpicklerObject, _Unpickler_SetStringInput, _Unpickler_SetInputStream, load, _pickle_Unpickler_find_class,
} from "./unpickler.js";
import { PyPickleBuffer_Type, _PyPickleBuffer_Init } from "./picklebuffer.js";

export const Pickler_Type = PyType_Declare("_pickle.Pickler");
export const Unpickler_Type = PyType_Declare("_pickle.Unpickler");
const PicklerMemoProxyType = PyType_Declare("_pickle.PicklerMemoProxy");
const UnpicklerMemoProxyType = PyType_Declare("_pickle.UnpicklerMemoProxy");

/** PicklerMemoProxy / UnpicklerMemoProxy: the memo of a pickler or unpickler, seen from Python. */
class MemoProxyObject extends PyObject {
  readonly pickler: PicklerObject | null;
  readonly unpickler: UnpicklerObject | null;
  constructor(type: PyTypeObject, pickler: PicklerObject | null, unpickler: UnpicklerObject | null) {
    super(type);
    this.pickler = pickler;
    this.unpickler = unpickler;
  }
}

function boolArg(v: PyVal | undefined, dflt: boolean): boolean {
  return v === undefined ? dflt : PyObject_IsTrue(v);
}

function strArg(fname: string, name: string, v: PyVal | undefined, dflt: string): string {
  if (v === undefined) return dflt;
  if (!PyUnicode_Check(v)) {
    return PyErr_Format(PyExc_TypeError, `${fname}() argument '${name}' must be str, not ${Py_TYPE(v).tp_name}`);
  }
  return v.value;
}

let builtinId: PyVal | null = null;
function idOf(v: PyVal): PyVal {
  builtinId ??= PyObject_GetAttr(PyImport_ImportModule("builtins"), PyUnicode_InternFromString("id"));
  return PyObject_CallOneArg(builtinId, v);
}

// ---- Pickler ----

function pickler(v: PyVal): PicklerObject {
  return v as PicklerObject;
}

/** Pickler.persistent_id: the default has none (returns None); the pickler skips calling it. */
function Pickler_persistent_id(_self: PyVal, _obj: PyVal): PyVal {
  return Py_None;
}

function Pickler_init(s: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const self = pickler(s);
  const [file, protocol, fix_imports, buffer_callback] = parseArgs("Pickler", args, kwnames,
    ["file", "protocol", "fix_imports", "buffer_callback"], 1, 4);
  if (self.write !== null) {
    self.memo = new Map();
    self.pers_func = null;
    self.dispatch_table = null;
    self.fast_memo = null;
    self.buffer_callback = null;
  }
  _Pickler_SetProtocol(self, protocol, boolArg(fix_imports, true));
  _Pickler_SetOutputStream(self, file!);
  _Pickler_SetBufferCallback(self, buffer_callback);
  _Pickler_ClearBuffer(self);
  self.fast = 0;
  self.fast_nesting = 0;
  self.fast_memo = null;
  if (self.dispatch_table === null) self.dispatch_table = _PyObject_LookupAttr(self, ID.dispatch_table) ?? null;
}

function Pickler_dump(s: PyVal, obj: PyVal): PyVal {
  const self = pickler(s);
  if (self.write === null) {
    return PyErr_Format(st().PicklingError, `Pickler.__init__() was not called by ${Py_TYPE(self).tp_name}.__init__()`);
  }
  _Pickler_ClearBuffer(self);
  const pid = _PyObject_LookupAttr(self, ID.persistent_id);
  self.pers_func = pid === undefined || isDefaultMethod(pid, Pickler_persistent_id) ? null : pid;
  try {
    dump(self, obj);
  } finally {
    self.pers_func = null;
  }
  _Pickler_FlushToFile(self);
  return Py_None;
}

function Pickler_set_memo(s: PyVal, v: PyVal | null): void {
  const self = pickler(s);
  if (v === null) return PyErr_Format(PyExc_TypeError, "attribute deletion is not supported");
  let memo: Map<PyVal, number>;
  if (v instanceof MemoProxyObject && Py_TYPE(v) === PicklerMemoProxyType) {
    memo = new Map(v.pickler!.memo);
  } else if (PyDict_Check(v)) {
    memo = new Map();
    for (let i = 0; i < v.me_key.length; i++) {
      if (v.me_key[i] === null) continue;
      const value = v.me_value[i]!;
      if (!PyTuple_Check(value) || value.ob_item.length !== 2) {
        return PyErr_Format(PyExc_TypeError, "'memo' values must be 2-item tuples");
      }
      memo.set(value.ob_item[1], asCLong(value.ob_item[0]));
    }
  } else {
    return PyErr_Format(PyExc_TypeError,
      `'memo' attribute must be a PicklerMemoProxy object or dict, not ${Py_TYPE(v).tp_name.slice(0, 200)}`);
  }
  self.memo = memo;
}

PyType_FromSpecStatic({
  name: "_pickle.Pickler",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Pickler(file, protocol=None, fix_imports=True, buffer_callback=None)\n--\n\n" +
    "This takes a binary file for writing a pickle data stream.\n\n" +
    "The optional *protocol* argument tells the pickler to use the given\nprotocol; supported protocols are 0, 1, 2, 3, 4 and 5.  The default\n" +
    "protocol is 4. It was introduced in Python 3.4, and is incompatible\nwith previous versions.\n\n" +
    "Specifying a negative protocol version selects the highest protocol\nversion supported.  The higher the protocol used, the more recent the\n" +
    "version of Python needed to read the pickle produced.\n\n" +
    "The *file* argument must have a write() method that accepts a single\nbytes argument. It can thus be a file object opened for binary\n" +
    "writing, an io.BytesIO instance, or any other custom object that meets\nthis interface.\n\n" +
    "If *fix_imports* is True and protocol is less than 3, pickle will try\nto map the new Python 3 names to the old module names used in Python\n" +
    "2, so that the pickle data stream is readable with Python 2.\n\n" +
    "If *buffer_callback* is None (the default), buffer views are\nserialized into *file* as part of the pickle stream.\n\n" +
    "If *buffer_callback* is not None, then it can be called any number\nof times with a buffer view.  If the callback returns a false value\n" +
    "(such as None), the given buffer is out-of-band; otherwise the\nbuffer is serialized in-band, i.e. inside the pickle stream.\n\n" +
    "It is an error if *buffer_callback* is not None and *protocol*\nis None or smaller than 5.",
  slots: {
    tp_new: (t) => new PicklerObject(t),
    tp_init: Pickler_init,
  },
  methods: [
    { name: "dump", meth: Pickler_dump, flags: METH_O,
      doc: "dump($self, obj, /)\n--\n\nWrite a pickled representation of the given object to the open file." },
    { name: "clear_memo", meth: (s: PyVal) => { pickler(s).memo.clear(); return Py_None; }, flags: METH_NOARGS,
      doc: "clear_memo($self, /)\n--\n\nClears the pickler's \"memo\".\n\nThe memo is the data structure that remembers which objects the\n" +
        "pickler has already seen, so that shared or recursive objects are\npickled by reference and not by value.  This method is useful when\nre-using picklers." },
    { name: "persistent_id", meth: Pickler_persistent_id, flags: METH_O, doc: null },
    { name: "__sizeof__", meth: (s: PyVal) => 96 + pickler(s).memo.size * 16 + pickler(s).buf.length, flags: METH_NOARGS,
      doc: "__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes." },
  ],
  members: [
    { name: "bin", get: (s) => pickler(s).bin, set: (s, v) => { pickler(s).bin = intMember(v); } },
    { name: "fast", get: (s) => pickler(s).fast, set: (s, v) => { pickler(s).fast = intMember(v); } },
    { name: "dispatch_table", get: (s) => {
      const t = pickler(s).dispatch_table;
      if (t === null) return PyErr_Format(PyExc_AttributeError, `'${Py_TYPE(s).tp_name}' object has no attribute 'dispatch_table'`);
      return t;
    }, set: (s, v) => { pickler(s).dispatch_table = v; } },
  ],
  getset: [
    { name: "memo", get: (s) => new MemoProxyObject(PicklerMemoProxyType, pickler(s), null), set: Pickler_set_memo },
  ],
}, Pickler_Type);

/** A T_INT member: an int in C int range; deletion refused. */
function intMember(v: PyVal | null): number {
  if (v === null) return PyErr_Format(PyExc_TypeError, "can't delete numeric/char attribute");
  const x = asCLong(v);
  if (x > 2147483647 || x < -2147483648) return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
  return x;
}
function memoProxy(v: PyVal): MemoProxyObject {
  return v as MemoProxyObject;
}

function picklerMemoCopy(self: MemoProxyObject): PyDictObject {
  const d = PyDict_New();
  for (const [obj, idx] of self.pickler!.memo) PyDict_SetItem(d, idOf(obj), PyTuple_New([idx, obj]));
  return d;
}

PyType_FromSpecStatic({
  name: "_pickle.PicklerMemoProxy",
  flags: Py_TPFLAGS_BASETYPE,
  slots: { tp_hash: PyObject_HashNotImplemented },
  methods: [
    { name: "clear", meth: (s: PyVal) => { memoProxy(s).pickler!.memo.clear(); return Py_None; }, flags: METH_NOARGS,
      doc: "clear($self, /)\n--\n\nRemove all items from memo." },
    { name: "copy", meth: (s: PyVal) => picklerMemoCopy(memoProxy(s)), flags: METH_NOARGS,
      doc: "copy($self, /)\n--\n\nCopy the memo to a new object." },
    { name: "__reduce__", meth: (s: PyVal) => PyTuple_New([PyDict_Type, PyTuple_New([picklerMemoCopy(memoProxy(s))])]),
      flags: METH_NOARGS, doc: "__reduce__($self, /)\n--\n\nImplement pickle support." },
  ],
}, PicklerMemoProxyType);

// ---- Unpickler ----

function unpickler(v: PyVal): UnpicklerObject {
  return v as UnpicklerObject;
}

/** Unpickler.persistent_load: the default refuses persistent ids. */
function Unpickler_persistent_load(_self: PyVal, _pid: PyVal): PyVal {
  return PyErr_Format(st().UnpicklingError,
    "A load persistent id instruction was encountered, but no persistent_load function was specified.");
}

function setUnpicklerOptions(self: UnpicklerObject, fname: string, fix_imports: PyVal | undefined, encoding: PyVal | undefined,
  errors: PyVal | undefined, buffers: PyVal | undefined): void {
  self.encoding = strArg(fname, "encoding", encoding, "ASCII");
  self.errors = strArg(fname, "errors", errors, "strict");
  self.buffers = buffers === undefined || buffers === Py_None ? null : PyObject_GetIter(buffers);
  self.fix_imports = boolArg(fix_imports, true);
}

function Unpickler_init(s: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const self = unpickler(s);
  const [file, fix_imports, encoding, errors, buffers] = parseArgs("Unpickler", args, kwnames,
    ["file", "*fix_imports", "*encoding", "*errors", "*buffers"], 1, 1);
  _Unpickler_SetInputStream(self, file!);
  self.fix_imports = boolArg(fix_imports, true);
  setUnpicklerOptions(self, "Unpickler", fix_imports, encoding, errors, buffers);
  self.memo = [];
  self.memo_len = 0;
  self.stack = [];
  self.proto = 0;
}

function Unpickler_load(s: PyVal): PyVal {
  const self = unpickler(s);
  if (self.read === null) {
    return PyErr_Format(st().UnpicklingError, `Unpickler.__init__() was not called by ${Py_TYPE(self).tp_name}.__init__()`);
  }
  const pl = _PyObject_LookupAttr(self, ID.persistent_load);
  self.pers_func = pl === undefined || isDefaultMethod(pl, Unpickler_persistent_load) ? null : pl;
  return load(self);
}

function Unpickler_set_memo(s: PyVal, v: PyVal | null): void {
  const self = unpickler(s);
  if (v === null) return PyErr_Format(PyExc_TypeError, "attribute deletion is not supported");
  let memo: (PyVal | undefined)[];
  if (v instanceof MemoProxyObject && Py_TYPE(v) === UnpicklerMemoProxyType) {
    // As Unpickler_set_memo: the entries are copied but memo_len is left as it was.
    memo = v.unpickler!.memo.slice();
  } else if (PyDict_Check(v)) {
    // A quirk of Unpickler_set_memo kept: the pairs are checked and stored into the *old* memo (counting in
    // memo_len), which is then replaced by an empty one.
    memo = [];
    for (let i = 0; i < v.me_key.length; i++) {
      const k = v.me_key[i];
      if (k === null) continue;
      if (!PyLong_Check(k)) return PyErr_Format(PyExc_TypeError, "memo key must be integers");
      const idx = asCLong(k);
      if (idx < 0) return PyErr_Format(PyExc_ValueError, "memo key must be positive integers.");
      if (self.memo[idx] === undefined) self.memo_len++;
      self.memo[idx] = v.me_value[i]!;
    }
  } else {
    return PyErr_Format(PyExc_TypeError,
      `'memo' attribute must be an UnpicklerMemoProxy object or dict, not ${Py_TYPE(v).tp_name.slice(0, 200)}`);
  }
  self.memo = memo;
}

PyType_FromSpecStatic({
  name: "_pickle.Unpickler",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict',\n          buffers=())\n--\n\n" +
    "This takes a binary file for reading a pickle data stream.\n\n" +
    "The protocol version of the pickle is detected automatically, so no\nprotocol argument is needed.  Bytes past the pickled object's\n" +
    "representation are ignored.\n\n" +
    "The argument *file* must have two methods, a read() method that takes\nan integer argument, and a readline() method that requires no\n" +
    "arguments.  Both methods should return bytes.  Thus *file* can be a\nbinary file object opened for reading, an io.BytesIO object, or any\n" +
    "other custom object that meets this interface.\n\n" +
    "Optional keyword arguments are *fix_imports*, *encoding* and *errors*,\nwhich are used to control compatibility support for pickle stream\n" +
    "generated by Python 2.  If *fix_imports* is True, pickle will try to\nmap the old Python 2 names to the new names used in Python 3.  The\n" +
    "*encoding* and *errors* tell pickle how to decode 8-bit string\ninstances pickled by Python 2; these default to 'ASCII' and 'strict',\n" +
    "respectively.  The *encoding* can be 'bytes' to read these 8-bit\nstring instances as bytes objects.",
  slots: {
    tp_new: (t) => new UnpicklerObject(t),
    tp_init: Unpickler_init,
  },
  methods: [
    { name: "load", meth: Unpickler_load, flags: METH_NOARGS,
      doc: "load($self, /)\n--\n\nLoad a pickle.\n\nRead a pickled object representation from the open file object given\n" +
        "in the constructor, and return the reconstituted object hierarchy\nspecified therein." },
    { name: "find_class", meth: (s: PyVal, a: PyVal[]) => {
      if (a.length !== 2) return PyErr_Format(PyExc_TypeError, `find_class expected 2 arguments, got ${a.length}`);
      return _pickle_Unpickler_find_class(unpickler(s), a[0], a[1]);
    }, flags: METH_FASTCALL,
      doc: "find_class($self, module_name, global_name, /)\n--\n\nReturn an object from a specified module.\n\n" +
        "If necessary, the module will be imported. Subclasses may override\nthis method (e.g. to restrict unpickling of arbitrary classes and\n" +
        "functions).\n\nThis method is called whenever a class or a function object is\nneeded.  Both arguments passed are str objects." },
    { name: "persistent_load", meth: Unpickler_persistent_load, flags: METH_O, doc: null },
    { name: "__sizeof__", meth: (s: PyVal) => 128 + unpickler(s).memo.length * 8, flags: METH_NOARGS,
      doc: "__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes." },
  ],
  getset: [
    { name: "memo", get: (s) => new MemoProxyObject(UnpicklerMemoProxyType, null, unpickler(s)), set: Unpickler_set_memo },
  ],
}, Unpickler_Type);

function unpicklerMemoCopy(self: MemoProxyObject): PyDictObject {
  const d = PyDict_New();
  const memo = self.unpickler!.memo;
  for (let i = 0; i < memo.length; i++) {
    const v = memo[i];
    if (v !== undefined) PyDict_SetItem(d, i, v);
  }
  return d;
}

PyType_FromSpecStatic({
  name: "_pickle.UnpicklerMemoProxy",
  flags: Py_TPFLAGS_BASETYPE,
  slots: { tp_hash: PyObject_HashNotImplemented },
  methods: [
    { name: "clear", meth: (s: PyVal) => {
      const u = memoProxy(s).unpickler!;
      u.memo = [];
      u.memo_len = 0;
      return Py_None;
    }, flags: METH_NOARGS, doc: "clear($self, /)\n--\n\nRemove all items from memo." },
    { name: "copy", meth: (s: PyVal) => unpicklerMemoCopy(memoProxy(s)), flags: METH_NOARGS,
      doc: "copy($self, /)\n--\n\nCopy the memo to a new object." },
    { name: "__reduce__", meth: (s: PyVal) => PyTuple_New([PyDict_Type, PyTuple_New([unpicklerMemoCopy(memoProxy(s))])]),
      flags: METH_NOARGS, doc: "__reduce__($self, /)\n--\n\nImplement pickling support." },
  ],
}, UnpicklerMemoProxyType);

// ---- module functions ----

function _pickle_dump(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [obj, file, protocol, fix_imports, buffer_callback] = parseArgs("dump", args, kwnames,
    ["obj", "file", "protocol", "*fix_imports", "*buffer_callback"], 2, 3);
  const p = new PicklerObject(Pickler_Type);
  _Pickler_SetProtocol(p, protocol, boolArg(fix_imports, true));
  _Pickler_SetOutputStream(p, file!);
  _Pickler_SetBufferCallback(p, buffer_callback);
  dump(p, obj!);
  _Pickler_FlushToFile(p);
  return Py_None;
}

function _pickle_dumps(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [obj, protocol, fix_imports, buffer_callback] = parseArgs("dumps", args, kwnames,
    ["obj", "protocol", "*fix_imports", "*buffer_callback"], 1, 2);
  const p = new PicklerObject(Pickler_Type);
  _Pickler_SetProtocol(p, protocol, boolArg(fix_imports, true));
  _Pickler_SetBufferCallback(p, buffer_callback);
  dump(p, obj!);
  return _Pickler_GetString(p);
}

function _pickle_load(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [file, fix_imports, encoding, errors, buffers] = parseArgs("load", args, kwnames,
    ["file", "*fix_imports", "*encoding", "*errors", "*buffers"], 1, 1);
  const u = new UnpicklerObject(Unpickler_Type);
  _Unpickler_SetInputStream(u, file!);
  setUnpicklerOptions(u, "load", fix_imports, encoding, errors, buffers);
  return load(u);
}

function _pickle_loads(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [data, fix_imports, encoding, errors, buffers] = parseArgs("loads", args, kwnames,
    ["", "*fix_imports", "*encoding", "*errors", "*buffers"], 1, 1);
  const u = new UnpicklerObject(Unpickler_Type);
  _Unpickler_SetStringInput(u, data!);
  setUnpicklerOptions(u, "loads", fix_imports, encoding, errors, buffers);
  return load(u);
}

export const picklemodule: PyModuleDef = {
  m_name: "_pickle",
  m_doc: "Optimized C implementation for the Python pickle module.",
  m_methods: [
    { name: "dump", meth: _pickle_dump, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "dump($module, /, obj, file, protocol=None, *, fix_imports=True,\n     buffer_callback=None)\n--\n\n" +
        "Write a pickled representation of obj to the open file object file." },
    { name: "dumps", meth: _pickle_dumps, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "dumps($module, /, obj, protocol=None, *, fix_imports=True,\n      buffer_callback=None)\n--\n\n" +
        "Return the pickled representation of the object as a bytes object." },
    { name: "load", meth: _pickle_load, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "load($module, /, file, *, fix_imports=True, encoding='ASCII',\n     errors='strict', buffers=())\n--\n\n" +
        "Read and return an object from the pickle data stored in a file." },
    { name: "loads", meth: _pickle_loads, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "loads($module, data, /, *, fix_imports=True, encoding='ASCII',\n      errors='strict', buffers=())\n--\n\n" +
        "Read and return an object from the given pickle data." },
  ],
  m_exec: (m) => {
    const s = _Pickle_InitState();
    _PyPickleBuffer_Init();
    PyModule_Add(m, "PickleBuffer", PyPickleBuffer_Type);
    PyModule_Add(m, "Pickler", Pickler_Type);
    PyModule_Add(m, "Unpickler", Unpickler_Type);
    PyModule_Add(m, "PickleError", s.PickleError);
    PyModule_Add(m, "PicklingError", s.PicklingError);
    PyModule_Add(m, "UnpicklingError", s.UnpicklingError);
  },
};

