// The marshal module (Python/marshal.c): loads/dumps/load/dump over src/runtime/marshal.ts (reader) and
// src/runtime/marshal_write.ts (writer). See docs/imports.md.
import { Py_None, Py_TYPE, METH_FASTCALL, METH_KEYWORDS, type PyVal } from "../objects/object.js";
import { PyBytes_FromArray, PyBytesObject } from "../objects/bytesobject.js";
import { PyObject_CallMethod, PyObject_IsTrue, PyNumber_Index } from "../objects/abstract.js";
import { longValue } from "../objects/longobject.js";
import { PyExc_TypeError, PyExc_EOFError } from "../objects/exceptions.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs } from "../runtime/getargs.js";
import { marshal_loads_at } from "../runtime/marshal.js";
import { marshal_dumps } from "../runtime/marshal_write.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { PyObject_GetBufferData } from "../objects/memoryobject.js";

function bufferOf(v: PyVal, fname: string): Uint8Array {
  if (v instanceof PyBytesObject) return v.ob_bytes;
  const b = PyObject_GetBufferData(v);
  if (b !== null) return b;
  return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
  void fname;
}

function versionArg(v: PyVal | undefined): number {
  return v === undefined ? 4 : Number(longValue(PyNumber_Index(v)));
}

function marshal_dumps_impl(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [value, version, allowCode] = parseArgs("dumps", args, kwnames, ["", "", "*allow_code"], 1, 2);
  return PyBytes_FromArray(marshal_dumps(value!, versionArg(version), allowCode === undefined || PyObject_IsTrue(allowCode)));
}

function marshal_loads_impl(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [data] = parseArgs("loads", args, kwnames, ["", "*allow_code"], 1, 1);
  const b = bufferOf(data!, "loads");
  if (b.length === 0) return PyErr_Format(PyExc_EOFError, "EOF read where object expected");
  return marshal_loads_at(b, 0)[0];
}

function marshal_dump_impl(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [value, file, version, allowCode] = parseArgs("dump", args, kwnames, ["", "", "", "*allow_code"], 2, 3);
  const b = marshal_dumps(value!, versionArg(version), allowCode === undefined || PyObject_IsTrue(allowCode));
  PyObject_CallMethod(file!, "write", [PyBytes_FromArray(b)]);
  return Py_None;
}

function marshal_load_impl(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [file] = parseArgs("load", args, kwnames, ["", "*allow_code"], 1, 1);
  // CPython reads exactly the object's bytes; reading the rest and seeking back over the excess is equivalent
  // for seekable files, and for others the excess is lost (DEVIATION: documented in docs/imports.md).
  const data = bufferOf(PyObject_CallMethod(file!, "read", []), "load");
  if (data.length === 0) return PyErr_Format(PyExc_EOFError, "EOF read where object expected");
  const [v, end] = marshal_loads_at(data, 0);
  if (end < data.length) {
    try {
      PyObject_CallMethod(file!, "seek", [end - data.length, 1]);
    } catch {
      // unseekable: the excess is dropped
    }
  }
  return v;
}

export const marshalmodule: PyModuleDef = {
  m_name: "marshal",
  m_doc: "This module contains functions that can read and write Python values in\na binary format. The format is specific to Python, but independent of\nmachine architecture issues.",
  m_methods: [
    { name: "dumps", meth: marshal_dumps_impl, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "loads", meth: marshal_loads_impl, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "dump", meth: marshal_dump_impl, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "load", meth: marshal_load_impl, flags: METH_FASTCALL | METH_KEYWORDS },
  ],
  m_exec: (m) => PyModule_Add(m, "version", 4),
};
