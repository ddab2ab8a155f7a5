// Struct sequences (Objects/structseq.c): tuple subclasses with named fields, some visible only by name
// (os.stat_result's st_atime float, time.struct_time's tm_zone), as sys.version_info and os.stat return.
// Types are made at run time with PyStructSequence_NewType; see docs/objects.md.
import {
  PyTypeObject, Py_None, PyType_Type, Py_TPFLAGS_TUPLE_SUBCLASS, type PyVal, type PyMemberDef, type PyMethodDef,
  METH_NOARGS, METH_FASTCALL, METH_KEYWORDS, PyUnicodeObject, Py_TPFLAGS_DISALLOW_INSTANTIATION,
} from "./object.js";
import { PyTupleObject, PyTuple_Type, PyTuple_New } from "./tupleobject.js";
import { PyType_Ready } from "./typeobject.js";
import { PyObject_Repr, PySequence_List } from "./abstract.js";
import { PyUnicode_FromString } from "./unicodeobject.js";
import { PyDict_New, PyDict_SetItemString, PyDictObject, PyDict_GetItemStr } from "./dictobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError } from "./exceptions.js";
import { parseArgs } from "../runtime/getargs.js";

/** A struct sequence instance: the visible tuple items plus the fields reachable only by name. */
export class PyStructSequence extends PyTupleObject {
  readonly extra: PyVal[];
  constructor(type: PyTypeObject, visible: PyVal[], extra: PyVal[]) {
    super(type, visible);
    this.extra = extra;
  }
}

/** The name of a field that is a tuple item but has no attribute (PyStructSequence_UnnamedField). */
export const PyStructSequence_UnnamedField = "unnamed field";

export interface PyStructSequence_Desc {
  /** "module.name", e.g. "os.stat_result". */
  readonly name: string;
  readonly doc?: string;
  /** Every field in order; the first n_in_sequence are tuple items. */
  readonly fields: readonly string[];
  readonly n_in_sequence: number;
}

interface StructInfo {
  fields: readonly string[];
  nVisible: number;
}
const infos = new WeakMap<PyTypeObject, StructInfo>();

function info(t: PyTypeObject): StructInfo {
  let x: PyTypeObject | null = t;
  while (x !== null) {
    const i = infos.get(x);
    if (i !== undefined) return i;
    x = x.tp_base;
  }
  return PyErr_Format(PyExc_TypeError, "not a struct sequence type");
}

/** Make an instance from all field values (missing trailing ones are None). */
export function PyStructSequence_New(type: PyTypeObject, values: readonly PyVal[]): PyStructSequence {
  const { fields, nVisible } = info(type);
  const all = values.slice();
  while (all.length < fields.length) all.push(Py_None);
  return new PyStructSequence(type, all.slice(0, nVisible), all.slice(nVisible));
}

function structseq_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [seq, dict] = parseArgs("structseq", args, kwnames, ["sequence", "dict"], 1, 2);
  const { fields, nVisible } = info(type);
  const items = PySequence_List(seq!, "constructor requires a sequence");
  const n = items.length;
  const name = type.tp_name;
  if (n < nVisible) {
    const what = nVisible === fields.length ? "" : "at least ";
    return PyErr_Format(PyExc_TypeError, `${name}() takes ${what}a ${nVisible}-sequence (${n}-sequence given)`);
  }
  if (n > fields.length) {
    const what = nVisible === fields.length ? "" : "at most ";
    return PyErr_Format(PyExc_TypeError, `${name}() takes ${what}a ${fields.length}-sequence (${n}-sequence given)`);
  }
  const all = items.slice();
  for (let i = n; i < fields.length; i++) {
    let v: PyVal | undefined;
    if (dict !== undefined && dict instanceof PyDictObject) v = PyDict_GetItemStr(dict, PyUnicode_FromString(fields[i]));
    all.push(v ?? Py_None);
  }
  return new PyStructSequence(type, all.slice(0, nVisible), all.slice(nVisible));
}

function structseq_repr(self: PyVal): PyUnicodeObject {
  const s = self as PyStructSequence;
  const { fields } = info(s.ob_type);
  // As CPython: the i-th visible item is shown with the i-th *named* field's name (stat_result's st_atime shows the
  // int of its unnamed visible field).
  const named = fields.filter((f) => f !== PyStructSequence_UnnamedField);
  const parts = s.ob_item.map((v, i) => `${named[i]}=${PyObject_Repr(v).value}`);
  return PyUnicode_FromString(`${s.ob_type.tp_name}(${parts.join(", ")})`);
}

function structseq_reduce(self: PyVal): PyVal {
  const s = self as PyStructSequence;
  const { fields, nVisible } = info(s.ob_type);
  const d = PyDict_New();
  for (let i = nVisible; i < fields.length; i++) PyDict_SetItemString(d, fields[i], s.extra[i - nVisible]);
  return PyTuple_New([s.ob_type, PyTuple_New([PyTuple_New(s.ob_item.slice()), d])]);
}

function structseq_replace(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const s = self as PyStructSequence;
  const { fields, nVisible } = info(s.ob_type);
  if (args.length > (kwnames?.length ?? 0)) return PyErr_Format(PyExc_TypeError, "__replace__() takes no positional arguments");
  const all = [...s.ob_item, ...s.extra];
  const npos = args.length - (kwnames?.length ?? 0);
  const unknown: string[] = [];
  for (let k = 0; k < (kwnames?.length ?? 0); k++) {
    const key = (kwnames![k] as PyUnicodeObject).value;
    const i = fields.indexOf(key);
    if (i < 0) unknown.push(key);
    else all[i] = args[npos + k];
  }
  // structseq_replace pops the fields from the keywords, then names whatever is left.
  if (unknown.length > 0) {
    return PyErr_Format(PyExc_TypeError, `Got unexpected field name(s): [${unknown.map((k) => PyObject_Repr(PyUnicode_FromString(k)).value).join(", ")}]`);
  }
  return new PyStructSequence(s.ob_type, all.slice(0, nVisible), all.slice(nVisible));
}

/** Create a struct sequence type (PyStructSequence_NewType); it is readied at once. */
export function PyStructSequence_NewType(desc: PyStructSequence_Desc): PyTypeObject {
  const dot = desc.name.lastIndexOf(".");
  const t = new PyTypeObject(PyType_Type, desc.name);
  t.tp_qualname = dot >= 0 ? desc.name.slice(dot + 1) : desc.name;
  t.tp_flags = Py_TPFLAGS_TUPLE_SUBCLASS;
  t.tp_doc = desc.doc ?? null;
  t.tp_base = PyTuple_Type;
  t.tp_new = structseq_new;
  t.tp_repr = structseq_repr;
  const nVisible = desc.n_in_sequence;
  const members: PyMemberDef[] = [];
  desc.fields.forEach((name, i) => {
    if (name === PyStructSequence_UnnamedField) return;
    members.push({
      name,
      get: (s: PyVal) => (i < nVisible ? (s as PyStructSequence).ob_item[i] : (s as PyStructSequence).extra[i - nVisible]),
    });
  });
  const methods: PyMethodDef[] = [
    { name: "__reduce__", meth: structseq_reduce, flags: METH_NOARGS },
    { name: "__replace__", meth: structseq_replace, flags: METH_FASTCALL | METH_KEYWORDS },
  ];
  t.tp_members = members;
  t.tp_methods = methods;
  infos.set(t, { fields: desc.fields, nVisible });
  PyType_Ready(t);
  const d = t.tp_dict as PyDictObject;
  const unnamed = desc.fields.filter((f) => f === PyStructSequence_UnnamedField).length;
  PyDict_SetItemString(d, "n_sequence_fields", nVisible);
  PyDict_SetItemString(d, "n_fields", desc.fields.length);
  PyDict_SetItemString(d, "n_unnamed_fields", unnamed);
  PyDict_SetItemString(d, "__match_args__", PyTuple_New(desc.fields.slice(0, nVisible).filter((f) => f !== PyStructSequence_UnnamedField).map((f) => PyUnicode_FromString(f))));
  if (dot >= 0) PyDict_SetItemString(d, "__module__", PyUnicode_FromString(desc.name.slice(0, dot)));
  return t;
}

const sysTypes = new Map<string, PyTypeObject>();

/** The records of sys (version_info, flags, float_info, ...): one struct sequence type per name, made on first use;
 *  like CPython, sys.version_info and sys.flags cannot be instantiated from Python. Installed as sysmodule's hook. */
export function _PyStructSequence_ForSys(name: string, fields: readonly string[], values: readonly PyVal[]): PyVal {
  let t = sysTypes.get(name);
  if (t === undefined) {
    t = PyStructSequence_NewType({ name, fields, n_in_sequence: fields.length });
    if (name === "sys.version_info" || name === "sys.flags") t.tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
    sysTypes.set(name, t);
  }
  return PyStructSequence_New(t, values);
}
