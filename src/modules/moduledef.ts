// Native module definitions (Include/moduleobject.h PyModuleDef, Objects/moduleobject.c PyModule_FromDefAndSpec):
// one declaration table per module: name, doc, functions, and an exec function that adds types and constants.
// The table of every built-in module is src/modules/config.ts. See docs/imports.md.
import { PyUnicode_InternFromString, type PyMethodDef, type PyVal } from "../objects/object.js";
import { PyModuleObject, PyModule_New } from "../objects/moduleobject.js";
import { PyCFunction_New } from "../objects/methodobject.js";
import { PyDict_SetItem, PyDict_SetItemString } from "../objects/dictobject.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";

export interface PyModuleDef {
  readonly m_name: string;
  readonly m_doc?: string | null;
  readonly m_methods?: readonly PyMethodDef[];
  /** Py_mod_exec: fill the module (types, constants); runs once per module object. */
  readonly m_exec?: (m: PyModuleObject) => void;
}

/** Create a module object from its definition and run its exec slot. */
export function PyModule_FromDef(def: PyModuleDef): PyModuleObject {
  const m = PyModule_New(def.m_name);
  const d = m.dict!;
  if (def.m_doc !== undefined && def.m_doc !== null) PyDict_SetItemString(d, "__doc__", PyUnicode_FromString(def.m_doc));
  const modname = PyUnicode_InternFromString(def.m_name);
  for (const ml of def.m_methods ?? []) PyDict_SetItem(d, PyUnicode_InternFromString(ml.name), PyCFunction_New(ml, m, modname));
  if (def.m_exec !== undefined) def.m_exec(m);
  return m;
}

/** PyModule_AddObjectRef. */
export function PyModule_Add(m: PyModuleObject, name: string, v: PyVal): void {
  PyDict_SetItem(m.dict!, PyUnicode_InternFromString(name), v);
}
