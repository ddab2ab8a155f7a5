// types.SimpleNamespace (Objects/namespaceobject.c): attributes in an instance dict, keyword construction,
// "namespace(a=1, b=2)" repr (the class name for subclasses), equality by dict, __reduce__ and __replace__.
// sys.implementation is one. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_NotImplemented, Py_TYPE,
  Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_FASTCALL, METH_KEYWORDS, type PyVal, PyUnicodeObject,
} from "./object.js";
import { PyDictObject, PyDict_New, PyDict_SetItem, PyDict_Items, PyDict_Merge, PyDict_Copy, dict_update_arg } from "./dictobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "./unicodeobject.js";
import { PyTuple_New } from "./tupleobject.js";
import { PyObject_Repr, PyObject_RichCompare, PyType_IsSubtype } from "./abstract.js";
import { PyErr_Format, Py_ReprEnter, Py_ReprLeave } from "../runtime/errors.js";
import { PyExc_TypeError } from "./exceptions.js";

export const _PyNamespace_Type = PyType_Declare("types.SimpleNamespace");

export class PyNamespaceObject extends PyObject {
  dict: PyDictObject | null;
  constructor(type: PyTypeObject) {
    super(type);
    this.dict = PyDict_New();
  }
}

/** A SimpleNamespace holding the given attributes (_PyNamespace_New). */
export function _PyNamespace_New(attrs: Iterable<[string, PyVal]>): PyNamespaceObject {
  const ns = new PyNamespaceObject(_PyNamespace_Type);
  for (const [k, v] of attrs) PyDict_SetItem(ns.dict!, PyUnicode_FromString(k), v);
  return ns;
}

function namespace_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const ns = self as PyNamespaceObject;
  if (npos > 1) PyErr_Format(PyExc_TypeError, `SimpleNamespace expected at most 1 positional argument, got ${npos}`);
  if (npos === 1) {
    const tmp = PyDict_New();
    dict_update_arg(tmp, args[0]);
    for (const [k] of PyDict_Items(tmp)) {
      if (!PyUnicode_Check(k)) PyErr_Format(PyExc_TypeError, "keywords must be strings");
    }
    PyDict_Merge(ns.dict!, tmp, true);
  }
  for (let i = 0; i < nkw; i++) PyDict_SetItem(ns.dict!, kwnames![i], args[npos + i]);
}

function namespace_repr(self: PyVal): PyUnicodeObject {
  const ns = self as PyNamespaceObject;
  const name = Py_TYPE(ns) === _PyNamespace_Type ? "namespace" : Py_TYPE(ns).tp_qualname;
  if (!Py_ReprEnter(ns)) return PyUnicode_FromString(`${name}(...)`);
  try {
    const parts: string[] = [];
    for (const [k, v] of PyDict_Items(ns.dict!)) {
      if (PyUnicode_Check(k)) parts.push(`${k.value}=${PyObject_Repr(v).value}`);
    }
    return PyUnicode_FromString(`${name}(${parts.join(", ")})`);
  } finally {
    Py_ReprLeave(ns);
  }
}

function namespace_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  // namespace_richcompare compares the dicts for every operator (so '<' fails as between dicts).
  if (PyType_IsSubtype(Py_TYPE(a), _PyNamespace_Type) && PyType_IsSubtype(Py_TYPE(b), _PyNamespace_Type)) {
    return PyObject_RichCompare((a as PyNamespaceObject).dict!, (b as PyNamespaceObject).dict!, op);
  }
  return Py_NotImplemented;
}

PyType_FromSpecStatic({
  name: "types.SimpleNamespace",
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "SimpleNamespace(mapping_or_iterable=(), /, **kwargs)\n--\n\nA simple attribute-based namespace.",
  slots: {
    tp_new: (t) => new PyNamespaceObject(t),
    tp_init: namespace_init,
    tp_repr: namespace_repr,
    tp_richcompare: namespace_richcompare,
  },
  methods: [
    { name: "__reduce__", meth: (s: PyVal) => PyTuple_New([Py_TYPE(s), PyTuple_New([]), (s as PyNamespaceObject).dict!]), flags: METH_NOARGS },
    { name: "__replace__", meth: (s: PyVal, args: PyVal[], kwnames: PyVal[] | null) => {
      if (args.length > (kwnames?.length ?? 0)) return PyErr_Format(PyExc_TypeError, "__replace__() takes no positional arguments");
      const r = new PyNamespaceObject(Py_TYPE(s));
      r.dict = PyDict_Copy((s as PyNamespaceObject).dict!);
      const npos = args.length - (kwnames?.length ?? 0);
      for (let i = 0; i < (kwnames?.length ?? 0); i++) PyDict_SetItem(r.dict, kwnames![i], args[npos + i]);
      return r;
    }, flags: METH_FASTCALL | METH_KEYWORDS },
  ],
  getset: [
    { name: "__dict__", get: (s) => (s as PyNamespaceObject).dict! },
  ],
}, _PyNamespace_Type);
