// The core object layouts: PyObject, PyTypeObject (with CPython's slots), str's layout and interning, and the
// None / NotImplemented / Ellipsis singletons. Counterparts: Include/object.h, Objects/object.c. See docs/objects.md.
// This module has no runtime imports, so every other module may use it at top level (see "Module order" in the docs).

/** Every Python object except an exact int in the safe range is an instance of a subclass of PyObject. */
export class PyObject {
  ob_type: PyTypeObject;
  constructor(type: PyTypeObject) {
    this.ob_type = type;
  }
}

/** A Python value: a PyObject, or a JS number meaning an exact `int` within ±(2^53−1) (never -0). */
export type PyVal = PyObject | number;

// Slot signatures (Include/cpython/object.h). Binary numeric slots receive (v, w) where either may be the
// instance of the type owning the slot, exactly as CPython's nb_* do; they return Py_NotImplemented to decline.
export type unaryfunc = (a: PyVal) => PyVal;
export type binaryfunc = (a: PyVal, b: PyVal) => PyVal;
export type ternaryfunc = (a: PyVal, b: PyVal, c: PyVal) => PyVal;
export type inquiry = (a: PyVal) => boolean;
export type lenfunc = (a: PyVal) => number;
export type ssizeargfunc = (a: PyVal, i: number) => PyVal;
export type ssizeobjargproc = (a: PyVal, i: number, v: PyVal | null) => void;
export type objobjproc = (a: PyVal, b: PyVal) => boolean;
export type objobjargproc = (a: PyVal, k: PyVal, v: PyVal | null) => void;
/** Attribute lookup. With `suppress` true a missing attribute returns undefined instead of raising AttributeError
 *  (CPython's _PyObject_LookupAttr); other errors still raise. */
export type getattrofunc = (o: PyVal, name: PyUnicodeObject, suppress: boolean) => PyVal | undefined;
export type setattrofunc = (o: PyVal, name: PyUnicodeObject, v: PyVal | null) => void;
/** Vectorcall convention: `args` holds the positional arguments followed by the values of the keyword
 *  arguments whose names (str objects) are `kwnames`; nargs = args.length - kwnames.length. */
export type vectorcallfunc = (callable: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null) => PyVal;
export type newfunc = (type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null) => PyVal;
export type initproc = (self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null) => void;
export type reprfunc = (o: PyVal) => PyUnicodeObject;
/** Returns the low 32 bits of the 64-bit Py_hash_t as an int32 and stores the high 32 bits in Py_HashHi[0]. */
export type hashfunc = (o: PyVal) => number;
export type richcmpfunc = (a: PyVal, b: PyVal, op: number) => PyVal;
export type getiterfunc = (o: PyVal) => PyVal;
/** Returns the next item, or undefined at exhaustion (no StopIteration object is created). */
export type iternextfunc = (o: PyVal) => PyVal | undefined;
export type descrgetfunc = (descr: PyVal, obj: PyVal | null, type: PyVal | null) => PyVal;
export type descrsetfunc = (descr: PyVal, obj: PyVal, v: PyVal | null) => void;

/** High word of the last hash computed (see hashfunc). An Int32Array so writes stay monomorphic and cheap. */
export const Py_HashHi = new Int32Array(1);

// Type flags (Include/object.h).
export const Py_TPFLAGS_MANAGED_DICT = 1 << 4;
export const Py_TPFLAGS_SEQUENCE = 1 << 5;
export const Py_TPFLAGS_MAPPING = 1 << 6;
export const Py_TPFLAGS_DISALLOW_INSTANTIATION = 1 << 7;
export const Py_TPFLAGS_IMMUTABLETYPE = 1 << 8;
export const Py_TPFLAGS_HEAPTYPE = 1 << 9;
export const Py_TPFLAGS_BASETYPE = 1 << 10;
export const Py_TPFLAGS_HAVE_VECTORCALL = 1 << 11;
export const Py_TPFLAGS_READY = 1 << 12;
export const Py_TPFLAGS_READYING = 1 << 13;
export const Py_TPFLAGS_HAVE_GC = 1 << 14;
export const Py_TPFLAGS_METHOD_DESCRIPTOR = 1 << 17;
export const Py_TPFLAGS_VALID_VERSION_TAG = 1 << 19;
export const Py_TPFLAGS_IS_ABSTRACT = 1 << 20;
export const Py_TPFLAGS_MATCH_SELF = 1 << 22;
export const Py_TPFLAGS_ITEMS_AT_END = 1 << 23;
export const Py_TPFLAGS_LONG_SUBCLASS = 1 << 24;
export const Py_TPFLAGS_LIST_SUBCLASS = 1 << 25;
export const Py_TPFLAGS_TUPLE_SUBCLASS = 1 << 26;
export const Py_TPFLAGS_BYTES_SUBCLASS = 1 << 27;
export const Py_TPFLAGS_UNICODE_SUBCLASS = 1 << 28;
export const Py_TPFLAGS_DICT_SUBCLASS = 1 << 29;
export const Py_TPFLAGS_BASE_EXC_SUBCLASS = 1 << 30;
export const Py_TPFLAGS_TYPE_SUBCLASS = 2 ** 31; // use hasFlag(): this bit does not fit a positive int32
export const Py_TPFLAGS_DEFAULT = 0;

// Method-table calling conventions (Include/methodobject.h).
export const METH_VARARGS = 0x0001;
export const METH_KEYWORDS = 0x0002;
export const METH_NOARGS = 0x0004;
export const METH_O = 0x0008;
export const METH_CLASS = 0x0010;
export const METH_STATIC = 0x0020;
export const METH_COEXIST = 0x0040;
export const METH_FASTCALL = 0x0080;

/** A method row: `meth` is (self) for METH_NOARGS, (self, arg) for METH_O, (self, args) for METH_FASTCALL and
 *  (self, args, kwnames) for METH_FASTCALL|METH_KEYWORDS. For METH_CLASS, self is the type. */
export interface PyMethodDef {
  readonly name: string;
  // any: the four calling conventions have different arities; the descriptor calls it per `flags`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly meth: (...a: any[]) => PyVal;
  readonly flags: number;
  readonly doc?: string | null;
}
export interface PyMemberDef {
  readonly name: string;
  readonly get: (self: PyVal) => PyVal;
  readonly set?: ((self: PyVal, v: PyVal | null) => void) | null;
  readonly doc?: string | null;
}
export interface PyGetSetDef {
  readonly name: string;
  readonly get: (self: PyVal) => PyVal;
  readonly set?: ((self: PyVal, v: PyVal | null) => void) | null;
  readonly doc?: string | null;
}

/** The slot names a native type table may fill (every field of PyTypeObject that is a slot). */
export type SlotName =
  | "tp_getattro" | "tp_setattro" | "tp_call" | "tp_repr" | "tp_str" | "tp_hash" | "tp_richcompare" | "tp_iter"
  | "tp_iternext" | "tp_descr_get" | "tp_descr_set" | "tp_init" | "tp_new"
  | "nb_add" | "nb_subtract" | "nb_multiply" | "nb_remainder" | "nb_divmod" | "nb_power" | "nb_negative"
  | "nb_positive" | "nb_absolute" | "nb_bool" | "nb_invert" | "nb_lshift" | "nb_rshift" | "nb_and" | "nb_xor"
  | "nb_or" | "nb_int" | "nb_float" | "nb_inplace_add" | "nb_inplace_subtract" | "nb_inplace_multiply"
  | "nb_inplace_remainder" | "nb_inplace_power" | "nb_inplace_lshift" | "nb_inplace_rshift" | "nb_inplace_and"
  | "nb_inplace_xor" | "nb_inplace_or" | "nb_floor_divide" | "nb_true_divide" | "nb_inplace_floor_divide"
  | "nb_inplace_true_divide" | "nb_index" | "nb_matrix_multiply" | "nb_inplace_matrix_multiply"
  | "sq_length" | "sq_concat" | "sq_repeat" | "sq_item" | "sq_ass_item" | "sq_contains" | "sq_inplace_concat"
  | "sq_inplace_repeat" | "mp_length" | "mp_subscript" | "mp_ass_subscript"
  | "am_await" | "am_aiter" | "am_anext" | "tp_finalize";

/** A type object. Fields mirror CPython's PyTypeObject / PyHeapTypeObject; all are set in the constructor. */
export class PyTypeObject extends PyObject {
  tp_name: string;
  tp_qualname: string;
  tp_flags: number;
  tp_doc: string | null;
  tp_base: PyTypeObject | null;
  tp_bases: PyVal | null; // tuple
  tp_mro: PyVal | null; // tuple
  /** The MRO as a JS array (kept in sync with tp_mro) for fast _PyType_Lookup. */
  mro: PyTypeObject[];
  tp_dict: PyVal | null; // dict
  tp_subclasses: PyTypeObject[];
  /** Bumped (to a fresh global value) whenever the type or any type in its MRO is modified. */
  tp_version_tag: number;
  /** 0: instances have no __dict__; 1: instances carry a `dict` field; -1: kept in a side table. */
  tp_dictoffset: number;
  /** Names of __slots__ of this type (heap types), in the order of their storage indices. */
  ht_slots: string[];
  /** Number of slot storage cells an instance needs (own __slots__ plus inherited). */
  tp_nslots: number;
  tp_getattro: getattrofunc | null;
  tp_setattro: setattrofunc | null;
  tp_call: vectorcallfunc | null;
  tp_repr: reprfunc | null;
  tp_str: reprfunc | null;
  tp_hash: hashfunc | null;
  tp_richcompare: richcmpfunc | null;
  tp_iter: getiterfunc | null;
  tp_iternext: iternextfunc | null;
  tp_descr_get: descrgetfunc | null;
  tp_descr_set: descrsetfunc | null;
  tp_init: initproc | null;
  tp_new: newfunc | null;
  tp_finalize: unaryfunc | null;
  nb_add: binaryfunc | null;
  nb_subtract: binaryfunc | null;
  nb_multiply: binaryfunc | null;
  nb_remainder: binaryfunc | null;
  nb_divmod: binaryfunc | null;
  nb_power: ternaryfunc | null;
  nb_negative: unaryfunc | null;
  nb_positive: unaryfunc | null;
  nb_absolute: unaryfunc | null;
  nb_bool: inquiry | null;
  nb_invert: unaryfunc | null;
  nb_lshift: binaryfunc | null;
  nb_rshift: binaryfunc | null;
  nb_and: binaryfunc | null;
  nb_xor: binaryfunc | null;
  nb_or: binaryfunc | null;
  nb_int: unaryfunc | null;
  nb_float: unaryfunc | null;
  nb_inplace_add: binaryfunc | null;
  nb_inplace_subtract: binaryfunc | null;
  nb_inplace_multiply: binaryfunc | null;
  nb_inplace_remainder: binaryfunc | null;
  nb_inplace_power: ternaryfunc | null;
  nb_inplace_lshift: binaryfunc | null;
  nb_inplace_rshift: binaryfunc | null;
  nb_inplace_and: binaryfunc | null;
  nb_inplace_xor: binaryfunc | null;
  nb_inplace_or: binaryfunc | null;
  nb_floor_divide: binaryfunc | null;
  nb_true_divide: binaryfunc | null;
  nb_inplace_floor_divide: binaryfunc | null;
  nb_inplace_true_divide: binaryfunc | null;
  nb_index: unaryfunc | null;
  nb_matrix_multiply: binaryfunc | null;
  nb_inplace_matrix_multiply: binaryfunc | null;
  sq_length: lenfunc | null;
  sq_concat: binaryfunc | null;
  sq_repeat: ssizeargfunc | null;
  sq_item: ssizeargfunc | null;
  sq_ass_item: ssizeobjargproc | null;
  sq_contains: objobjproc | null;
  sq_inplace_concat: binaryfunc | null;
  sq_inplace_repeat: ssizeargfunc | null;
  mp_length: lenfunc | null;
  mp_subscript: binaryfunc | null;
  mp_ass_subscript: objobjargproc | null;
  am_await: unaryfunc | null;
  am_aiter: unaryfunc | null;
  am_anext: unaryfunc | null;
  /** Declaration tables of a native type, consumed by PyType_Ready. */
  tp_methods: readonly PyMethodDef[];
  tp_members: readonly PyMemberDef[];
  tp_getset: readonly PyGetSetDef[];
  /** For a static type: resolves its base when the type is readied (avoids module-order dependencies). */
  tp_base_thunk: (() => PyTypeObject) | null;
  tp_bases_thunk: (() => readonly PyTypeObject[]) | null;

  constructor(metatype: PyTypeObject | null, name: string) {
    // The metatype of static types is `type`, which may not exist yet while `type` itself is built.
    super(metatype as PyTypeObject);
    const dot = name.lastIndexOf(".");
    this.tp_name = name;
    this.tp_qualname = dot >= 0 ? name.slice(dot + 1) : name;
    this.tp_flags = 0;
    this.tp_doc = null;
    this.tp_base = null;
    this.tp_bases = null;
    this.tp_mro = null;
    this.mro = [];
    this.tp_dict = null;
    this.tp_subclasses = [];
    this.tp_version_tag = 0;
    this.tp_dictoffset = 0;
    this.ht_slots = [];
    this.tp_nslots = 0;
    this.tp_getattro = null;
    this.tp_setattro = null;
    this.tp_call = null;
    this.tp_repr = null;
    this.tp_str = null;
    this.tp_hash = null;
    this.tp_richcompare = null;
    this.tp_iter = null;
    this.tp_iternext = null;
    this.tp_descr_get = null;
    this.tp_descr_set = null;
    this.tp_init = null;
    this.tp_new = null;
    this.tp_finalize = null;
    this.nb_add = null;
    this.nb_subtract = null;
    this.nb_multiply = null;
    this.nb_remainder = null;
    this.nb_divmod = null;
    this.nb_power = null;
    this.nb_negative = null;
    this.nb_positive = null;
    this.nb_absolute = null;
    this.nb_bool = null;
    this.nb_invert = null;
    this.nb_lshift = null;
    this.nb_rshift = null;
    this.nb_and = null;
    this.nb_xor = null;
    this.nb_or = null;
    this.nb_int = null;
    this.nb_float = null;
    this.nb_inplace_add = null;
    this.nb_inplace_subtract = null;
    this.nb_inplace_multiply = null;
    this.nb_inplace_remainder = null;
    this.nb_inplace_power = null;
    this.nb_inplace_lshift = null;
    this.nb_inplace_rshift = null;
    this.nb_inplace_and = null;
    this.nb_inplace_xor = null;
    this.nb_inplace_or = null;
    this.nb_floor_divide = null;
    this.nb_true_divide = null;
    this.nb_inplace_floor_divide = null;
    this.nb_inplace_true_divide = null;
    this.nb_index = null;
    this.nb_matrix_multiply = null;
    this.nb_inplace_matrix_multiply = null;
    this.sq_length = null;
    this.sq_concat = null;
    this.sq_repeat = null;
    this.sq_item = null;
    this.sq_ass_item = null;
    this.sq_contains = null;
    this.sq_inplace_concat = null;
    this.sq_inplace_repeat = null;
    this.mp_length = null;
    this.mp_subscript = null;
    this.mp_ass_subscript = null;
    this.am_await = null;
    this.am_aiter = null;
    this.am_anext = null;
    this.tp_methods = [];
    this.tp_members = [];
    this.tp_getset = [];
    this.tp_base_thunk = null;
    this.tp_bases_thunk = null;
  }
}

/** The declaration table of a native type (one per type, see docs/objects.md). */
export interface PyTypeSpec {
  readonly name: string;
  /** The base type, as a thunk so that declaration order across modules does not matter. Default: object. */
  readonly base?: () => PyTypeObject;
  /** All bases when there is more than one (the first is the layout base), as a thunk. */
  readonly bases?: () => readonly PyTypeObject[];
  readonly flags?: number;
  readonly doc?: string | null;
  /** 0 (default): no instance __dict__; 1: instances have a `dict` field. */
  readonly dictoffset?: number;
  readonly slots?: { readonly [K in SlotName]?: PyTypeObject[K] };
  readonly methods?: readonly PyMethodDef[];
  readonly members?: readonly PyMemberDef[];
  readonly getset?: readonly PyGetSetDef[];
}

/** Every static type, in declaration order; PyType_Ready runs over this list at start-up (_PyTypes_InitTypes). */
export const staticTypes: PyTypeObject[] = [];

/** The metatype `type`; created first so that every static type can point to it. */
export const PyType_Type = new PyTypeObject(null, "type");
PyType_Type.ob_type = PyType_Type;
staticTypes.push(PyType_Type);

/** Create and register a static type object now; its table is applied later with PyType_FromSpecStatic. */
export function PyType_Declare(name: string): PyTypeObject {
  const t = new PyTypeObject(PyType_Type, name);
  staticTypes.push(t);
  return t;
}

/** Declare a static (native) type from its table. Slots and tables are applied now; PyType_Ready finishes it. */
export function PyType_FromSpecStatic(spec: PyTypeSpec, existing?: PyTypeObject): PyTypeObject {
  const t = existing ?? new PyTypeObject(PyType_Type, spec.name);
  t.tp_flags = (spec.flags ?? 0) | Py_TPFLAGS_IMMUTABLETYPE;
  t.tp_doc = spec.doc ?? null;
  t.tp_dictoffset = spec.dictoffset ?? 0;
  t.tp_base_thunk = spec.base ?? null;
  t.tp_bases_thunk = spec.bases ?? null;
  if (spec.slots) {
    for (const k of Object.keys(spec.slots) as SlotName[]) {
      // Each key names a field of PyTypeObject with the same type, as PyTypeSpec's mapped type guarantees.
      (t as unknown as Record<string, unknown>)[k] = spec.slots[k];
    }
  }
  t.tp_methods = spec.methods ?? [];
  t.tp_members = spec.members ?? [];
  t.tp_getset = spec.getset ?? [];
  if (!existing) staticTypes.push(t);
  return t;
}

export function hasFlag(t: PyTypeObject, flag: number): boolean {
  return (t.tp_flags & flag) !== 0;
}

/** The str layout. Methods live in unicodeobject.ts; the class is here because every layer needs it first. */
export class PyUnicodeObject extends PyObject {
  /** The text, as UTF-16 code units (lone surrogates allowed). */
  readonly value: string;
  /** Cached hash (low and high 32 bits); hashed is false until computed. */
  hashLo: number;
  hashHi: number;
  hashed: boolean;
  /** Code-point length, or -1 until computed. Equal to value.length when the text has no astral characters. */
  cpLen: number;
  /** UTF-16 offsets of the astral characters, computed on demand (null until needed or when cpLen === length). */
  astral: Int32Array | null;
  interned: boolean;
  constructor(value: string, type: PyTypeObject = PyUnicode_Type) {
    super(type);
    this.value = value;
    this.hashLo = 0;
    this.hashHi = 0;
    this.hashed = false;
    this.cpLen = -1;
    this.astral = null;
    this.interned = false;
  }
}

export const PyUnicode_Type = new PyTypeObject(PyType_Type, "str");
staticTypes.push(PyUnicode_Type);

const internedStrings = new Map<string, PyUnicodeObject>();

/** The one str object for an identifier text (CPython's PyUnicode_InternFromString). */
export function PyUnicode_InternFromString(s: string): PyUnicodeObject {
  let u = internedStrings.get(s);
  if (u === undefined) {
    u = new PyUnicodeObject(s);
    u.interned = true;
    internedStrings.set(s, u);
  }
  return u;
}

/** Intern an existing exact str object in place when possible (PyUnicode_InternInPlace). */
export function PyUnicode_InternInPlace(u: PyUnicodeObject): PyUnicodeObject {
  if (u.interned) return u;
  if (u.ob_type !== PyUnicode_Type) return u;
  const prev = internedStrings.get(u.value);
  if (prev !== undefined) return prev;
  u.interned = true;
  internedStrings.set(u.value, u);
  return u;
}

// The singletons of Objects/object.c. Their types are filled by their tables in boolobject.ts/sliceobject.ts etc.
export const PyNone_Type = new PyTypeObject(PyType_Type, "NoneType");
export const PyNotImplemented_Type = new PyTypeObject(PyType_Type, "NotImplementedType");
export const PyEllipsis_Type = new PyTypeObject(PyType_Type, "ellipsis");
staticTypes.push(PyNone_Type, PyNotImplemented_Type, PyEllipsis_Type);
export const Py_None = new PyObject(PyNone_Type);
export const Py_NotImplemented = new PyObject(PyNotImplemented_Type);
export const Py_Ellipsis = new PyObject(PyEllipsis_Type);

// Rich comparison operators (Include/object.h), also COMPARE_OP's oparg >> 5.
export const Py_LT = 0;
export const Py_LE = 1;
export const Py_EQ = 2;
export const Py_NE = 3;
export const Py_GT = 4;
export const Py_GE = 5;
export const _Py_SwappedOp = [Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE] as const;
export const opstrings = ["<", "<=", "==", "!=", ">", ">="] as const;

/** The `int` type object; declared here because Py_TYPE needs it for unboxed ints. Filled in longobject.ts. */
export const PyLong_Type = new PyTypeObject(PyType_Type, "int");
staticTypes.push(PyLong_Type);
/** A boxed int (layout; behaviour in longobject.ts): a big value (big !== null), or an instance of bool or of an
 *  int subclass (small value in ival). Declared here because bool's singletons are created at load time. */
export class PyLongObject extends PyObject {
  ival: number;
  big: bigint | null;
  constructor(type: PyTypeObject, ival: number, big: bigint | null) {
    super(type);
    this.ival = ival;
    this.big = big;
  }
}

/** The `object` type object, filled in typeobject.ts. */
export const PyBaseObject_Type = new PyTypeObject(PyType_Type, "object");
staticTypes.push(PyBaseObject_Type);

export function Py_TYPE(v: PyVal): PyTypeObject {
  return typeof v === "number" ? PyLong_Type : v.ob_type;
}

/** Debug-build invariant check (STYLE §5). */
export function assert(cond: boolean, msg: string): asserts cond {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}

export function unreachable(x: never): never {
  throw new Error(`unreachable: ${String(x)}`);
}
