// The `_ast` module: the AST node classes and the conversions between Typhon's AST (src/ast/nodes.ts) and Python
// objects. Counterpart: Python/Python-ast.c (init_types, ast_type_init, ast_type_reduce, ast2obj_*, obj2ast_*,
// PyAST_mod2obj, PyAST_obj2mod, PyAST_Check). The class table is ./asdl.ts (generated). See docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, PyType_Type, Py_None, Py_Ellipsis, Py_TYPE,
  Py_TPFLAGS_BASETYPE, METH_NOARGS, PyUnicode_InternFromString, PyUnicodeObject, type PyVal,
} from "../../objects/object.js";
import { PyDictObject, PyDict_New, PyDict_SetItem, PyDict_GetItem, PyDict_SetItemString } from "../../objects/dictobject.js";
import { PyUnicode_FromString, PyUnicode_Check, PyUnicode_CheckExact } from "../../objects/unicodeobject.js";
import { PyTuple_New, PyTuple_CheckExact, PyTupleObject } from "../../objects/tupleobject.js";
import { PyList_New, PyList_Check, PyListObject, PyList_Type } from "../../objects/listobject.js";
import {
  PyObject_Vectorcall, PyObject_IsInstance, PyObject_Repr, PyObject_SetAttr, _PyObject_LookupAttr, PyObject_GetAttr,
  PySequence_Contains, PySequence_Tuple, PyNumber_Or,
} from "../../objects/abstract.js";
import { PyErr_Format } from "../../runtime/errors.js";
import {
  PyExc_TypeError, PyExc_ValueError, PyExc_DeprecationWarning, PyExc_RuntimeError, PyExc_OverflowError, PyExc_RecursionError,
} from "../../objects/exceptions.js";
import { PyLong_Check, PyLong_FromBigInt, longValue } from "../../objects/longobject.js";
import { Py_True, Py_False } from "../../objects/boolobject.js";
import { PyFloat_FromDouble, PyFloat_Type, PyFloatObject } from "../../objects/floatobject.js";
import { PyBytes_FromArray, PyBytesObject, PyBytes_Type } from "../../objects/bytesobject.js";
import { PyComplex_FromDoubles, PyComplexObject, PyComplex_Type } from "../../objects/complexobject.js";
import { PyFrozenSet_New, PySetObject, PyFrozenSet_Type, setItems, PySet_New, PySet_Discard, PySet_Size } from "../../objects/setobject.js";
import { Py_GenericAlias } from "../../objects/genericaliasobject.js";
import { PyErr_WarnEx } from "../_warnings.js";
import { getSys } from "../../runtime/sysmodule.js";
import { PyDict_GetItemString } from "../../objects/dictobject.js";
import { PyType_Modified } from "../../objects/typeobject.js";
import { ASDL_CLASSES, type AsdlClass, type AsdlField } from "./asdl.js";
import { NODE_INFO, type AST, type ASTKind, type mod } from "../../ast/nodes.js";
import * as A from "../../ast/nodes.js";
import { PyBytes, PyComplex, PyEllipsis, SurrogateStr, type ConstantValue } from "../../ast/constant.js";
import { ConstTuple, ConstFrozenset, type ConstValue } from "../../compiler/consts.js";
import type { PyModuleDef } from "../moduledef.js";
import type { PyModuleObject } from "../../objects/moduleobject.js";
import { _PyGC_AddRoot } from "../../runtime/gc.js";

export const PyCF_ONLY_AST = 0x0400;
export const PyCF_TYPE_COMMENTS = 0x1000;
export const PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;
export const PyCF_OPTIMIZED_AST = 0x8000 | PyCF_ONLY_AST;

/** Instances of ast.AST and of every node class: attributes live in the instance dict. */
export class PyASTObject extends PyObject {
  dict: PyDictObject | null;
  constructor(type: PyTypeObject) {
    super(type);
    this.dict = PyDict_New();
  }
}

export const PyAST_Type = PyType_Declare("ast.AST");

const SIMPLE_SUMS: ReadonlySet<string> = new Set(["expr_context", "boolop", "operator", "unaryop", "cmpop"]);
const LOCATION_ATTRS = ["lineno", "col_offset", "end_lineno", "end_col_offset"] as const;

/** Per concrete class: what ast2obj and obj2ast need. */
interface KindInfo {
  readonly name: string;
  readonly cls: PyTypeObject;
  readonly asdl: AsdlClass;
  /** Interned field names, `_fields` order. */
  readonly fieldNames: readonly PyUnicodeObject[];
  /** The TS property of each field (Constant.kind is kind_). */
  readonly props: readonly string[];
  readonly fields: readonly AsdlField[];
  /** The location attributes this kind carries (from its sum or its own declaration). */
  readonly attributes: readonly AsdlField[];
  /** The simple sums' instances (Load, Add, ...): ast2obj returns one object per class, as CPython's singletons. */
  singleton: PyASTObject | null;
}

interface AstState {
  readonly classes: Map<string, PyTypeObject>;
  readonly kinds: Map<string, KindInfo>;
  /** Sum name -> its constructors in ASDL order. */
  readonly sums: Map<string, KindInfo[]>;
  /** Attributes declared by each sum. */
  readonly sumAttributes: Map<string, readonly AsdlField[]>;
}

let astState: AstState | null = null;
_PyGC_AddRoot("_ast", () => astState);

const k = (s: string): PyUnicodeObject => PyUnicode_InternFromString(s);

function tupleOfNames(names: readonly string[]): PyTupleObject {
  return PyTuple_New(names.map(k));
}

/** init_types: the node classes, made by calling type(name, (base,), dict) as make_type does. */
function get_ast_state(): AstState {
  if (astState !== null) return astState;
  const d = PyAST_Type.tp_dict as PyDictObject;
  PyDict_SetItem(d, k("_fields"), PyTuple_New([]));
  PyDict_SetItem(d, k("__match_args__"), PyTuple_New([]));
  PyDict_SetItem(d, k("_attributes"), PyTuple_New([]));
  PyDict_SetItem(d, k("__module__"), k("ast"));
  PyType_Modified(PyAST_Type);
  const classes = new Map<string, PyTypeObject>([["AST", PyAST_Type]]);
  const declaredAttrs = new Map<string, readonly AsdlField[]>();
  for (const c of ASDL_CLASSES) {
    const dict = PyDict_New();
    const names = c.fields.map((f) => f[0]);
    PyDict_SetItem(dict, k("_fields"), tupleOfNames(names));
    PyDict_SetItem(dict, k("__match_args__"), tupleOfNames(names));
    PyDict_SetItem(dict, k("__module__"), k("ast"));
    PyDict_SetItem(dict, k("__doc__"), PyUnicode_FromString(c.doc));
    if (c.attributes !== null) {
      PyDict_SetItem(dict, k("_attributes"), tupleOfNames(c.attributes.map((a) => a[0])));
      declaredAttrs.set(c.name, c.attributes);
      for (const a of c.attributes) if (a[2] === "?") PyDict_SetItem(dict, k(a[0]), Py_None);
    }
    for (const f of c.fields) if (f[2] === "?") PyDict_SetItem(dict, k(f[0]), Py_None);
    const base = classes.get(c.base)!;
    const cls = PyObject_Vectorcall(PyType_Type, [PyUnicode_FromString(c.name), PyTuple_New([base]), dict], null) as PyTypeObject;
    classes.set(c.name, cls);
  }
  const kinds = new Map<string, KindInfo>();
  const sums = new Map<string, KindInfo[]>();
  for (const c of ASDL_CLASSES) {
    if (c.abstract) { sums.set(c.name, []); continue; }
    const info = NODE_INFO[c.name as ASTKind];
    const ki: KindInfo = {
      name: c.name, cls: classes.get(c.name)!, asdl: c, fieldNames: c.fields.map((f) => k(f[0])), props: info.props,
      fields: c.fields, attributes: declaredAttrs.get(c.name) ?? declaredAttrs.get(c.base) ?? [], singleton: null,
    };
    kinds.set(c.name, ki);
    if (c.base !== "AST") sums.get(c.base)!.push(ki);
    if (SIMPLE_SUMS.has(c.base)) ki.singleton = new PyASTObject(ki.cls);
  }
  // add_ast_annotations: _field_types (and __annotations__) from the ASDL types.
  const fieldType = (f: AsdlField): PyVal => {
    let t: PyVal;
    switch (f[1]) {
      case "identifier": case "string": t = Py_TYPE(PyUnicode_FromString("")); break;
      case "int": t = Py_TYPE(0); break;
      case "constant": t = PyAST_Type.tp_base!; break;
      default: t = classes.get(f[1])!;
    }
    if (f[2] === "*") return Py_GenericAlias(PyList_Type, t);
    if (f[2] === "?") return PyNumber_Or(t, Py_None);
    return t;
  };
  for (const c of ASDL_CLASSES) {
    if (c.abstract) continue;
    const ann = PyDict_New();
    for (const f of c.fields) PyDict_SetItem(ann, k(f[0]), fieldType(f));
    const cls = classes.get(c.name)!;
    PyObject_SetAttr(cls, k("_field_types"), ann);
    PyObject_SetAttr(cls, k("__annotations__"), ann);
  }
  astState = { classes, kinds, sums, sumAttributes: declaredAttrs };
  return astState;
}

// ---- AST.__init__ and AST.__reduce__ ----

/** PyErr_WarnFormat(PyExc_DeprecationWarning, 1, ...): through warnings.warn once the warnings module is imported,
 * so its filters, catch_warnings and showwarning apply (the native _warnings keeps no filter list). */
function warnDeprecation(msg: string): void {
  const warnings = PyDict_GetItemString(getSys().modules, "warnings");
  const warn = warnings === undefined ? undefined : _PyObject_LookupAttr(warnings, k("warn"));
  if (warn === undefined) return PyErr_WarnEx(PyExc_DeprecationWarning, PyUnicode_FromString(msg), 1);
  PyObject_Vectorcall(warn, [PyUnicode_FromString(msg), PyExc_DeprecationWarning, 1], null);
}

function typeName(t: PyTypeObject): string {
  const n = t.tp_name;
  return n.slice(n.lastIndexOf(".") + 1);
}

/** ast_type_init (3.13): positional and keyword fields, defaults for omitted ones, DeprecationWarnings. */
function ast_type_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const st = get_ast_state();
  const tp = Py_TYPE(self);
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const fieldsObj = _PyObject_LookupAttr(tp, k("_fields"));
  const fields: PyVal[] = fieldsObj === undefined ? [] : PySequence_Tuple(fieldsObj).ob_item;
  // remaining_fields is a set, as in CPython: the warnings for omitted fields come in its iteration order.
  const remaining = PySet_New(fields);
  const discard = (name: PyVal): boolean => PySet_Discard(remaining, name);
  if (fields.length < npos) {
    PyErr_Format(PyExc_TypeError, `${typeName(tp)} constructor takes at most ${fields.length} positional argument${fields.length === 1 ? "" : "s"}`);
  }
  for (let i = 0; i < npos; i++) {
    const name = fields[i] as PyUnicodeObject;
    PyObject_SetAttr(self, name, args[i]);
    discard(name);
  }
  let attributes: PyVal | undefined;
  for (let i = 0; i < nkw; i++) {
    const key = kwnames![i] as PyUnicodeObject;
    if (fieldsObj !== undefined && PySequence_Contains(fieldsObj, key)) {
      if (!discard(key)) PyErr_Format(PyExc_TypeError, `${tp.tp_name} got multiple values for argument '${key.value}'`);
    } else {
      if (attributes === undefined) attributes = PyObject_GetAttr(tp, k("_attributes"));
      if (!PySequence_Contains(attributes, key)) {
        warnDeprecation(`${tp.tp_name}.__init__ got an unexpected keyword argument '${key.value}'. Support for arbitrary keyword arguments is deprecated and will be removed in Python 3.15.`);
      }
    }
    PyObject_SetAttr(self, key, args[npos + i]);
  }
  if (PySet_Size(remaining) === 0) return;
  const fieldTypes = _PyObject_LookupAttr(tp, k("_field_types"));
  // A user-defined subclass without _field_types: omitted fields stay unset, as before 3.13.
  if (fieldTypes === undefined) return;
  for (const name of setItems(remaining)) {
    const type = fieldTypes instanceof PyDictObject ? PyDict_GetItem(fieldTypes, name) : undefined;
    const nm = (name as PyUnicodeObject).value;
    if (type === undefined) {
      warnDeprecation(`Field '${nm}' is missing from ${tp.tp_name}._field_types. This will become an error in Python 3.15.`);
    } else if (Py_TYPE(type).tp_name === "types.UnionType") {
      // optional field: the class holds a None default
    } else if (Py_TYPE(type).tp_name === "types.GenericAlias") {
      PyObject_SetAttr(self, name as PyUnicodeObject, PyList_New([]));
    } else if (type === st.classes.get("expr_context")) {
      PyObject_SetAttr(self, name as PyUnicodeObject, st.kinds.get("Load")!.singleton!);
    } else {
      warnDeprecation(`${tp.tp_name}.__init__ missing 1 required positional argument: ${PyObject_Repr(name).value}. This will become an error in Python 3.15.`);
    }
  }
}

/** ast_type_reduce: (type, (None,)*k, __dict__) where k counts the leading fields present in the dict. */
function ast_type_reduce(self: PyVal): PyVal {
  const tp = Py_TYPE(self);
  const dict = _PyObject_LookupAttr(self, k("__dict__"));
  if (dict === undefined) return PyTuple_New([tp, PyTuple_New([])]);
  const fieldsObj = _PyObject_LookupAttr(tp, k("_fields"));
  if (fieldsObj === undefined) return PyTuple_New([tp, PyTuple_New([]), dict]);
  const pos: PyVal[] = [];
  for (const name of PySequence_Tuple(fieldsObj).ob_item) {
    if (!(dict instanceof PyDictObject) || PyDict_GetItem(dict, name) === undefined) break;
    pos.push(Py_None);
  }
  return PyTuple_New([tp, PyTuple_New(pos), dict]);
}

PyType_FromSpecStatic({
  name: "ast.AST",
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: null,
  slots: {
    tp_new: (t) => new PyASTObject(t),
    tp_init: ast_type_init,
  },
  methods: [{ name: "__reduce__", meth: ast_type_reduce, flags: METH_NOARGS }],
  getset: [{
    name: "__dict__",
    get: (s) => (s as PyASTObject).dict ?? ((s as PyASTObject).dict = PyDict_New()),
    set: (s, v) => {
      if (!((v as PyVal) instanceof PyDictObject)) PyErr_Format(PyExc_TypeError, `__dict__ must be set to a dictionary, not a '${Py_TYPE(v as PyVal).tp_name}'`);
      (s as PyASTObject).dict = v as PyDictObject;
    },
  }],
}, PyAST_Type);

// ---- Typhon AST -> Python objects (ast2obj) ----

/** A compiler constant as a Python object. */
export function constantToPy(v: ConstValue): PyVal {
  if (v === null) return Py_None;
  if (v === true) return Py_True;
  if (v === false) return Py_False;
  if (typeof v === "bigint") return PyLong_FromBigInt(v);
  if (typeof v === "number") return PyFloat_FromDouble(v);
  if (typeof v === "string") return PyUnicode_FromString(v);
  if (v instanceof SurrogateStr) return PyUnicode_FromString(v.codePoints.map((c) => String.fromCharCode(c)).join(""));
  if (v instanceof PyComplex) return PyComplex_FromDoubles(v.real, v.imag);
  if (v instanceof PyBytes) return PyBytes_FromArray(v.bytes);
  if (v instanceof ConstTuple) return PyTuple_New(v.items.map(constantToPy));
  if (v instanceof ConstFrozenset) return PyFrozenSet_New(v.items.map(constantToPy));
  if (v === PyEllipsis) return Py_Ellipsis;
  return PyErr_Format(PyExc_TypeError, "unexpected constant in the AST");
}

/** One field value of ASDL type `type` (not a sequence) that is not a node. */
function ast2objLeaf(v: unknown, type: string): PyVal {
  if (v === null || v === undefined) return Py_None;
  switch (type) {
    case "identifier": return PyUnicode_InternFromString(v as string);
    case "string": return typeof v === "string" ? PyUnicode_FromString(v) : constantToPy(v as ConstValue);
    case "int": return v as number;
    default: return constantToPy(v as ConstValue);
  }
}

const LEAF_TYPES: ReadonlySet<string> = new Set(["identifier", "string", "int", "constant"]);

/** ast2obj_<type>: one JS frame per tree level (deep expressions from the parser must not exhaust the stack). */
function ast2obj(st: AstState, node: AST): PyVal {
  const ki = st.kinds.get(node.kind)!;
  if (ki.singleton !== null) return ki.singleton;
  const o = new PyASTObject(ki.cls);
  const d = o.dict!;
  const rec = node as unknown as { readonly [p: string]: unknown };
  for (let i = 0; i < ki.fields.length; i++) {
    const f = ki.fields[i]!;
    const v = rec[ki.props[i]!];
    const leaf = LEAF_TYPES.has(f[1]);
    let value: PyVal;
    if (f[2] === "*") {
      const arr = v as readonly unknown[];
      const items = new Array<PyVal>(arr.length);
      for (let j = 0; j < arr.length; j++) {
        const x = arr[j];
        items[j] = leaf ? ast2objLeaf(x, f[1]) : x === null ? Py_None : ast2obj(st, x as AST);
      }
      value = PyList_New(items);
    } else value = leaf ? ast2objLeaf(v, f[1]) : v === null || v === undefined ? Py_None : ast2obj(st, v as AST);
    PyDict_SetItem(d, ki.fieldNames[i]!, value);
  }
  for (const a of ki.attributes) {
    const v = rec[a[0]];
    PyDict_SetItem(d, k(a[0]), v === null || v === undefined ? Py_None : (v as number));
  }
  return o;
}

/** PyAST_mod2obj. */
export function PyAST_mod2obj(m: mod): PyVal {
  const st = get_ast_state();
  try {
    return ast2obj(st, m);
  } catch (e) {
    if (e instanceof RangeError) PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded during ast construction");
    throw e;
  }
}

// ---- Python objects -> Typhon AST (obj2ast) ----

function reprOf(o: PyVal): string {
  return PyObject_Repr(o).value;
}

/** A Python constant (validate_constant's types) as a compiler constant. */
function obj2constant(v: PyVal): ConstValue {
  if (v === Py_None) return null;
  if (v === Py_True) return true;
  if (v === Py_False) return false;
  if (typeof v === "number") return BigInt(v);
  const t = Py_TYPE(v);
  if (PyUnicode_CheckExact(v)) return v.value;
  if (t === PyBytes_Type) return new PyBytes((v as PyBytesObject).ob_bytes);
  if (t === PyFloat_Type) return (v as PyFloatObject).ob_fval;
  if (t === PyComplex_Type) return new PyComplex((v as PyComplexObject).real, (v as PyComplexObject).imag);
  if (v === Py_Ellipsis) return PyEllipsis;
  if (PyLong_Check(v) && t.tp_name === "int") return BigInt(longValue(v));
  if (PyTuple_CheckExact(v)) return new ConstTuple(v.ob_item.map(obj2constant));
  if (t === PyFrozenSet_Type) return new ConstFrozenset(setItems(v as PySetObject).map(obj2constant));
  return PyErr_Format(PyExc_TypeError, `got an invalid type in Constant: ${typeName(t)}`);
}

function obj2int(v: PyVal): number {
  if (!PyLong_Check(v)) PyErr_Format(PyExc_ValueError, `invalid integer value: ${reprOf(v)}`);
  const n = longValue(v);
  if (typeof n === "bigint" || n > 2147483647 || n < -2147483648) PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
  return n as number;
}

/** One value of ASDL type `type` (not a sequence); null for None where the type allows it. */
function obj2astOne(st: AstState, v: PyVal, type: string): unknown {
  switch (type) {
    case "identifier":
      if (v === Py_None) return null;
      if (!PyUnicode_CheckExact(v)) PyErr_Format(PyExc_TypeError, "AST identifier must be of type str");
      return (v as PyUnicodeObject).value;
    case "string":
      if (v === Py_None) return null;
      if (!PyUnicode_CheckExact(v) && Py_TYPE(v) !== PyBytes_Type) PyErr_Format(PyExc_TypeError, "AST string must be of type str");
      return PyUnicode_CheckExact(v) ? v.value : obj2constant(v);
    case "int": return obj2int(v);
    case "constant": return obj2constant(v);
    default: return obj2ast(st, v, type);
  }
}

/** obj2ast_<sum or product>: isinstance checks in ASDL order; None gives null. */
function obj2ast(st: AstState, obj: PyVal, type: string): AST | null {
  const ctors = st.sums.get(type);
  if (ctors === undefined) {
    // A product type (arguments, arg, keyword, ...).
    // A product reads its fields before its attributes (obj2ast_arg, obj2ast_keyword, obj2ast_alias).
    const ki = st.kinds.get(type)!;
    return buildNode(st, obj, ki, type, null);
  }
  if (SIMPLE_SUMS.has(type)) {
    for (const ki of ctors) if (PyObject_IsInstance(obj, ki.cls)) return NODE_SINGLETONS(ki.name);
    return PyErr_Format(PyExc_TypeError, `expected some sort of ${type}, but got ${reprOf(obj)}`);
  }
  if (obj === Py_None) return null;
  const attrs = readAttributes(obj, st.sumAttributes.get(type) ?? [], type);
  for (const ki of ctors) {
    if (PyObject_IsInstance(obj, ki.cls)) return buildNode(st, obj, ki, ki.name, attrs);
  }
  return PyErr_Format(PyExc_TypeError, `expected some sort of ${type}, but got ${reprOf(obj)}`);
}

/** The TS AST's own singleton for a simple sum's constructor (A.Load, A.Add, ...). */
function NODE_SINGLETONS(kind: string): AST {
  return (A as unknown as { readonly [k: string]: AST })[kind]!;
}

function readAttributes(obj: PyVal, attrs: readonly AsdlField[], owner: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < attrs.length; i++) {
    const [name, , q] = attrs[i]!;
    const v = _PyObject_LookupAttr(obj, k(name));
    if (v === undefined || (q === "?" && v === Py_None)) {
      if (q !== "?") PyErr_Format(PyExc_TypeError, `required field "${name}" missing from ${owner}`);
      // end_lineno and end_col_offset default to lineno and col_offset (asdl_c.py attribute_special_defaults).
      out.push(name === "end_lineno" ? out[0]! : name === "end_col_offset" ? out[1]! : 0);
      continue;
    }
    out.push(obj2int(v));
  }
  return out;
}

function buildNode(st: AstState, obj: PyVal, ki: KindInfo, name: string, sumAttrs: readonly number[] | null): AST {
  const node: Record<string, unknown> = { kind: ki.name };
  for (let i = 0; i < ki.fields.length; i++) {
    const [fname, ftype, q] = ki.fields[i]!;
    const tmp = _PyObject_LookupAttr(obj, ki.fieldNames[i]!);
    let value: unknown;
    if (q === "*") {
      // 3.13: a missing sequence field is an empty list.
      if (tmp === undefined) { node[ki.props[i]!] = []; continue; }
      if (!PyList_Check(tmp!)) PyErr_Format(PyExc_TypeError, `${name} field "${fname}" must be a list, not a ${Py_TYPE(tmp!).tp_name}`);
      const list = tmp as PyListObject;
      const len = list.ob_item.length;
      const out: unknown[] = [];
      for (let j = 0; j < len; j++) {
        out.push(obj2astOne(st, list.ob_item[j]!, ftype));
        if (len !== list.ob_item.length) PyErr_Format(PyExc_RuntimeError, `${name} field "${fname}" changed size during iteration`);
      }
      value = out;
    } else if (q === "?") {
      value = tmp === undefined || tmp === Py_None ? null : LEAF_TYPES.has(ftype) ? obj2astOne(st, tmp, ftype) : obj2ast(st, tmp, ftype);
    } else {
      if (tmp === undefined) PyErr_Format(PyExc_TypeError, `required field "${fname}" missing from ${name}`);
      value = LEAF_TYPES.has(ftype) ? obj2astOne(st, tmp!, ftype) : obj2ast(st, tmp!, ftype);
    }
    node[ki.props[i]!] = value;
  }
  const attrs = sumAttrs ?? readAttributes(obj, ki.attributes, name);
  // The node constructors' checks (_PyAST_<Kind>): required non-int fields may not be None.
  for (let i = 0; i < ki.fields.length; i++) {
    const [fname, ftype, q] = ki.fields[i]!;
    if (q === "" && ftype !== "int" && ftype !== "constant" && node[ki.props[i]!] === null) {
      PyErr_Format(PyExc_ValueError, `field '${fname}' is required for ${ki.name}`);
    }
  }
  for (let i = 0; i < ki.attributes.length; i++) node[ki.attributes[i]![0]] = attrs[i];
  return node as unknown as AST;
}

const MODE_CLASS = ["Module", "Expression", "Interactive", "FunctionType"] as const;

/** PyAST_obj2mod: check the object is an instance of the mode's class, then convert it. */
export function PyAST_obj2mod(source: PyVal, mode: "exec" | "eval" | "single" | "func_type"): mod {
  const st = get_ast_state();
  const idx = mode === "exec" ? 0 : mode === "eval" ? 1 : mode === "single" ? 2 : 3;
  const want = st.classes.get(MODE_CLASS[idx])!;
  if (!PyObject_IsInstance(source, want)) {
    PyErr_Format(PyExc_TypeError, `expected ${["Module", "Expression", "Interactive", "FunctionType"][idx]} node, got ${Py_TYPE(source).tp_name.replace(/^ast\./, "")}`);
  }
  try {
    return obj2ast(st, source, "mod") as mod;
  } catch (e) {
    if (e instanceof RangeError) PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded while traversing 'expr' node");
    throw e;
  }
}

/** PyAST_Check: is `obj` an instance of ast.AST? */
export function PyAST_Check(obj: PyVal): boolean {
  return PyObject_IsInstance(obj, PyAST_Type);
}

function ast_exec(m: PyModuleObject): void {
  const st = get_ast_state();
  const d = m.dict!;
  PyDict_SetItemString(d, "AST", PyAST_Type);
  for (const c of ASDL_CLASSES) PyDict_SetItemString(d, c.name, st.classes.get(c.name)!);
  PyDict_SetItemString(d, "PyCF_ALLOW_TOP_LEVEL_AWAIT", PyCF_ALLOW_TOP_LEVEL_AWAIT);
  PyDict_SetItemString(d, "PyCF_ONLY_AST", PyCF_ONLY_AST);
  PyDict_SetItemString(d, "PyCF_TYPE_COMMENTS", PyCF_TYPE_COMMENTS);
  PyDict_SetItemString(d, "PyCF_OPTIMIZED_AST", PyCF_OPTIMIZED_AST);
}

export const astmodule: PyModuleDef = {
  m_name: "_ast",
  m_exec: ast_exec,
};
