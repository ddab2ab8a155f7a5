// PyCapsule (Objects/capsule.c): an opaque JS value wrapped as a Python object so that one native module can hand
// an interface to another through the import system (`_socket.CAPI`, `datetime.datetime_CAPI`). types.CapsuleType is
// its type. See docs/objects.md. DEVIATION: no destructor (the JS heap has no deterministic finalization).
import { PyObject, PyType_Declare, PyType_FromSpecStatic, Py_TPFLAGS_HAVE_GC, type PyVal, type PyUnicodeObject } from "./object.js";
import { PyUnicode_FromString } from "./unicodeobject.js";
import { PyExc_AttributeError, PyExc_ImportError, PyExc_ValueError } from "./exceptions.js";
import { PyObject_GetAttr } from "./abstract.js";
import { addressOf } from "./methodobject.js";
import { PyErr_Format } from "../runtime/errors.js";

export const PyCapsule_Type = PyType_Declare("PyCapsule");

// PyImport_ImportModule, installed by pylifecycle.ts: importing src/runtime/import.ts here would close a module
// cycle (import.ts -> config.ts -> every native module -> this file).
let importModule: (name: string) => PyVal = () => PyErr_Format(PyExc_ImportError, "import system not initialized");
export function _PyCapsule_InstallImport(f: (name: string) => PyVal): void {
  importModule = f;
}

export class PyCapsuleObject extends PyObject {
  /** The wrapped value (C's `void *pointer`); never null or undefined. */
  pointer: unknown;
  /** The capsule's name, conventionally "module.attribute" (C's `const char *name`; null is NULL). */
  name: string | null;
  context: unknown;
  constructor(pointer: unknown, name: string | null) {
    super(PyCapsule_Type);
    this.pointer = pointer;
    this.name = name;
    this.context = null;
  }
}

/** PyCapsule_New: a capsule holding `pointer` (any JS value but null/undefined) under `name`. */
export function PyCapsule_New(pointer: unknown, name: string | null): PyCapsuleObject {
  if (pointer === null || pointer === undefined) {
    return PyErr_Format(PyExc_ValueError, "PyCapsule_New called with null pointer");
  }
  return new PyCapsuleObject(pointer, name);
}

export function PyCapsule_CheckExact(o: PyVal): o is PyCapsuleObject {
  return o instanceof PyCapsuleObject;
}

/** PyCapsule_IsValid: a capsule with a pointer whose name equals `name` (null matches only null). */
export function PyCapsule_IsValid(o: PyVal, name: string | null): boolean {
  return PyCapsule_CheckExact(o) && o.pointer !== null && o.name === name;
}

/** is_legal_capsule: the capsule itself, else ValueError "<caller> called with invalid PyCapsule object". */
function legalCapsule(o: PyVal, caller: string): PyCapsuleObject {
  if (!PyCapsule_CheckExact(o) || o.pointer === null) {
    return PyErr_Format(PyExc_ValueError, `${caller} called with invalid PyCapsule object`);
  }
  return o;
}

/** PyCapsule_GetPointer: the wrapped value when `o` is a capsule named `name`, else ValueError. */
export function PyCapsule_GetPointer(o: PyVal, name: string | null): unknown {
  const c = legalCapsule(o, "PyCapsule_GetPointer");
  if (c.name !== name) return PyErr_Format(PyExc_ValueError, "PyCapsule_GetPointer called with incorrect name");
  return c.pointer;
}

export function PyCapsule_GetName(o: PyVal): string | null {
  return legalCapsule(o, "PyCapsule_GetName").name;
}

export function PyCapsule_GetContext(o: PyVal): unknown {
  return legalCapsule(o, "PyCapsule_GetContext").context;
}

export function PyCapsule_SetContext(o: PyVal, context: unknown): void {
  legalCapsule(o, "PyCapsule_SetContext").context = context;
}

/**
 * PyCapsule_Import("pkg.mod.attr"): imports the first dotted component as a module, follows the rest as attributes
 * and returns the pointer of the capsule found there, which must be named `name` itself.
 */
export function PyCapsule_Import(name: string): unknown {
  const parts = name.split(".");
  let object: PyVal;
  try {
    object = importModule(parts[0]);
  } catch {
    // PyErr_Format replaces the import's exception (it is not chained).
    return PyErr_Format(PyExc_ImportError, `PyCapsule_Import could not import module "${parts[0]}"`);
  }
  for (let i = 1; i < parts.length; i++) object = PyObject_GetAttr(object, PyUnicode_FromString(parts[i]));
  if (!PyCapsule_IsValid(object, name)) return PyErr_Format(PyExc_AttributeError, `PyCapsule_Import "${name}" is not valid`);
  return (object as PyCapsuleObject).pointer;
}

function capsule_repr(self: PyVal): PyUnicodeObject {
  const c = self as PyCapsuleObject;
  const shown = c.name === null ? "NULL" : `"${c.name}"`;
  return PyUnicode_FromString(`<capsule object ${shown} at ${addressOf(c)}>`);
}

// No tp_new and no Py_TPFLAGS_BASETYPE: "cannot create 'PyCapsule' instances", "type 'PyCapsule' is not an
// acceptable base type", and pickling refuses it ("cannot pickle 'PyCapsule' object").
PyType_FromSpecStatic({
  name: "PyCapsule",
  flags: Py_TPFLAGS_HAVE_GC,
  doc: "Capsule objects let you wrap a C \"void *\" pointer in a Python\nobject.  They're a way of passing data through "
    + "the Python interpreter\nwithout creating your own custom type.\n\nCapsules are used for communication between "
    + "extension modules.\nThey provide a way for an extension module to export a C interface\nto other extension "
    + "modules, so that extension modules can use the\nPython import mechanism to link to one another.\n",
  slots: { tp_repr: capsule_repr },
}, PyCapsule_Type);
