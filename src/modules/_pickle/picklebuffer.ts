// pickle.PickleBuffer (Objects/picklebufobject.c): a wrapper around a buffer-providing object that protocol 5
// pickles in band (BYTEARRAY8 or bytes) or out of band (buffer_callback); raw(), release(), and the buffer protocol
// (memoryview(pb) sees the original buffer). docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, METH_NOARGS,
  type PyVal,
} from "../../objects/object.js";
import {
  PyMemoryViewObject, PyMemoryView_FromObject, PyMemoryView_FromMemory, PyBuffer_RegisterExporter, memoryBytes,
} from "../../objects/memoryobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_BufferError, PyBaseExceptionObject } from "../../objects/exceptions.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { parseArgs } from "../../runtime/getargs.js";

export const PyPickleBuffer_Type = PyType_Declare("pickle.PickleBuffer");

export class PickleBufferObject extends PyObject {
  view: PyMemoryViewObject | null;
  constructor(type: PyTypeObject, view: PyMemoryViewObject) {
    super(type);
    this.view = view;
  }
}

/** What the pickler needs of a PickleBuffer's view: its bytes (C order), read-only flag, contiguity. */
export interface PickleBufferView {
  readonly data: Uint8Array;
  readonly readonly: boolean;
  readonly contiguous: boolean;
}

function isContiguous(m: PyMemoryViewObject): boolean {
  const contig = (order: number[]): boolean => {
    let sd = m.itemsize;
    for (const i of order) {
      if (m.shape[i] > 1 && m.strides[i] !== sd) return false;
      sd *= m.shape[i];
    }
    return true;
  };
  const idx = [...Array(m.ndim).keys()];
  return contig(idx.slice().reverse()) || contig(idx);
}

function checkView(pb: PickleBufferObject): PyMemoryViewObject {
  if (pb.view === null) return PyErr_Format(PyExc_ValueError, "operation forbidden on released PickleBuffer object");
  return pb.view;
}

/** PyPickleBuffer_GetBuffer. */
export function picklebuffer_view(pb: PickleBufferObject): PickleBufferView {
  const v = checkView(pb);
  const contiguous = isContiguous(v);
  return { data: contiguous ? memoryBytes(v) : new Uint8Array(0), readonly: v.readonly, contiguous };
}

function picklebuf_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [obj] = parseArgs("PickleBuffer", args, kwnames, [""], 1, 1);
  let view: PyMemoryViewObject;
  try {
    view = PyMemoryView_FromObject(obj!);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject && Py_TYPE(e) === PyExc_TypeError) {
      return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(obj!).tp_name}'`);
    }
    throw e;
  }
  return new PickleBufferObject(type, view);
}

PyType_FromSpecStatic({
  name: "pickle.PickleBuffer",
  doc: "Wrapper for potentially out-of-band buffers",
  slots: { tp_new: picklebuf_new },
  methods: [
    { name: "raw", meth: (s: PyVal) => {
      const v = checkView(s as PickleBufferObject);
      if (!isContiguous(v)) return PyErr_Format(PyExc_BufferError, "cannot extract raw buffer from non-contiguous buffer");
      return PyMemoryView_FromMemory(s, memoryBytes(v), v.readonly);
    }, flags: METH_NOARGS, doc: "raw($self, /)\n--\n\nReturn a memoryview of the raw memory underlying this buffer.\nWill raise BufferError is the buffer isn't contiguous." },
    { name: "release", meth: (s: PyVal) => {
      (s as PickleBufferObject).view = null;
      return Py_None;
    }, flags: METH_NOARGS, doc: "release($self, /)\n--\n\nRelease the underlying buffer exposed by the PickleBuffer object." },
  ],
}, PyPickleBuffer_Type);

/** The buffer protocol of PickleBuffer: the wrapped object's bytes, format and read-only flag. */
export function _PyPickleBuffer_Init(): void {
  PyBuffer_RegisterExporter(PyPickleBuffer_Type, (v) => {
    const m = checkView(v as PickleBufferObject);
    return { data: memoryBytes(m), format: m.format, itemsize: m.itemsize, readonly: m.readonly };
  });
}
