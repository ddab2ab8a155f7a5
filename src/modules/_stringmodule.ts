// The _string module behind string.Formatter: formatter_parser and formatter_field_name_split over the same
// parsers as str.format. Counterpart: the _string module of Objects/unicodeobject.c and the formatteriterator /
// fieldnameiterator types of Objects/stringlib/unicode_format.h.
import { PyObject, PyTypeObject, PyType_FromSpecStatic, PyType_Declare, Py_None, Py_TYPE, METH_O, type PyVal } from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyExc_TypeError } from "../objects/exceptions.js";
import { PyErr_Format } from "../runtime/errors.js";
import { markupNext, fieldNameSplit, fieldNameNext } from "../objects/unicode_format.js";
import type { PyModuleDef } from "./moduledef.js";

export class FormatterIterObject extends PyObject {
  str: string;
  pos: number;
  constructor(type: PyTypeObject, str: string) {
    super(type);
    this.str = str;
    this.pos = 0;
  }
}

export class FieldNameIterObject extends PyObject {
  rest: string;
  pos: number;
  constructor(type: PyTypeObject, rest: string) {
    super(type);
    this.rest = rest;
    this.pos = 0;
  }
}

export const PyFormatterIter_Type = PyType_Declare("formatteriterator");
export const PyFieldNameIter_Type = PyType_Declare("fieldnameiterator");

/** (literal, field_name, format_spec, conversion); the last three are None when no field follows. */
function formatteriter_next(self: PyVal): PyVal | undefined {
  const it = self as FormatterIterObject;
  const r = markupNext(it.str, it.pos);
  if (r === null) return undefined;
  const [p, next] = r;
  it.pos = next;
  const str = (v: string): PyVal => PyUnicode_FromString(v);
  return PyTuple_New([
    str(p.literal),
    p.fieldPresent ? str(p.fieldName) : Py_None,
    p.fieldPresent ? str(p.formatSpec) : Py_None,
    p.conversion === "" ? Py_None : str(p.conversion),
  ]);
}

/** (is_attribute, int index or str name) per '.name' or '[key]'. */
function fieldnameiter_next(self: PyVal): PyVal | undefined {
  const it = self as FieldNameIterObject;
  const r = fieldNameNext(it.rest, it.pos);
  if (r === null) return undefined;
  it.pos = r[3];
  return PyTuple_New([PyBool_FromLong(r[0]), r[1] !== -1 ? r[1] : PyUnicode_FromString(r[2])]);
}

PyType_FromSpecStatic({ name: "formatteriterator", slots: { tp_iter: (s) => s, tp_iternext: formatteriter_next } },
  PyFormatterIter_Type);
PyType_FromSpecStatic({ name: "fieldnameiterator", slots: { tp_iter: (s) => s, tp_iternext: fieldnameiter_next } },
  PyFieldNameIter_Type);

function formatter_parser(_m: PyVal, s: PyVal): PyVal {
  if (!PyUnicode_Check(s)) return PyErr_Format(PyExc_TypeError, `expected str, got ${Py_TYPE(s).tp_name}`);
  return new FormatterIterObject(PyFormatterIter_Type, s.value);
}

function formatter_field_name_split(_m: PyVal, s: PyVal): PyVal {
  if (!PyUnicode_Check(s)) return PyErr_Format(PyExc_TypeError, `expected str, got ${Py_TYPE(s).tp_name}`);
  const [first, idx, rest] = fieldNameSplit(s.value);
  return PyTuple_New([idx !== -1 ? idx : PyUnicode_FromString(first), new FieldNameIterObject(PyFieldNameIter_Type, rest)]);
}

export const stringmodule: PyModuleDef = {
  m_name: "_string",
  m_doc: "string helper module",
  m_methods: [
    { name: "formatter_field_name_split", meth: formatter_field_name_split, flags: METH_O, doc: "split the argument as a field name" },
    { name: "formatter_parser", meth: formatter_parser, flags: METH_O, doc: "parse the argument as a format string" },
  ],
};
