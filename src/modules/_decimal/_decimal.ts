// The _decimal module (Modules/_decimal/_decimal.c): Decimal, Context, the signals, the current context and
// localcontext, over the arithmetic of mpdecimal.ts. Conditions raised by an operation are merged into the
// context's flags and raise the first trapped signal with the list of trapped conditions, as dec_addstatus does.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_HashHi,
  Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS, METH_CLASS, Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT,
  Py_GE, PyUnicodeObject, PyBaseObject_Type, type PyVal, type PyMethodDef,
} from "../../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check, codePoints } from "../../objects/unicodeobject.js";
import { PyLong_Check, PyLong_FromBigInt, longValue } from "../../objects/longobject.js";
import { PyFloat_Check, PyFloat_FromDouble } from "../../objects/floatobject.js";
import { PyBool_FromLong } from "../../objects/boolobject.js";
import { PyComplexObject } from "../../objects/complexobject.js";
import { PyTuple_New, PyTupleObject } from "../../objects/tupleobject.js";
import { PyList_New, PyListObject } from "../../objects/listobject.js";
import { PyDict_New, PyDict_SetItemString, PyDictObject } from "../../objects/dictobject.js";
import {
  PyObject_Vectorcall, PyObject_GetAttrStr, PyObject_IsInstance, PyObject_CallMethod, PyObject_IsTrue,
  PyObject_GetIter, PyIter_Next, PyObject_Repr, PyNumber_Index, PyObject_CallOneArg,
  PyObject_CallNoArgs,
} from "../../objects/abstract.js";
import {
  PyExc_ArithmeticError, PyExc_ZeroDivisionError, PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError,
  PyExc_KeyError, PyExc_AttributeError, PyExc_MemoryError,
} from "../../objects/exceptions.js";
import { PyErr_Format, PyErr_SetObject } from "../../runtime/errors.js";
import { parseArgs } from "../../runtime/getargs.js";
import { hashOut, hashFromBigInt } from "../../runtime/pyhash.js";
import { PyImport_ImportModule } from "../../runtime/import.js";
import { _PyUnicode_IsWhitespace, _PyUnicode_ToDecimalDigit } from "../../unicode/unicodectype.js";
import { PyModule_Add, type PyModuleDef } from "../moduledef.js";
import * as M from "./mpdecimal.js";
import { Dec, Status, type Ctx } from "./mpdecimal.js";
import { _PyGC_AddRoot } from "../../runtime/gc.js";

// ---- types ----

export const PyDec_Type = PyType_Declare("decimal.Decimal");
export const PyDecContext_Type = PyType_Declare("decimal.Context");
const PyDecContextManager_Type = PyType_Declare("decimal.ContextManager");
const PyDecSignalDictMixin_Type = PyType_Declare("decimal.SignalDictMixin");

export class PyDecObject extends PyObject {
  dec: Dec;
  constructor(type: PyTypeObject, dec: Dec) {
    super(type);
    this.dec = dec;
  }
}

const MAX_PREC_B = 999999999999999999n;

class PyDecContextObject extends PyObject implements Ctx {
  prec: number;
  emax: number;
  emin: number;
  precB: bigint;
  emaxB: bigint;
  eminB: bigint;
  round: number;
  clamp: number;
  capitals: number;
  traps: number;
  status: number;
  trapsDict: PyVal | null;
  flagsDict: PyVal | null;
  constructor(type: PyTypeObject) {
    super(type);
    this.prec = 28; this.emax = 999999; this.emin = -999999; this.precB = 28n; this.emaxB = 999999n; this.eminB = -999999n;
    this.round = M.ROUND_HALF_EVEN; this.clamp = 0;
    this.capitals = 1; this.traps = M.MPD_IEEE_Invalid_operation | M.MPD_Division_by_zero | M.MPD_Overflow;
    this.status = 0; this.trapsDict = null; this.flagsDict = null;
  }
}

class SignalDictObject extends PyObject {
  ctx: PyDecContextObject | null;
  isTraps: boolean;
  constructor(type: PyTypeObject) {
    super(type);
    this.ctx = null;
    this.isTraps = false;
  }
}

class ContextManagerObject extends PyObject {
  local: PyDecContextObject;
  global: PyVal;
  constructor(type: PyTypeObject, local: PyDecContextObject, global: PyVal) {
    super(type);
    this.local = local;
    this.global = global;
  }
}

// ---- signals ----

const ROUNDING_NAMES = ["ROUND_UP", "ROUND_DOWN", "ROUND_CEILING", "ROUND_FLOOR", "ROUND_HALF_UP", "ROUND_HALF_DOWN",
  "ROUND_HALF_EVEN", "ROUND_05UP"] as const;

interface Signal { name: string; flag: number; cls: PyTypeObject | null }
/** dec_signal_map: the signals a context's flags and traps hold, in CPython's order. */
const signalMap: Signal[] = [
  { name: "InvalidOperation", flag: M.MPD_IEEE_Invalid_operation, cls: null },
  { name: "FloatOperation", flag: M.MPD_Float_operation, cls: null },
  { name: "DivisionByZero", flag: M.MPD_Division_by_zero, cls: null },
  { name: "Overflow", flag: M.MPD_Overflow, cls: null },
  { name: "Underflow", flag: M.MPD_Underflow, cls: null },
  { name: "Subnormal", flag: M.MPD_Subnormal, cls: null },
  { name: "Inexact", flag: M.MPD_Inexact, cls: null },
  { name: "Rounded", flag: M.MPD_Rounded, cls: null },
  { name: "Clamped", flag: M.MPD_Clamped, cls: null },
];
/** dec_cond_map: the conditions grouped under InvalidOperation. */
const condMap: Signal[] = [
  { name: "InvalidOperation", flag: M.MPD_Invalid_operation, cls: null },
  { name: "ConversionSyntax", flag: M.MPD_Conversion_syntax, cls: null },
  { name: "DivisionImpossible", flag: M.MPD_Division_impossible, cls: null },
  { name: "DivisionUndefined", flag: M.MPD_Division_undefined, cls: null },
  { name: "InvalidContext", flag: M.MPD_Invalid_context, cls: null },
];
let DecimalException: PyTypeObject | null = null;

function makeClass(name: string, bases: PyTypeObject[], module = "decimal"): PyTypeObject {
  const ns = PyDict_New();
  PyDict_SetItemString(ns, "__module__", PyUnicode_FromString(module));
  return PyObject_Vectorcall(Py_TYPE(bases[0]), [PyUnicode_FromString(name), PyTuple_New(bases), ns], null) as PyTypeObject;
}

function initSignals(): void {
  if (DecimalException !== null) return;
  const DE = makeClass("DecimalException", [PyExc_ArithmeticError]);
  DecimalException = DE;
  const by = new Map<string, PyTypeObject>();
  const mk = (name: string, bases: PyTypeObject[]): void => { by.set(name, makeClass(name, bases)); };
  mk("Clamped", [DE]);
  mk("InvalidOperation", [DE]);
  mk("DivisionByZero", [DE, PyExc_ZeroDivisionError]);
  mk("Inexact", [DE]);
  mk("Rounded", [DE]);
  mk("Subnormal", [DE]);
  mk("Overflow", [by.get("Inexact")!, by.get("Rounded")!]);
  mk("Underflow", [by.get("Inexact")!, by.get("Rounded")!, by.get("Subnormal")!]);
  mk("FloatOperation", [DE, PyExc_TypeError]);
  const IO = by.get("InvalidOperation")!;
  mk("ConversionSyntax", [IO]);
  mk("DivisionImpossible", [IO]);
  mk("DivisionUndefined", [IO, PyExc_ZeroDivisionError]);
  mk("InvalidContext", [IO]);
  for (const s of signalMap) s.cls = by.get(s.name)!;
  for (const s of condMap) s.cls = by.get(s.name)!;
}

function flagsAsList(flags: number): PyListObject {
  const out: PyVal[] = [];
  for (const c of condMap) if (flags & c.flag) out.push(c.cls!);
  for (let i = 1; i < signalMap.length; i++) if (flags & signalMap[i].flag) out.push(signalMap[i].cls!);
  return PyList_New(out);
}

function signalsAsList(flags: number): PyListObject {
  const out: PyVal[] = [];
  for (const s of signalMap) if (flags & s.flag) out.push(s.cls!);
  return PyList_New(out);
}

/** dec_addstatus: record the conditions and raise the first trapped one. */
function addStatus(ctx: PyDecContextObject, status: number): void {
  ctx.status |= status;
  const trapped = status & ctx.traps;
  if (trapped) {
    let ex: PyTypeObject | null = null;
    for (const s of signalMap) if (trapped & s.flag) { ex = s.cls; break; }
    PyErr_SetObject(ex!, flagsAsList(trapped));
  }
}

function signalFlag(v: PyVal): number {
  for (const s of signalMap) if (s.cls === v) return s.flag;
  return PyErr_SetObject(PyExc_KeyError, PyUnicode_FromString(
    "valid values for signals are:\n  [InvalidOperation, FloatOperation, DivisionByZero,\n   Overflow, Underflow, Subnormal, Inexact, Rounded,\n   Clamped]"));
}

// ---- the current context ----

let templates: { def: PyDecContextObject; basic: PyDecContextObject; ext: PyDecContextObject } | null = null;
let currentContext: PyDecContextObject | null = null;
let contextVar: PyVal | null | undefined;
_PyGC_AddRoot("_decimal", () => [templates, currentContext, contextVar, rationalType, decimalTuple, signalDictType]);

function newContext(type: PyTypeObject = PyDecContext_Type): PyDecContextObject {
  return new PyDecContextObject(type);
}

function contextCopy(c: PyDecContextObject, type: PyTypeObject = PyDecContext_Type): PyDecContextObject {
  const r = newContext(type);
  r.prec = c.prec; r.emax = c.emax; r.emin = c.emin; r.precB = c.precB; r.emaxB = c.emaxB; r.eminB = c.eminB; r.round = c.round; r.clamp = c.clamp; r.capitals = c.capitals;
  r.traps = c.traps; r.status = c.status;
  return r;
}

function getTemplates(): NonNullable<typeof templates> {
  if (templates === null) {
    const def = newContext();
    const basic = newContext();
    basic.prec = 9; basic.precB = 9n; basic.round = M.ROUND_HALF_UP;
    basic.traps |= M.MPD_Clamped | M.MPD_Underflow;
    const ext = newContext();
    ext.prec = 9; ext.precB = 9n; ext.traps = 0;
    templates = { def, basic, ext };
  }
  return templates;
}

/** The ContextVar holding the current context when `_contextvars` exists (HAVE_CONTEXTVAR), else null. */
function getContextVar(): PyVal | null {
  if (contextVar === undefined) {
    contextVar = null;
    try {
      const mod = PyImport_ImportModule("_contextvars");
      const cv = PyObject_GetAttrStr(mod, "ContextVar")!;
      contextVar = PyObject_CallOneArg(cv, PyUnicode_FromString("decimal_context"));
    } catch {
      contextVar = null;
    }
  }
  return contextVar;
}

function getContext(): PyDecContextObject {
  const cv = getContextVar();
  if (cv !== null) {
    const v = PyObject_CallMethod(cv, "get", [Py_None]);
    if (v instanceof PyDecContextObject) return v;
    const c = contextCopy(getTemplates().def);
    PyObject_CallMethod(cv, "set", [c]);
    return c;
  }
  if (currentContext === null) currentContext = contextCopy(getTemplates().def);
  return currentContext;
}

function setContext(v: PyVal): void {
  if (!(v instanceof PyDecContextObject)) return PyErr_Format(PyExc_TypeError, "argument must be a context") as never;
  const t = getTemplates();
  let c = v;
  if (v === t.def || v === t.basic || v === t.ext) { c = contextCopy(v); c.status = 0; }
  const cv = getContextVar();
  if (cv !== null) PyObject_CallMethod(cv, "set", [c]);
  else currentContext = c;
}

function ctxArg(v: PyVal | undefined): PyDecContextObject {
  if (v === undefined || v === Py_None) return getContext();
  if (!(v instanceof PyDecContextObject)) return PyErr_Format(PyExc_TypeError, "optional argument must be a context");
  return v;
}

// ---- conversions to Dec ----

function decOf(v: PyVal): Dec { return (v as PyDecObject).dec; }
export function PyDec_Check(v: PyVal): v is PyDecObject { return v instanceof PyDecObject; }

function newDec(d: Dec, type: PyTypeObject = PyDec_Type): PyDecObject { return new PyDecObject(type, d); }

function decFromBigInt(n: bigint): Dec { return n < 0n ? M.finite(1, -n, 0) : M.finite(0, n, 0); }

function intValue(v: PyVal): bigint { const x = longValue(v); return typeof x === "bigint" ? x : BigInt(x); }

/** Exact value of a double as a Dec (PyDecType_FromFloatExact). */
function decFromDouble(x: number): Dec {
  if (Number.isNaN(x)) {
    const b = new DataView(new ArrayBuffer(8));
    b.setFloat64(0, x);
    return M.special(b.getUint8(0) >> 7, M.NAN);
  }
  const sign = x < 0 || Object.is(x, -0) ? 1 : 0;
  if (!Number.isFinite(x)) return M.special(sign, M.INF);
  let a = Math.abs(x);
  if (a === 0) return M.finite(sign, 0n, 0);
  // a = m * 2^e with m an integer.
  let e = 0;
  while (!Number.isInteger(a)) { a *= 2; e--; }
  let m = BigInt(a);
  while (m > 1n && (m & 1n) === 0n && e < 0) { m >>= 1n; e++; }
  if (e >= 0) return M.finite(sign, m << BigInt(e), 0);
  // m / 2^k = m * 5^k / 10^k
  return M.finite(sign, m * 5n ** BigInt(-e), e);
}

/** numeric_as_ascii: strip whitespace (optionally), drop underscores, map Unicode digits to ASCII. Null if invalid. */
function numericAsAscii(s: string, stripWs: boolean, ignoreUnderscores: boolean): string | null {
  let cps = codePoints(s);
  if (stripWs) {
    let i = 0, j = cps.length;
    while (i < j && _PyUnicode_IsWhitespace(cps[i])) i++;
    while (j > i && _PyUnicode_IsWhitespace(cps[j - 1])) j--;
    cps = cps.slice(i, j);
  }
  let out = "";
  for (const cp of cps) {
    if (cp === 0x5f && ignoreUnderscores) continue;
    if (cp < 128) { out += String.fromCharCode(cp); continue; }
    if (_PyUnicode_IsWhitespace(cp)) { out += " "; continue; }
    const d = _PyUnicode_ToDecimalDigit(cp);
    if (d < 0) return null;
    out += String.fromCharCode(48 + d);
  }
  return out;
}

/** A string as a Dec, exactly; conversion errors signal in `ctx` and give NaN. */
function decFromString(s: string, ctx: PyDecContextObject, stripWs: boolean): Dec {
  const a = numericAsAscii(s, stripWs, stripWs);
  const d = a === null || a.indexOf("\0") >= 0 ? null : M.parse(a);
  if (d === null) {
    addStatus(ctx, M.MPD_Conversion_syntax);
    return M.special(0, M.NAN);
  }
  if (d === M.PARSE_INVALID) {
    addStatus(ctx, M.MPD_Invalid_operation);
    return M.special(0, M.NAN);
  }
  return d;
}

function decFromTuple(v: PyVal, ctx: PyDecContextObject): Dec {
  let items: readonly PyVal[];
  if (v instanceof PyTupleObject) items = v.ob_item;
  else items = (v as PyListObject).ob_item;
  if (items.length !== 3) return PyErr_Format(PyExc_ValueError, "argument must be a sequence of length 3");
  const [sv, digits, ev] = items;
  if (!PyLong_Check(sv) || (intValue(sv) !== 0n && intValue(sv) !== 1n)) {
    return PyErr_Format(PyExc_ValueError, "sign must be an integer with the value 0 or 1");
  }
  const sign = Number(intValue(sv));
  let kind = M.FINITE, exp = 0;
  if (PyUnicode_Check(ev)) {
    const t = ev.value;
    if (t === "F") kind = M.INF;
    else if (t === "n") kind = M.NAN;
    else if (t === "N") kind = M.SNAN;
    else return PyErr_Format(PyExc_ValueError, "string argument in the third position must be 'F', 'n' or 'N'");
  } else if (PyLong_Check(ev)) {
    const e = intValue(ev);
    if (e > 4000000000000000000n || e < -4000000000000000000n) { addStatus(ctx, M.MPD_Invalid_operation); return M.special(0, M.NAN); }
    exp = Number(e);
  } else return PyErr_Format(PyExc_ValueError, "exponent must be an integer");
  if (!(digits instanceof PyTupleObject) && !(digits instanceof PyListObject)) {
    return PyErr_Format(PyExc_ValueError, "coefficient must be a tuple of digits");
  }
  let s = "";
  for (const d of digits.ob_item) {
    if (!PyLong_Check(d)) return PyErr_Format(PyExc_ValueError, "coefficient must be a tuple of digits");
    const n = intValue(d);
    if (n < 0n || n > 9n) return PyErr_Format(PyExc_ValueError, "coefficient must be a tuple of digits");
    s += n.toString();
  }
  if (kind === M.INF) return M.special(sign, M.INF);
  const c = s === "" ? 0n : BigInt(s);
  if (kind !== M.FINITE) return M.special(sign, kind, c);
  return M.finite(sign, c, exp);
}

function typeName(v: PyVal): string { return Py_TYPE(v).tp_name; }

/** PyDecType_FromObjectExact: Decimal(v, context), exact. */
function decFromObjectExact(v: PyVal, ctx: PyDecContextObject): Dec {
  if (v instanceof PyDecObject) return M.copy(v.dec);
  if (PyUnicode_Check(v)) return decFromString(v.value, ctx, true);
  if (PyLong_Check(v)) return decFromBigInt(intValue(v));
  if (v instanceof PyTupleObject || v instanceof PyListObject) return decFromTuple(v, ctx);
  if (PyFloat_Check(v)) {
    addStatus(ctx, M.MPD_Float_operation);
    return decFromDouble(v.ob_fval);
  }
  return PyErr_Format(PyExc_TypeError, `conversion from ${typeName(v)} to Decimal is not supported`);
}

/** The operand conversion of arithmetic (convert_op): Decimal and int only. Null: not convertible. */
function convertOp(v: PyVal): Dec | null {
  if (v instanceof PyDecObject) return v.dec;
  if (PyLong_Check(v)) return decFromBigInt(intValue(v));
  return null;
}

/** convert_op_raise: as convertOp, or TypeError. */
function convertRaise(v: PyVal): Dec {
  const d = convertOp(v);
  if (d === null) return PyErr_Format(PyExc_TypeError, `conversion from ${typeName(v)} to Decimal is not supported`);
  return d;
}

/** Run one mpdecimal operation and merge its conditions into the context. */
function run<T>(ctx: PyDecContextObject, f: (st: Status) => T): T {
  const st = new Status();
  let r: T;
  try {
    r = f(st);
  } catch (e) {
    // libmpdec fails with MPD_Malloc_error when a result needs more digits than memory holds.
    if (e instanceof M.DecimalMemoryError || e instanceof RangeError) return PyErr_SetObject(PyExc_MemoryError, null);
    throw e;
  }
  if (st.flags) addStatus(ctx, st.flags);
  return r;
}

// ---- Decimal construction ----

function dec_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [v, c] = parseArgs("Decimal", args, kwnames, ["value", "context"], 0, 2);
  const ctx = ctxArg(c);
  const d = v === undefined ? M.finite(0, 0n, 0) : decFromObjectExact(v, ctx);
  return newDec(d, type);
}

function ctx_create_decimal(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const ctx = self as PyDecContextObject;
  const [v] = parseArgs("create_decimal", args, kwnames, ["num"], 0, 1);
  let d: Dec;
  if (v === undefined) d = M.finite(0, 0n, 0);
  else if (PyUnicode_Check(v)) d = decFromString(v.value, ctx, false);
  else d = decFromObjectExact(v, ctx);
  if (M.isNaN_(d) && d.coeff !== 0n && M.ndigits(d.coeff) > ctx.prec - ctx.clamp) {
    addStatus(ctx, M.MPD_Conversion_syntax);
    return newDec(M.special(0, M.NAN));
  }
  return newDec(run(ctx, (st) => M.finalize(M.copy(d), ctx, st)));
}

function floatArg(v: PyVal): Dec {
  if (PyLong_Check(v)) return decFromBigInt(intValue(v));
  if (PyFloat_Check(v)) return decFromDouble(v.ob_fval);
  return PyErr_Format(PyExc_TypeError, "argument must be int or float");
}

function dec_from_float(type: PyVal, v: PyVal): PyVal {
  const d = newDec(floatArg(v));
  if (type === PyDec_Type) return d;
  return PyObject_CallOneArg(type, d);
}

// ---- Decimal: string forms ----

function dec_str(self: PyVal): PyUnicodeObject {
  return PyUnicode_FromString(M.toString(decOf(self), false, getContext().capitals === 1));
}

function dec_repr(self: PyVal): PyUnicodeObject {
  return PyUnicode_FromString(`Decimal('${M.toString(decOf(self), false, getContext().capitals === 1)}')`);
}

// ---- hashing ----

const HASH_MODULUS = (1n << 61n) - 1n;
const HASH_10INV = 2075258708292324556n; // pow(10, HASH_MODULUS - 2, HASH_MODULUS)
function powmodBig(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) { if (e & 1n) r = r * b % m; b = b * b % m; e >>= 1n; }
  return r;
}

function dec_hash(self: PyVal): number {
  const d = decOf(self);
  if (d.kind === M.SNAN) return PyErr_Format(PyExc_TypeError, "Cannot hash a signaling NaN value");
  let h: bigint;
  if (d.kind === M.NAN) {
    return PyBaseObject_Type.tp_hash!(self);
  } else if (d.kind === M.INF) h = d.sign ? -314159n : 314159n;
  else {
    const p = d.exp >= 0 ? powmodBig(10n, BigInt(d.exp), HASH_MODULUS) : powmodBig(HASH_10INV, BigInt(-d.exp), HASH_MODULUS);
    h = (d.coeff % HASH_MODULUS) * p % HASH_MODULUS;
    if (d.sign) h = -h;
    if (h === -1n) h = -2n;
  }
  hashFromBigInt(h);
  Py_HashHi[0] = hashOut[1];
  return hashOut[0];
}

// ---- comparisons ----

function dec_richcompare(v: PyVal, w: PyVal, op: number): PyVal {
  const ctx = getContext();
  const a = decOf(v);
  let b: Dec | null = convertOp(w);
  let scaledA = a;
  if (b === null) {
    if (PyFloat_Check(w)) {
      if (op !== Py_EQ && op !== Py_NE) addStatus(ctx, M.MPD_Float_operation);
      else ctx.status |= M.MPD_Float_operation;
      b = decFromDouble(w.ob_fval);
    } else if (w instanceof PyComplexObject && (op === Py_EQ || op === Py_NE)) {
      if (w.imag !== 0) return Py_NotImplemented;
      ctx.status |= M.MPD_Float_operation;
      b = decFromDouble(w.real);
    } else if (isRational(w)) {
      // Compare a * denominator with the numerator, exactly.
      const num = intValue(PyNumber_Index(PyObject_GetAttrStr(w, "numerator")!));
      const den = intValue(PyNumber_Index(PyObject_GetAttrStr(w, "denominator")!));
      b = decFromBigInt(num);
      if (a.kind === M.FINITE) scaledA = M.finite(a.sign, a.coeff * den, a.exp);
    } else return Py_NotImplemented;
  }
  if (M.isNaN_(scaledA) || M.isNaN_(b)) {
    if (scaledA.kind === M.SNAN || b.kind === M.SNAN || (op !== Py_EQ && op !== Py_NE)) addStatus(ctx, M.MPD_Invalid_operation);
    return PyBool_FromLong(op === Py_NE);
  }
  const c = M.cmpNum(scaledA, b);
  let r: boolean;
  switch (op) {
    case Py_EQ: r = c === 0; break;
    case Py_NE: r = c !== 0; break;
    case Py_LT: r = c < 0; break;
    case Py_LE: r = c <= 0; break;
    case Py_GT: r = c > 0; break;
    case Py_GE: r = c >= 0; break;
    default: return Py_NotImplemented;
  }
  return PyBool_FromLong(r);
}

let rationalType: PyVal | null = null;
function isRational(w: PyVal): boolean {
  if (rationalType === null) {
    const numbers = PyImport_ImportModule("numbers");
    rationalType = PyObject_GetAttrStr(numbers, "Rational")!;
  }
  return PyObject_IsInstance(w, rationalType);
}

// ---- number slots ----

function binop(f: (a: Dec, b: Dec, ctx: PyDecContextObject, st: Status) => Dec): (v: PyVal, w: PyVal) => PyVal {
  return (v, w) => {
    const a = convertOp(v), b = convertOp(w);
    if (a === null || b === null) return Py_NotImplemented;
    const ctx = getContext();
    return newDec(run(ctx, (st) => f(a, b, ctx, st)));
  };
}

function dec_divmod(v: PyVal, w: PyVal): PyVal {
  const a = convertOp(v), b = convertOp(w);
  if (a === null || b === null) return Py_NotImplemented;
  const ctx = getContext();
  const [q, r] = run(ctx, (st) => M.divmod(a, b, ctx, st));
  return PyTuple_New([newDec(q), newDec(r)]);
}

function dec_pow(v: PyVal, w: PyVal, m: PyVal): PyVal {
  const a = convertOp(v), b = convertOp(w);
  if (a === null || b === null) return Py_NotImplemented;
  const ctx = getContext();
  if (m === Py_None) return newDec(run(ctx, (st) => M.power(a, b, ctx, st)));
  const c = convertOp(m);
  if (c === null) return Py_NotImplemented;
  return newDec(run(ctx, (st) => M.powmod(a, b, c, ctx, st)));
}

function unop(f: (a: Dec, ctx: PyDecContextObject, st: Status) => Dec): (v: PyVal) => PyVal {
  return (v) => { const ctx = getContext(); return newDec(run(ctx, (st) => f(decOf(v), ctx, st))); };
}

/** The value as a Python int, rounded with `round` (dec_as_long). */
function decToInt(d: Dec, round: number): PyVal {
  if (d.kind === M.NAN || d.kind === M.SNAN) return PyErr_Format(PyExc_ValueError, "cannot convert NaN to integer");
  if (d.kind === M.INF) return PyErr_Format(PyExc_OverflowError, "cannot convert Infinity to integer");
  const v = d.exp >= 0 ? d.coeff * M.pow10(d.exp) : M.rescale(d, 0, round)[0].coeff;
  return PyLong_FromBigInt(d.sign ? -v : v);
}

function dec_float(v: PyVal): PyVal {
  const d = decOf(v);
  if (d.kind === M.SNAN) return PyErr_Format(PyExc_ValueError, "cannot convert signaling NaN to float");
  if (d.kind === M.NAN) return PyFloat_FromDouble(d.sign ? -NaN : NaN);
  const s = M.toString(d, false, true);
  return PyFloat_FromDouble(d.kind === M.INF ? (d.sign ? -Infinity : Infinity) : parseFloat(s));
}

// ---- __format__ ----

interface FormatSpec {
  fill: string; align: string; sign: string; noNeg0: boolean; alt: boolean; zeropad: boolean; width: number;
  comma: boolean; precision: number | null; type: string | null;
}

function invalidFormat(): never { return PyErr_Format(PyExc_ValueError, "invalid format string"); }

function parseSpecInt(s: string): number {
  const n = BigInt(s);
  if (n > 9223372036854775807n) return PyErr_Format(PyExc_OverflowError, "cannot fit 'int' into an index-sized integer");
  return Number(n);
}

function parseFormatSpec(spec: string): FormatSpec {
  const cps = codePoints(spec);
  let i = 0;
  const r: FormatSpec = { fill: " ", align: ">", sign: "-", noNeg0: false, alt: false, zeropad: false, width: 0, comma: false, precision: null, type: null };
  const ch = (k: number): string => k < cps.length ? String.fromCodePoint(cps[k]) : "";
  let alignGiven = false;
  if (cps.length >= 2 && "<>=^".includes(ch(1)) && ch(1) !== "") {
    r.fill = ch(0); r.align = ch(1); i = 2; alignGiven = true;
  } else if (cps.length >= 1 && "<>=^".includes(ch(0)) && ch(0) !== "") {
    r.align = ch(0); i = 1; alignGiven = true;
  }
  if (ch(i) !== "" && "+- ".includes(ch(i))) { r.sign = ch(i); i++; }
  if (ch(i) === "z") { r.noNeg0 = true; i++; }
  if (ch(i) === "#") { r.alt = true; i++; }
  if (ch(i) === "0") {
    if (alignGiven) invalidFormat();
    r.zeropad = true; r.fill = "0"; r.align = "="; i++;
  }
  let w = "";
  while (i < cps.length && cps[i] >= 48 && cps[i] <= 57) { w += ch(i); i++; }
  if (w !== "") {
    if (w[0] === "0") invalidFormat();
    r.width = parseSpecInt(w);
  }
  if (ch(i) === ",") { r.comma = true; i++; }
  if (ch(i) === ".") {
    i++;
    let p = "";
    while (i < cps.length && cps[i] >= 48 && cps[i] <= 57) { p += ch(i); i++; }
    if (p === "") invalidFormat();
    r.precision = parseSpecInt(p);
  }
  if (i < cps.length && "eEfFgGn%".includes(ch(i)) && ch(i) !== "") { r.type = ch(i); i++; }
  if (i !== cps.length) invalidFormat();
  if (r.type === "n" && r.comma) invalidFormat();
  return r;
}

function formatAlign(sign: string, body: string, spec: FormatSpec): string {
  const len = codePoints(sign + body).length;
  const pad = Math.max(0, spec.width - len);
  const padding = spec.fill.repeat(pad);
  switch (spec.align) {
    case "<": return sign + body + padding;
    case "=": return sign + padding + body;
    case "^": { const half = Math.floor(pad / 2); return spec.fill.repeat(half) + sign + body + spec.fill.repeat(pad - half); }
    default: return padding + sign + body;
  }
}

function insertThousands(digits: string, sep: string, minWidth: number): string {
  if (sep === "") {
    const l = Math.max(digits.length, minWidth, 1);
    return "0".repeat(l - digits.length) + digits;
  }
  const groups: string[] = [];
  for (;;) {
    const l = Math.min(Math.max(digits.length, minWidth, 1), 3);
    groups.push("0".repeat(Math.max(0, l - digits.length)) + digits.slice(Math.max(0, digits.length - l)));
    digits = digits.slice(0, Math.max(0, digits.length - l));
    minWidth -= l;
    if (digits === "" && minWidth <= 0) break;
    minWidth -= sep.length;
  }
  return groups.reverse().join(sep);
}

function decFormat(d0: Dec, specText: string, ctx: PyDecContextObject): string {
  const spec = parseFormatSpec(specText);
  const signOf = (neg: boolean): string => neg ? "-" : (spec.sign === "+" || spec.sign === " " ? spec.sign : "");
  if (d0.kind !== M.FINITE) {
    const abs = M.copy(d0);
    abs.sign = 0;
    let body = M.toString(abs, false, true);
    if (spec.type === "%") body += "%";
    // Zero padding does not apply to special values: they are right-aligned with spaces.
    const s2 = spec.zeropad ? { ...spec, fill: " ", align: ">" } : spec;
    return formatAlign(signOf(d0.sign === 1), body, s2);
  }
  let type = spec.type;
  let precision = spec.precision;
  if (precision === 0 && (type === null || type === "g" || type === "G" || type === "n")) precision = 1;
  if (type === "n") type = "g";
  if (type === null) type = ctx.capitals ? "G" : "g";
  let d = M.copy(d0);
  if (type === "%") d.exp += 2;
  const rounding = ctx.round;
  // _round: exactly `places` significant digits (padding with zeros), a carry rescaled once more.
  const roundDigits = (x: Dec, places: number): Dec => {
    if (x.coeff === 0n) return x;
    const adj = M.adjexp(x);
    let [r] = M.rescale(x, adj + 1 - places, rounding);
    if (M.adjexp(r) !== adj) r = M.rescale(r, M.adjexp(r) + 1 - places, rounding)[0];
    return r;
  };
  if (precision !== null) {
    if (type === "e" || type === "E") d = roundDigits(d, precision + 1);
    else if (type === "f" || type === "F" || type === "%") d = M.rescale(d, -precision, rounding)[0];
    else if ((type === "g" || type === "G") && M.ndigits(d.coeff) > precision) d = roundDigits(d, precision);
  }
  if (d.coeff === 0n && d.exp > 0 && (type === "f" || type === "F" || type === "%")) d = M.rescale(d, 0, rounding)[0];
  const neg = d.sign === 1 && !(d.coeff === 0n && spec.noNeg0);
  const digits = d.coeff.toString();
  const leftdigits = d.exp + digits.length;
  let dotplace: number;
  if (type === "e" || type === "E") dotplace = d.coeff === 0n && precision !== null ? 1 - precision : 1;
  else if (type === "f" || type === "F" || type === "%") dotplace = leftdigits;
  else dotplace = d.exp <= 0 && leftdigits > -6 ? leftdigits : 1;
  let intpart: string, fracpart: string;
  if (dotplace < 0) { intpart = "0"; fracpart = "0".repeat(-dotplace) + digits; }
  else if (dotplace > digits.length) { intpart = digits + "0".repeat(dotplace - digits.length); fracpart = ""; }
  else { intpart = digits.slice(0, dotplace) || "0"; fracpart = digits.slice(dotplace); }
  const exp = leftdigits - dotplace;
  const sign = signOf(neg);
  if (fracpart !== "" || spec.alt) fracpart = "." + fracpart;
  if (exp !== 0 || type === "e" || type === "E") {
    const echar = type === "E" || type === "G" ? "E" : "e";
    fracpart += echar + (exp >= 0 ? "+" : "-") + Math.abs(exp);
  }
  if (type === "%") fracpart += "%";
  const minWidth = spec.zeropad ? spec.width - fracpart.length - sign.length : 0;
  intpart = insertThousands(intpart, spec.comma ? "," : "", minWidth);
  return formatAlign(sign, intpart + fracpart, spec.zeropad ? { ...spec, fill: "0", align: "=" } : spec);
}

function dec_format(self: PyVal, args: readonly PyVal[]): PyVal {
  if (args.length < 1 || args.length > 2) return PyErr_Format(PyExc_TypeError, `__format__ expected 1 or 2 arguments, got ${args.length}`);
  const spec = args[0];
  if (!PyUnicode_Check(spec)) return PyErr_Format(PyExc_TypeError, "format arg must be str");
  return PyUnicode_FromString(decFormat(decOf(self), spec.value, getContext()));
}

// ---- Decimal methods ----

type Op1 = (a: Dec, ctx: PyDecContextObject, st: Status) => Dec;
type Op2 = (a: Dec, b: Dec, ctx: PyDecContextObject, st: Status) => Dec;

function method1(name: string, f: Op1): PyMethodDef {
  return {
    name, flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [c] = parseArgs(name, args, kw, ["context"], 0, 1);
      const ctx = ctxArg(c);
      return newDec(run(ctx, (st) => f(decOf(self), ctx, st)));
    },
  };
}

function method2(name: string, f: Op2): PyMethodDef {
  return {
    name, flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [o, c] = parseArgs(name, args, kw, ["other", "context"], 1, 2);
      const ctx = ctxArg(c);
      const b = convertRaise(o!);
      return newDec(run(ctx, (st) => f(decOf(self), b, ctx, st)));
    },
  };
}

function predicate(name: string, f: (a: Dec, ctx: PyDecContextObject) => boolean, withContext: boolean): PyMethodDef {
  if (!withContext) return { name, flags: METH_NOARGS, meth: (self: PyVal) => PyBool_FromLong(f(decOf(self), getContext())) };
  return {
    name, flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [c] = parseArgs(name, args, kw, ["context"], 0, 1);
      return PyBool_FromLong(f(decOf(self), ctxArg(c)));
    },
  };
}

const isNormal = (a: Dec, ctx: Ctx): boolean => a.kind === M.FINITE && a.coeff !== 0n && M.adjexp(a) >= ctx.emin;
const isSubnormal = (a: Dec, ctx: Ctx): boolean => a.kind === M.FINITE && a.coeff !== 0n && M.adjexp(a) < ctx.emin;

function numberClass(a: Dec, ctx: Ctx): string {
  if (a.kind === M.SNAN) return "sNaN";
  if (a.kind === M.NAN) return "NaN";
  const s = a.sign ? "-" : "+";
  if (a.kind === M.INF) return s + "Infinity";
  if (a.coeff === 0n) return s + "Zero";
  return s + (M.adjexp(a) < ctx.emin ? "Subnormal" : "Normal");
}

function roundingArg(v: PyVal | undefined, ctx: PyDecContextObject): number {
  if (v === undefined || v === Py_None) return ctx.round;
  const i = PyUnicode_Check(v) ? ROUNDING_NAMES.indexOf(v.value as typeof ROUNDING_NAMES[number]) : -1;
  if (i < 0) return PyErr_Format(PyExc_TypeError, "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]");
  return i;
}

function toIntegralMethod(name: string, exact: boolean): PyMethodDef {
  return {
    name, flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [r, c] = parseArgs(name, args, kw, ["rounding", "context"], 0, 2);
      const ctx = ctxArg(c);
      const round = roundingArg(r, ctx);
      return newDec(run(ctx, (st) => M.toIntegral(decOf(self), ctx, st, round, exact)));
    },
  };
}

function dec_as_tuple(self: PyVal): PyVal {
  const d = decOf(self);
  let digits: PyVal[];
  let exp: PyVal;
  if (d.kind === M.INF) { digits = [0]; exp = PyUnicode_FromString("F"); }
  else {
    digits = d.coeff === 0n && d.kind !== M.FINITE ? [] : Array.from(d.coeff.toString(), (c) => c.charCodeAt(0) - 48);
    exp = d.kind === M.NAN ? PyUnicode_FromString("n") : d.kind === M.SNAN ? PyUnicode_FromString("N") : d.exp;
  }
  return PyObject_Vectorcall(getDecimalTuple(), [d.sign, PyTuple_New(digits), exp], null);
}

let decimalTuple: PyVal | null = null;
function getDecimalTuple(): PyVal {
  if (decimalTuple === null) {
    const coll = PyImport_ImportModule("collections");
    const nt = PyObject_GetAttrStr(coll, "namedtuple")!;
    decimalTuple = PyObject_Vectorcall(nt, [PyUnicode_FromString("DecimalTuple"), PyUnicode_FromString("sign digits exponent"),
      PyUnicode_FromString("decimal")], [PyUnicode_FromString("module")]);
  }
  return decimalTuple;
}

function dec_as_integer_ratio(self: PyVal): PyVal {
  const d = decOf(self);
  if (d.kind === M.NAN || d.kind === M.SNAN) return PyErr_Format(PyExc_ValueError, "cannot convert NaN to integer ratio");
  if (d.kind === M.INF) return PyErr_Format(PyExc_OverflowError, "cannot convert Infinity to integer ratio");
  let n = d.coeff, den = 1n;
  if (d.exp >= 0) n *= M.pow10(d.exp);
  else den = M.pow10(-d.exp);
  const gcd = (a: bigint, b: bigint): bigint => { while (b) { const t = a % b; a = b; b = t; } return a; };
  const g = n === 0n ? den : gcd(n, den);
  n /= g; den /= g;
  return PyTuple_New([PyLong_FromBigInt(d.sign ? -n : n), PyLong_FromBigInt(den)]);
}

function dec_round(self: PyVal, args: readonly PyVal[]): PyVal {
  const d = decOf(self);
  const ctx = getContext();
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `__round__ expected at most 1 argument, got ${args.length}`);
  if (args.length === 1 && args[0] !== Py_None) {
    const x = args[0];
    if (!PyLong_Check(x)) return PyErr_Format(PyExc_TypeError, "optional arg must be an integer");
    const n = intValue(x);
    const q = M.finite(0, 1n, Number(-n));
    return newDec(run(ctx, (st) => M.quantize(d, q, ctx, st)));
  }
  return decToInt(d, M.ROUND_HALF_EVEN);
}

const decimalMethods: PyMethodDef[] = [
  method1("exp", M.exp), method1("ln", M.ln), method1("log10", M.log10),
  method1("next_minus", M.nextMinus), method1("next_plus", M.nextPlus),
  method1("normalize", M.reduce), method1("sqrt", M.sqrt), method1("logb", M.logb),
  {
    name: "logical_invert", flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [c] = parseArgs("logical_invert", args, kw, ["context"], 0, 1);
      const ctx = ctxArg(c);
      return newDec(run(ctx, (st) => M.logical(decOf(self), null, ctx, st, "invert")));
    },
  },
  toIntegralMethod("to_integral", false), toIntegralMethod("to_integral_exact", true), toIntegralMethod("to_integral_value", false),
  method2("compare", M.compare), method2("compare_signal", M.compareSignal),
  method2("max", (a, b, c, st) => M.maxmin(a, b, c, st, true, false)), method2("max_mag", (a, b, c, st) => M.maxmin(a, b, c, st, true, true)),
  method2("min", (a, b, c, st) => M.maxmin(a, b, c, st, false, false)), method2("min_mag", (a, b, c, st) => M.maxmin(a, b, c, st, false, true)),
  method2("next_toward", M.nextToward), method2("remainder_near", M.remNear),
  method2("logical_and", (a, b, c, st) => M.logical(a, b, c, st, "and")),
  method2("logical_or", (a, b, c, st) => M.logical(a, b, c, st, "or")),
  method2("logical_xor", (a, b, c, st) => M.logical(a, b, c, st, "xor")),
  method2("rotate", M.rotate), method2("scaleb", M.scaleb), method2("shift", M.shift),
  {
    name: "fma", flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [o, t, c] = parseArgs("fma", args, kw, ["other", "third", "context"], 2, 3);
      const ctx = ctxArg(c);
      const b = convertRaise(o!), cc = convertRaise(t!);
      return newDec(run(ctx, (st) => M.fma(decOf(self), b, cc, ctx, st)));
    },
  },
  {
    name: "quantize", flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [e, r, c] = parseArgs("quantize", args, kw, ["exp", "rounding", "context"], 1, 3);
      const ctx = ctxArg(c);
      const b = convertRaise(e!);
      const round = roundingArg(r, ctx);
      const w = round === ctx.round ? ctx : Object.assign(contextCopy(ctx), { round });
      const st = new Status();
      const res = M.quantize(decOf(self), b, w, st);
      if (st.flags) addStatus(ctx, st.flags);
      return newDec(res);
    },
  },
  predicate("is_canonical", () => true, false),
  predicate("is_finite", (a) => a.kind === M.FINITE, false),
  predicate("is_infinite", (a) => a.kind === M.INF, false),
  predicate("is_nan", (a) => M.isNaN_(a), false),
  predicate("is_qnan", (a) => a.kind === M.NAN, false),
  predicate("is_snan", (a) => a.kind === M.SNAN, false),
  predicate("is_signed", (a) => a.sign === 1, false),
  predicate("is_zero", (a) => M.isZero(a), false),
  predicate("is_normal", isNormal, true),
  predicate("is_subnormal", isSubnormal, true),
  {
    name: "number_class", flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [c] = parseArgs("number_class", args, kw, ["context"], 0, 1);
      return PyUnicode_FromString(numberClass(decOf(self), ctxArg(c)));
    },
  },
  {
    name: "to_eng_string", flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [c] = parseArgs("to_eng_string", args, kw, ["context"], 0, 1);
      return PyUnicode_FromString(M.toString(decOf(self), true, ctxArg(c).capitals === 1));
    },
  },
  {
    name: "adjusted", flags: METH_NOARGS,
    meth: (self: PyVal) => { const d = decOf(self); return d.kind !== M.FINITE ? 0 : M.adjexp(d); },
  },
  { name: "canonical", flags: METH_NOARGS, meth: (self: PyVal) => self },
  { name: "conjugate", flags: METH_NOARGS, meth: (self: PyVal) => self },
  { name: "radix", flags: METH_NOARGS, meth: () => newDec(M.finite(0, 10n, 0)) },
  { name: "copy_abs", flags: METH_NOARGS, meth: (self: PyVal) => { const r = M.copy(decOf(self)); r.sign = 0; return newDec(r); } },
  { name: "copy_negate", flags: METH_NOARGS, meth: (self: PyVal) => { const r = M.copy(decOf(self)); r.sign ^= 1; return newDec(r); } },
  {
    name: "copy_sign", flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [o, c] = parseArgs("copy_sign", args, kw, ["other", "context"], 1, 2);
      ctxArg(c);
      return newDec(M.copySign(decOf(self), convertRaise(o!)));
    },
  },
  {
    name: "compare_total", flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [o, c] = parseArgs("compare_total", args, kw, ["other", "context"], 1, 2);
      ctxArg(c);
      const r = M.cmpTotal(decOf(self), convertRaise(o!));
      return newDec(M.finite(r < 0 ? 1 : 0, BigInt(Math.abs(r)), 0));
    },
  },
  {
    name: "compare_total_mag", flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [o, c] = parseArgs("compare_total_mag", args, kw, ["other", "context"], 1, 2);
      ctxArg(c);
      const a = M.copy(decOf(self)), b = M.copy(convertRaise(o!));
      a.sign = 0; b.sign = 0;
      const r = M.cmpTotal(a, b);
      return newDec(M.finite(r < 0 ? 1 : 0, BigInt(Math.abs(r)), 0));
    },
  },
  {
    name: "same_quantum", flags: METH_FASTCALL | METH_KEYWORDS,
    meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
      const [o, c] = parseArgs("same_quantum", args, kw, ["other", "context"], 1, 2);
      ctxArg(c);
      return PyBool_FromLong(sameQuantum(decOf(self), convertRaise(o!)));
    },
  },
  { name: "as_tuple", flags: METH_NOARGS, meth: dec_as_tuple },
  { name: "as_integer_ratio", flags: METH_NOARGS, meth: dec_as_integer_ratio },
  { name: "from_float", flags: METH_O | METH_CLASS, meth: dec_from_float },
  { name: "__round__", flags: METH_FASTCALL, meth: dec_round },
  { name: "__ceil__", flags: METH_NOARGS, meth: (self: PyVal) => decToInt(decOf(self), M.ROUND_CEILING) },
  { name: "__floor__", flags: METH_NOARGS, meth: (self: PyVal) => decToInt(decOf(self), M.ROUND_FLOOR) },
  { name: "__trunc__", flags: METH_NOARGS, meth: (self: PyVal) => decToInt(decOf(self), M.ROUND_DOWN) },
  { name: "__complex__", flags: METH_NOARGS, meth: (self: PyVal) => {
    const f = dec_float(self);
    const complex = PyObject_GetAttrStr(PyImport_ImportModule("builtins"), "complex")!;
    return PyObject_CallOneArg(complex, f);
  } },
  { name: "__copy__", flags: METH_NOARGS, meth: (self: PyVal) => self },
  { name: "__deepcopy__", flags: METH_O, meth: (self: PyVal) => self },
  { name: "__reduce__", flags: METH_NOARGS, meth: (self: PyVal) => PyTuple_New([Py_TYPE(self), PyTuple_New([dec_str(self)])]) },
  { name: "__format__", flags: METH_FASTCALL, meth: dec_format },
  { name: "__sizeof__", flags: METH_NOARGS, meth: (self: PyVal) => 104 + 8 * Math.ceil(M.ndigits(decOf(self).coeff) / 19) },
];

function sameQuantum(a: Dec, b: Dec): boolean {
  if (a.kind !== M.FINITE || b.kind !== M.FINITE) {
    return (M.isNaN_(a) && M.isNaN_(b)) || (a.kind === M.INF && b.kind === M.INF);
  }
  return a.exp === b.exp;
}

PyType_FromSpecStatic({
  name: "decimal.Decimal",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Decimal(value=\"0\", context=None)\n--\n\nConstruct a new Decimal object. 'value' can be an integer, string, tuple,\nor another Decimal object. If no value is given, return Decimal('0'). The\ncontext does not affect the conversion and is only passed to determine if\nthe InvalidOperation trap is active.\n\n",
  slots: {
    tp_new: dec_new, tp_repr: dec_repr, tp_str: dec_str, tp_hash: dec_hash, tp_richcompare: dec_richcompare,
    nb_add: binop((a, b, c, st) => M.add(a, b, c, st)),
    nb_subtract: binop((a, b, c, st) => M.add(a, b, c, st, true)),
    nb_multiply: binop(M.mul), nb_true_divide: binop(M.div), nb_floor_divide: binop(M.divint),
    nb_remainder: binop(M.rem), nb_divmod: dec_divmod, nb_power: dec_pow,
    nb_negative: unop(M.minus), nb_positive: unop(M.plus), nb_absolute: unop(M.abs),
    nb_bool: (v: PyVal) => !M.isZero(decOf(v)),
    nb_int: (v: PyVal) => decToInt(decOf(v), M.ROUND_DOWN),
    nb_float: dec_float,
  },
  methods: decimalMethods,
  getset: [
    { name: "real", get: (self: PyVal) => self },
    { name: "imag", get: () => newDec(M.finite(0, 0n, 0)) },
  ],
}, PyDec_Type);

// ---- Context ----

function intAttr(v: PyVal | null): bigint {
  if (v === null) return PyErr_Format(PyExc_AttributeError, "context attributes cannot be deleted");
  if (!PyLong_Check(v)) return PyErr_Format(PyExc_TypeError, "an integer is required");
  return intValue(v);
}

// prec, Emax and Emin go up to 10**18 - 1: the arithmetic reads them as doubles (exact below 2**53, and any
// precision or exponent beyond that is unreachable in practice); the getters and repr give the exact values.
function setPrec(c: PyDecContextObject, v: PyVal | null): void {
  const n = intAttr(v);
  if (n < 1n || n > MAX_PREC_B) PyErr_Format(PyExc_ValueError, "valid range for prec is [1, MAX_PREC]");
  c.prec = Number(n); c.precB = n;
}
function setEmax(c: PyDecContextObject, v: PyVal | null): void {
  const n = intAttr(v);
  if (n < 0n || n > MAX_PREC_B) PyErr_Format(PyExc_ValueError, "valid range for Emax is [0, MAX_EMAX]");
  c.emax = Number(n); c.emaxB = n;
}
function setEmin(c: PyDecContextObject, v: PyVal | null): void {
  const n = intAttr(v);
  if (n > 0n || n < -MAX_PREC_B) PyErr_Format(PyExc_ValueError, "valid range for Emin is [MIN_EMIN, 0]");
  c.emin = Number(n); c.eminB = n;
}
function setRounding(c: PyDecContextObject, v: PyVal | null): void {
  if (v === null) PyErr_Format(PyExc_AttributeError, "context attributes cannot be deleted");
  c.round = roundingArg(v ?? PyUnicode_FromString("x"), c);
}
function set01(c: PyDecContextObject, v: PyVal | null, which: "capitals" | "clamp"): void {
  const n = intAttr(v);
  if (n !== 0n && n !== 1n) PyErr_Format(PyExc_ValueError, `valid values for ${which} are 0 or 1`);
  c[which] = Number(n);
}

/** Flags or traps given as a list of signals or a complete dict of signals (context_settraps_list/dict). */
function signalsFrom(v: PyVal): number {
  if (v instanceof PyListObject) {
    let f = 0;
    for (const s of v.ob_item) f |= signalFlag(s);
    return f;
  }
  if (v instanceof SignalDictObject) return v.isTraps ? v.ctx!.traps : v.ctx!.status;
  if (v instanceof PyDictObject) {
    const keys = PyObject_CallMethod(v, "keys", []);
    let n = 0, f = 0;
    const it = PyObject_GetIter(keys);
    for (let k = PyIter_Next(it); k !== undefined; k = PyIter_Next(it)) {
      n++;
      let flag = 0;
      for (const s of signalMap) if (s.cls === k) flag = s.flag;
      if (!flag) return PyErr_SetObject(PyExc_KeyError, PyUnicode_FromString("invalid signal dict"));
      if (PyObject_IsTrue(PyObject_CallMethod(v, "__getitem__", [k]))) f |= flag;
    }
    if (n !== signalMap.length) return PyErr_SetObject(PyExc_KeyError, PyUnicode_FromString("invalid signal dict"));
    return f;
  }
  return PyErr_Format(PyExc_TypeError, `argument must be a signal dict`);
}

function signalDict(c: PyDecContextObject, traps: boolean): PyVal {
  const cached = traps ? c.trapsDict : c.flagsDict;
  if (cached !== null) return cached;
  const d = PyObject_CallNoArgs(getSignalDictType()) as SignalDictObject;
  d.ctx = c;
  d.isTraps = traps;
  if (traps) c.trapsDict = d; else c.flagsDict = d;
  return d;
}

let signalDictType: PyVal | null = null;
function getSignalDictType(): PyVal {
  if (signalDictType === null) {
    const abc = PyImport_ImportModule("collections.abc");
    const mm = PyObject_GetAttrStr(abc, "MutableMapping")!;
    signalDictType = makeClass("SignalDict", [PyDecSignalDictMixin_Type, mm as PyTypeObject], "abc");
  }
  return signalDictType;
}

function ctx_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const c = self as PyDecContextObject;
  const [prec, rounding, emin, emax, capitals, clamp, flags, traps] = parseArgs("Context", args, kwnames,
    ["prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps"], 0, 8);
  const t = getTemplates().def;
  c.prec = t.prec; c.emax = t.emax; c.emin = t.emin; c.precB = t.precB; c.emaxB = t.emaxB; c.eminB = t.eminB; c.round = t.round; c.clamp = t.clamp; c.capitals = t.capitals;
  c.traps = t.traps; c.status = 0;
  if (prec !== undefined && prec !== Py_None) setPrec(c, prec);
  if (rounding !== undefined && rounding !== Py_None) setRounding(c, rounding);
  if (emin !== undefined && emin !== Py_None) setEmin(c, emin);
  if (emax !== undefined && emax !== Py_None) setEmax(c, emax);
  if (capitals !== undefined && capitals !== Py_None) set01(c, capitals, "capitals");
  if (clamp !== undefined && clamp !== Py_None) set01(c, clamp, "clamp");
  if (traps !== undefined && traps !== Py_None) c.traps = signalsFrom(traps);
  if (flags !== undefined && flags !== Py_None) c.status = signalsFrom(flags);
}

/** The signals of a flag word in libmpdec's bit order, InvalidOperation once (mpd_lsnprint_signals). */
const BIT_NAMES = ["Clamped", "InvalidOperation", "DivisionByZero", "InvalidOperation", "InvalidOperation", "InvalidOperation",
  "Inexact", "InvalidOperation", "InvalidOperation", "InvalidOperation", "FloatOperation", "Overflow", "Rounded",
  "Subnormal", "Underflow"] as const;
function signalNames(flags: number): string {
  const out: string[] = [];
  for (let j = 0; j < BIT_NAMES.length; j++) {
    if (flags & (1 << j) && !out.includes(BIT_NAMES[j])) out.push(BIT_NAMES[j]);
  }
  return out.join(", ");
}

function ctx_repr(self: PyVal): PyUnicodeObject {
  const c = self as PyDecContextObject;
  return PyUnicode_FromString(`Context(prec=${c.precB}, rounding=${ROUNDING_NAMES[c.round]}, Emin=${c.eminB}, Emax=${c.emaxB}, ` +
    `capitals=${c.capitals}, clamp=${c.clamp}, flags=[${signalNames(c.status)}], traps=[${signalNames(c.traps)}])`);
}

function ctxMethod1(name: string, f: Op1): PyMethodDef {
  return { name, flags: METH_O, meth: (self: PyVal, x: PyVal) => {
    const ctx = self as PyDecContextObject;
    const a = convertRaise(x);
    return newDec(run(ctx, (st) => f(a, ctx, st)));
  } };
}
function ctxMethod2(name: string, f: Op2): PyMethodDef {
  return { name, flags: METH_FASTCALL, meth: (self: PyVal, args: PyVal[]) => {
    if (args.length !== 2) return PyErr_Format(PyExc_TypeError, `${name} expected 2 arguments, got ${args.length}`);
    const ctx = self as PyDecContextObject;
    const a = convertRaise(args[0]), b = convertRaise(args[1]);
    return newDec(run(ctx, (st) => f(a, b, ctx, st)));
  } };
}
function ctxPredicate(name: string, f: (a: Dec, ctx: PyDecContextObject) => boolean): PyMethodDef {
  return { name, flags: METH_O, meth: (self: PyVal, x: PyVal) => PyBool_FromLong(f(convertRaise(x), self as PyDecContextObject)) };
}

/** Call the Decimal method of the same name with this context (the Context methods that only forward). */
function ctxForward(name: string, nargs: number): PyMethodDef {
  return { name, flags: nargs === 1 ? METH_O : METH_FASTCALL, meth: (self: PyVal, ...rest: PyVal[]) => {
    const args: PyVal[] = nargs === 1 ? [rest[0]] : rest[0] as unknown as PyVal[];
    if (args.length !== nargs) return PyErr_Format(PyExc_TypeError, `${name} expected ${nargs} arguments, got ${args.length}`);
    const a = newDec(convertRaise(args[0]));
    const others = args.slice(1).map((x) => newDec(convertRaise(x)) as PyVal);
    return PyObject_Vectorcall(PyObject_GetAttrStr(a, name)!, [...others, self], [PyUnicode_FromString("context")]);
  } };
}

const contextMethods: PyMethodDef[] = [
  ctxMethod1("abs", M.abs), ctxMethod1("exp", M.exp), ctxMethod1("ln", M.ln), ctxMethod1("log10", M.log10),
  ctxMethod1("logb", M.logb), ctxMethod1("minus", M.minus), ctxMethod1("plus", M.plus),
  ctxMethod1("next_minus", M.nextMinus), ctxMethod1("next_plus", M.nextPlus), ctxMethod1("normalize", M.reduce),
  ctxMethod1("sqrt", M.sqrt), ctxMethod1("logical_invert", (a, c, st) => M.logical(a, null, c, st, "invert")),
  ctxMethod1("to_integral", (a, c, st) => M.toIntegral(a, c, st, c.round, false)),
  ctxMethod1("to_integral_value", (a, c, st) => M.toIntegral(a, c, st, c.round, false)),
  ctxMethod1("to_integral_exact", (a, c, st) => M.toIntegral(a, c, st, c.round, true)),
  ctxMethod2("add", (a, b, c, st) => M.add(a, b, c, st)), ctxMethod2("subtract", (a, b, c, st) => M.add(a, b, c, st, true)),
  ctxMethod2("multiply", M.mul), ctxMethod2("divide", M.div), ctxMethod2("divide_int", M.divint),
  ctxMethod2("remainder", M.rem), ctxMethod2("remainder_near", M.remNear),
  ctxMethod2("compare", M.compare), ctxMethod2("compare_signal", M.compareSignal),
  ctxMethod2("max", (a, b, c, st) => M.maxmin(a, b, c, st, true, false)), ctxMethod2("max_mag", (a, b, c, st) => M.maxmin(a, b, c, st, true, true)),
  ctxMethod2("min", (a, b, c, st) => M.maxmin(a, b, c, st, false, false)), ctxMethod2("min_mag", (a, b, c, st) => M.maxmin(a, b, c, st, false, true)),
  ctxMethod2("next_toward", M.nextToward), ctxMethod2("quantize", M.quantize),
  ctxMethod2("logical_and", (a, b, c, st) => M.logical(a, b, c, st, "and")),
  ctxMethod2("logical_or", (a, b, c, st) => M.logical(a, b, c, st, "or")),
  ctxMethod2("logical_xor", (a, b, c, st) => M.logical(a, b, c, st, "xor")),
  ctxMethod2("rotate", M.rotate), ctxMethod2("scaleb", M.scaleb), ctxMethod2("shift", M.shift),
  ctxPredicate("is_canonical", () => true), ctxPredicate("is_finite", (a) => a.kind === M.FINITE),
  ctxPredicate("is_infinite", (a) => a.kind === M.INF), ctxPredicate("is_nan", (a) => M.isNaN_(a)),
  ctxPredicate("is_qnan", (a) => a.kind === M.NAN), ctxPredicate("is_snan", (a) => a.kind === M.SNAN),
  ctxPredicate("is_signed", (a) => a.sign === 1), ctxPredicate("is_zero", (a) => M.isZero(a)),
  ctxPredicate("is_normal", isNormal), ctxPredicate("is_subnormal", isSubnormal),
  ctxForward("compare_total", 2), ctxForward("compare_total_mag", 2), ctxForward("copy_sign", 2),
  ctxForward("same_quantum", 2),
  { name: "number_class", flags: METH_O, meth: (self: PyVal, x: PyVal) => PyUnicode_FromString(numberClass(convertRaise(x), self as PyDecContextObject)) },
  { name: "to_sci_string", flags: METH_O, meth: (self: PyVal, x: PyVal) => PyUnicode_FromString(M.toString(convertRaise(x), false, (self as PyDecContextObject).capitals === 1)) },
  { name: "to_eng_string", flags: METH_O, meth: (self: PyVal, x: PyVal) => PyUnicode_FromString(M.toString(convertRaise(x), true, (self as PyDecContextObject).capitals === 1)) },
  { name: "canonical", flags: METH_O, meth: (_s: PyVal, x: PyVal) => {
    if (!(x instanceof PyDecObject)) return PyErr_Format(PyExc_TypeError, "argument must be a Decimal");
    return x;
  } },
  { name: "copy_abs", flags: METH_O, meth: (_s: PyVal, x: PyVal) => { const r = M.copy(convertRaise(x)); r.sign = 0; return newDec(r); } },
  { name: "copy_negate", flags: METH_O, meth: (_s: PyVal, x: PyVal) => { const r = M.copy(convertRaise(x)); r.sign ^= 1; return newDec(r); } },
  { name: "copy_decimal", flags: METH_O, meth: (_s: PyVal, x: PyVal) => newDec(M.copy(convertRaise(x))) },
  { name: "radix", flags: METH_NOARGS, meth: () => newDec(M.finite(0, 10n, 0)) },
  { name: "divmod", flags: METH_FASTCALL, meth: (self: PyVal, args: PyVal[]) => {
    if (args.length !== 2) return PyErr_Format(PyExc_TypeError, `divmod expected 2 arguments, got ${args.length}`);
    const ctx = self as PyDecContextObject;
    const a = convertRaise(args[0]), b = convertRaise(args[1]);
    const [q, r] = run(ctx, (st) => M.divmod(a, b, ctx, st));
    return PyTuple_New([newDec(q), newDec(r)]);
  } },
  { name: "fma", flags: METH_FASTCALL, meth: (self: PyVal, args: PyVal[]) => {
    if (args.length !== 3) return PyErr_Format(PyExc_TypeError, `fma expected 3 arguments, got ${args.length}`);
    const ctx = self as PyDecContextObject;
    const [a, b, c] = args.map(convertRaise);
    return newDec(run(ctx, (st) => M.fma(a, b, c, ctx, st)));
  } },
  { name: "power", flags: METH_FASTCALL | METH_KEYWORDS, meth: (self: PyVal, args: PyVal[], kw: PyVal[] | null) => {
    const [x, y, m] = parseArgs("power", args, kw, ["a", "b", "modulo"], 2, 3);
    const ctx = self as PyDecContextObject;
    const a = convertRaise(x!), b = convertRaise(y!);
    if (m === undefined || m === Py_None) return newDec(run(ctx, (st) => M.power(a, b, ctx, st)));
    const c = convertRaise(m);
    return newDec(run(ctx, (st) => M.powmod(a, b, c, ctx, st)));
  } },
  { name: "Etiny", flags: METH_NOARGS, meth: (self: PyVal) => { const c = self as PyDecContextObject; return PyLong_FromBigInt(c.eminB - c.precB + 1n); } },
  { name: "Etop", flags: METH_NOARGS, meth: (self: PyVal) => { const c = self as PyDecContextObject; return PyLong_FromBigInt(c.emaxB - c.precB + 1n); } },
  { name: "copy", flags: METH_NOARGS, meth: (self: PyVal) => contextCopy(self as PyDecContextObject, Py_TYPE(self)) },
  { name: "__copy__", flags: METH_NOARGS, meth: (self: PyVal) => contextCopy(self as PyDecContextObject, Py_TYPE(self)) },
  { name: "clear_flags", flags: METH_NOARGS, meth: (self: PyVal) => { (self as PyDecContextObject).status = 0; return Py_None; } },
  { name: "clear_traps", flags: METH_NOARGS, meth: (self: PyVal) => { (self as PyDecContextObject).traps = 0; return Py_None; } },
  { name: "create_decimal", flags: METH_FASTCALL | METH_KEYWORDS, meth: ctx_create_decimal },
  { name: "create_decimal_from_float", flags: METH_O, meth: (self: PyVal, v: PyVal) => {
    const ctx = self as PyDecContextObject;
    const d = floatArg(v);
    return newDec(run(ctx, (st) => M.finalize(d, ctx, st)));
  } },
  { name: "_apply", flags: METH_O, meth: (self: PyVal, v: PyVal) => {
    const ctx = self as PyDecContextObject;
    const d = M.copy(convertRaise(v));
    return newDec(run(ctx, (st) => M.finalize(d, ctx, st)));
  } },
  { name: "apply", flags: METH_O, meth: (self: PyVal, v: PyVal) => {
    const ctx = self as PyDecContextObject;
    const d = M.copy(convertRaise(v));
    return newDec(run(ctx, (st) => M.finalize(d, ctx, st)));
  } },
  { name: "__reduce__", flags: METH_NOARGS, meth: (self: PyVal) => {
    const c = self as PyDecContextObject;
    return PyTuple_New([Py_TYPE(self), PyTuple_New([PyLong_FromBigInt(c.precB), PyUnicode_FromString(ROUNDING_NAMES[c.round]),
      PyLong_FromBigInt(c.eminB), PyLong_FromBigInt(c.emaxB),
      c.capitals, c.clamp, signalsAsList(c.status), signalsAsList(c.traps)])]);
  } },
];

PyType_FromSpecStatic({
  name: "decimal.Context",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Context(prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None, flags=None, traps=None)\n--\n\nThe context affects almost all operations and controls rounding,\nOver/Underflow, raising of exceptions and much more.  A new context\ncan be constructed as follows:\n\n    >>> c = Context(prec=28, Emin=-425000000, Emax=425000000,\n    ...             rounding=ROUND_HALF_EVEN, capitals=1, clamp=1,\n    ...             traps=[InvalidOperation, DivisionByZero, Overflow],\n    ...             flags=[])\n    >>>\n\n\n",
  slots: { tp_new: (t) => newContext(t), tp_init: ctx_init, tp_repr: ctx_repr },
  methods: contextMethods,
  getset: [
    { name: "prec", get: (s) => PyLong_FromBigInt((s as PyDecContextObject).precB), set: (s, v) => setPrec(s as PyDecContextObject, v) },
    { name: "Emax", get: (s) => PyLong_FromBigInt((s as PyDecContextObject).emaxB), set: (s, v) => setEmax(s as PyDecContextObject, v) },
    { name: "Emin", get: (s) => PyLong_FromBigInt((s as PyDecContextObject).eminB), set: (s, v) => setEmin(s as PyDecContextObject, v) },
    { name: "rounding", get: (s) => PyUnicode_FromString(ROUNDING_NAMES[(s as PyDecContextObject).round]), set: (s, v) => setRounding(s as PyDecContextObject, v) },
    { name: "capitals", get: (s) => (s as PyDecContextObject).capitals, set: (s, v) => set01(s as PyDecContextObject, v, "capitals") },
    { name: "clamp", get: (s) => (s as PyDecContextObject).clamp, set: (s, v) => set01(s as PyDecContextObject, v, "clamp") },
    { name: "flags", get: (s) => signalDict(s as PyDecContextObject, false), set: (s, v) => {
      if (v === null) return PyErr_Format(PyExc_AttributeError, "context attributes cannot be deleted");
      (s as PyDecContextObject).status = signalsFrom(v);
    } },
    { name: "traps", get: (s) => signalDict(s as PyDecContextObject, true), set: (s, v) => {
      if (v === null) return PyErr_Format(PyExc_AttributeError, "context attributes cannot be deleted");
      (s as PyDecContextObject).traps = signalsFrom(v);
    } },
  ],
}, PyDecContext_Type);

// ---- SignalDictMixin ----

function sdCtx(self: PyVal): [PyDecContextObject, boolean] {
  const s = self as SignalDictObject;
  if (s.ctx === null) return PyErr_Format(PyExc_ValueError, "invalid signal dict");
  return [s.ctx, s.isTraps];
}

PyType_FromSpecStatic({
  name: "decimal.SignalDictMixin",
  flags: Py_TPFLAGS_BASETYPE,
  slots: {
    tp_new: (t) => new SignalDictObject(t),
    tp_init: () => undefined,
    mp_length: () => signalMap.length,
    mp_subscript: (self: PyVal, key: PyVal) => {
      const [c, traps] = sdCtx(self);
      const f = signalFlag(key);
      return PyBool_FromLong(((traps ? c.traps : c.status) & f) !== 0);
    },
    mp_ass_subscript: (self: PyVal, key: PyVal, v: PyVal | null) => {
      const [c, traps] = sdCtx(self);
      if (v === null) PyErr_Format(PyExc_ValueError, "signal keys cannot be deleted");
      const f = signalFlag(key);
      const on = PyObject_IsTrue(v!);
      if (traps) c.traps = on ? c.traps | f : c.traps & ~f;
      else c.status = on ? c.status | f : c.status & ~f;
    },
    tp_iter: () => PyObject_GetIter(PyList_New(signalMap.map((s) => s.cls!))),
    tp_repr: (self: PyVal) => {
      const [c, traps] = sdCtx(self);
      const bits = traps ? c.traps : c.status;
      const parts = signalMap.map((s) => `${PyObject_Repr(s.cls!).value}:${bits & s.flag ? "True" : "False"}`);
      return PyUnicode_FromString(`{${parts.join(", ")}}`);
    },
  },
  methods: [
    { name: "copy", flags: METH_NOARGS, meth: (self: PyVal) => {
      const [c, traps] = sdCtx(self);
      const bits = traps ? c.traps : c.status;
      const d = PyDict_New();
      for (const s of signalMap) PyObject_CallMethod(d, "__setitem__", [s.cls!, PyBool_FromLong((bits & s.flag) !== 0)]);
      return d;
    } },
  ],
}, PyDecSignalDictMixin_Type);

// ---- localcontext ----

PyType_FromSpecStatic({
  name: "decimal.ContextManager",
  slots: {},
  methods: [
    { name: "__enter__", flags: METH_NOARGS, meth: (self: PyVal) => {
      const m = self as ContextManagerObject;
      setContext(m.local);
      return m.local;
    } },
    { name: "__exit__", flags: METH_FASTCALL, meth: (self: PyVal) => {
      setContext((self as ContextManagerObject).global);
      return Py_None;
    } },
  ],
}, PyDecContextManager_Type);

function localcontext(_m: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos > 1) return PyErr_Format(PyExc_TypeError, `localcontext() takes at most 1 positional argument (${npos} given)`);
  let local: PyVal | undefined = npos === 1 ? args[0] : undefined;
  const kws: [string, PyVal][] = [];
  for (let i = 0; i < nkw; i++) {
    const k = (kwnames![i] as PyUnicodeObject).value;
    if (k === "ctx") { local = args[npos + i]; continue; }
    kws.push([k, args[npos + i]]);
  }
  const global = getContext();
  if (local === undefined || local === Py_None) local = global;
  else if (!(local instanceof PyDecContextObject)) return PyErr_Format(PyExc_TypeError, "optional argument must be a context");
  const copyCtx = contextCopy(local as PyDecContextObject);
  for (const [k, v] of kws) {
    switch (k) {
      case "prec": setPrec(copyCtx, v); break;
      case "rounding": setRounding(copyCtx, v); break;
      case "Emin": setEmin(copyCtx, v); break;
      case "Emax": setEmax(copyCtx, v); break;
      case "capitals": set01(copyCtx, v, "capitals"); break;
      case "clamp": set01(copyCtx, v, "clamp"); break;
      case "flags": copyCtx.status = signalsFrom(v); break;
      case "traps": copyCtx.traps = signalsFrom(v); break;
      default: return PyErr_Format(PyExc_TypeError, `'${k}' is an invalid keyword argument for this function`);
    }
  }
  return new ContextManagerObject(PyDecContextManager_Type, copyCtx, global);
}

export const decimalmodule: PyModuleDef = {
  m_name: "_decimal",
  m_doc: "C decimal arithmetic module",
  m_methods: [
    { name: "getcontext", flags: METH_NOARGS, meth: () => getContext() },
    { name: "setcontext", flags: METH_O, meth: (_m: PyVal, v: PyVal) => { setContext(v); return Py_None; } },
    { name: "localcontext", flags: METH_FASTCALL | METH_KEYWORDS, meth: localcontext },
  ],
  m_exec: (m) => {
    initSignals();
    const t = getTemplates();
    PyModule_Add(m, "Decimal", PyDec_Type);
    PyModule_Add(m, "Context", PyDecContext_Type);
    PyModule_Add(m, "DecimalTuple", getDecimalTuple());
    PyModule_Add(m, "DecimalException", DecimalException!);
    for (const s of signalMap) PyModule_Add(m, s.name, s.cls!);
    for (const s of condMap) PyModule_Add(m, s.name, s.cls!);
    PyModule_Add(m, "DefaultContext", t.def);
    PyModule_Add(m, "BasicContext", t.basic);
    PyModule_Add(m, "ExtendedContext", t.ext);
    PyModule_Add(m, "MAX_PREC", PyLong_FromBigInt(MAX_PREC_B));
    PyModule_Add(m, "MAX_EMAX", PyLong_FromBigInt(MAX_PREC_B));
    PyModule_Add(m, "MIN_EMIN", PyLong_FromBigInt(-MAX_PREC_B));
    PyModule_Add(m, "MIN_ETINY", PyLong_FromBigInt(-MAX_PREC_B - (MAX_PREC_B - 1n)));
    for (const r of ROUNDING_NAMES) PyModule_Add(m, r, PyUnicode_FromString(r));
    PyModule_Add(m, "HAVE_THREADS", PyBool_FromLong(true));
    PyModule_Add(m, "HAVE_CONTEXTVAR", PyBool_FromLong(getContextVar() !== null));
    PyModule_Add(m, "__version__", PyUnicode_FromString("1.70"));
    PyModule_Add(m, "__libmpdec_version__", PyUnicode_FromString("2.5.1"));
    // numbers.Number.register(Decimal), as _decimal does.
    const numbers = PyImport_ImportModule("numbers");
    PyObject_CallMethod(PyObject_GetAttrStr(numbers, "Number")!, "register", [PyDec_Type]);
  },
};
