// The _symtable module: symtable(source, filename, mode) returns the top "symtable entry" of Typhon's symbol table
// (src/compiler/symtable.ts) built on the unoptimized AST, with the flag constants Lib/symtable.py reads.
// Counterparts: Modules/symtablemodule.c and the entry type of Python/symtable.c (ste_memberlist, ste_repr).
import {
  PyObject, PyType_Declare, PyType_FromSpecStatic, Py_TYPE, METH_FASTCALL, METH_KEYWORDS, PyUnicode_InternFromString,
  type PyVal,
} from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyDict_New, PyDict_SetItem, type PyDictObject } from "../objects/dictobject.js";
import { PyList_New, type PyListObject } from "../objects/listobject.js";
import { PyBytesObject } from "../objects/bytesobject.js";
import { PyObject_Str } from "../objects/abstract.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_ValueError } from "../objects/exceptions.js";
import { parseArgs } from "../runtime/getargs.js";
import { syntaxErrorHook } from "../runtime/pylifecycle.js";
import { parse } from "../parser/parser.js";
import { _PyFuture_FromAST } from "../compiler/future.js";
import {
  _PySymtable_Build, type PySTEntryObject, USE, DEF_GLOBAL, DEF_NONLOCAL, DEF_LOCAL, DEF_PARAM, DEF_FREE,
  DEF_FREE_CLASS, DEF_IMPORT, DEF_BOUND, DEF_ANNOT, FunctionBlock, ClassBlock, ModuleBlock, AnnotationBlock,
  TypeAliasBlock, TypeParametersBlock, TypeVariableBlock, LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL,
  SCOPE_OFFSET,
} from "../compiler/symtable.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

export const PySTEntry_Type = PyType_Declare("symtable entry");

let nextId = 0x5600_0000_0000;

/** A scope as Python sees it: the members of CPython's PySTEntryObject (ste_memberlist). */
class PySTEntryPyObject extends PyObject {
  readonly id: number;
  readonly name: PyVal;
  readonly symbols: PyDictObject;
  readonly varnames: PyListObject;
  readonly children: PyListObject;
  readonly steType: number;
  readonly lineno: number;
  readonly nested: number;
  constructor(ste: PySTEntryObject) {
    super(PySTEntry_Type);
    this.id = nextId;
    nextId += 0x330;
    this.name = PyUnicode_InternFromString(ste.ste_name);
    this.symbols = PyDict_New();
    for (const [name, flags] of ste.ste_symbols) PyDict_SetItem(this.symbols, PyUnicode_InternFromString(name), flags);
    this.varnames = PyList_New(ste.ste_varnames.map((n) => PyUnicode_InternFromString(n)));
    this.children = PyList_New(ste.ste_children.map((c) => new PySTEntryPyObject(c)));
    this.steType = ste.ste_type;
    this.lineno = ste.ste_lineno;
    this.nested = ste.ste_nested ? 1 : 0;
  }
}

PyType_FromSpecStatic({
  name: "symtable entry",
  doc: null,
  slots: {
    tp_repr: (s: PyVal) => {
      const e = s as PySTEntryPyObject;
      return PyUnicode_FromString(`<symtable entry ${(e.name as { value: string } & PyVal).value}(${e.id}), line ${e.lineno}>`);
    },
  },
  members: [
    { name: "id", get: (s) => (s as PySTEntryPyObject).id },
    { name: "name", get: (s) => (s as PySTEntryPyObject).name },
    { name: "symbols", get: (s) => (s as PySTEntryPyObject).symbols },
    { name: "varnames", get: (s) => (s as PySTEntryPyObject).varnames },
    { name: "children", get: (s) => (s as PySTEntryPyObject).children },
    { name: "nested", get: (s) => (s as PySTEntryPyObject).nested },
    { name: "type", get: (s) => (s as PySTEntryPyObject).steType },
    { name: "lineno", get: (s) => (s as PySTEntryPyObject).lineno },
  ],
}, PySTEntry_Type);

/** _symtable.symtable (_symtable_symtable_impl over _Py_SymtableStringObjectFlags). */
function _symtable_symtable(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [source, filename, startstr] = parseArgs("symtable", args, kwnames, ["", "", ""], 3, 3);
  let src: string | Uint8Array;
  if (PyUnicode_Check(source!)) src = source.value;
  else if (source instanceof PyBytesObject) src = source.ob_bytes;
  else return PyErr_Format(PyExc_TypeError, `symtable() arg 1 must be a string or bytes object, not ${Py_TYPE(source!).tp_name}`);
  const fn = PyUnicode_Check(filename!) ? filename.value : PyObject_Str(filename!).value;
  if (!PyUnicode_Check(startstr!)) return PyErr_Format(PyExc_TypeError, `symtable() argument 3 must be str, not ${Py_TYPE(startstr!).tp_name}`);
  const mode = startstr.value;
  if (mode !== "exec" && mode !== "eval" && mode !== "single") {
    return PyErr_Format(PyExc_ValueError, "symtable() arg 3 must be 'exec' or 'eval' or 'single'");
  }
  let top: PySTEntryObject;
  try {
    const m = parse(src, fn, mode);
    const cs = { filename: fn, text: typeof src === "string" ? src : null };
    top = _PySymtable_Build(m, cs, _PyFuture_FromAST(m, cs)).st_top!;
  } catch (e) {
    throw syntaxErrorHook(e);
  }
  return new PySTEntryPyObject(top);
}

export const symtablemodule: PyModuleDef = {
  m_name: "_symtable",
  m_methods: [{ name: "symtable", meth: _symtable_symtable, flags: METH_FASTCALL | METH_KEYWORDS, doc: "Return symbol and scope dictionaries used internally by compiler." }],
  m_exec: (m) => {
    const consts: [string, number][] = [
      ["USE", USE], ["DEF_GLOBAL", DEF_GLOBAL], ["DEF_NONLOCAL", DEF_NONLOCAL], ["DEF_LOCAL", DEF_LOCAL],
      ["DEF_PARAM", DEF_PARAM], ["DEF_FREE", DEF_FREE], ["DEF_FREE_CLASS", DEF_FREE_CLASS], ["DEF_IMPORT", DEF_IMPORT],
      ["DEF_BOUND", DEF_BOUND], ["DEF_ANNOT", DEF_ANNOT], ["TYPE_FUNCTION", FunctionBlock], ["TYPE_CLASS", ClassBlock],
      ["TYPE_MODULE", ModuleBlock], ["TYPE_ANNOTATION", AnnotationBlock], ["TYPE_TYPE_ALIAS", TypeAliasBlock],
      ["TYPE_TYPE_PARAMETERS", TypeParametersBlock], ["TYPE_TYPE_VARIABLE", TypeVariableBlock], ["LOCAL", LOCAL],
      ["GLOBAL_EXPLICIT", GLOBAL_EXPLICIT], ["GLOBAL_IMPLICIT", GLOBAL_IMPLICIT], ["FREE", FREE], ["CELL", CELL],
      ["SCOPE_OFF", SCOPE_OFFSET], ["SCOPE_MASK", 15],
    ];
    for (const [name, v] of consts) PyModule_Add(m, name, v);
  },
};
