// Constants of code objects without the runtime: the AST's constants plus tuples, frozensets and nested code records,
// and _PyCode_ConstantKey, the key that tells `1`, `1.0`, `True` and `-0.0` apart. Objects/codeobject.c.
// See docs/compiler.md.
import {
  PyBytes, PyComplex, PyEllipsis, SurrogateStr, reprConstant, strCodePoints, type ConstantValue,
} from "../ast/constant.js";
import { CodeRecord } from "./code.js";

export class ConstTuple {
  readonly items: readonly ConstValue[];
  constructor(items: readonly ConstValue[]) {
    this.items = items;
  }
}
export class ConstFrozenset {
  readonly items: readonly ConstValue[];
  constructor(items: readonly ConstValue[]) {
    this.items = items;
  }
}

export type ConstValue = ConstantValue | ConstTuple | ConstFrozenset | CodeRecord;

let nanSerial = 0;

function floatKey(x: number): string {
  // Every NaN the compiler meets is a distinct float object (NaN != NaN): never merged.
  if (Number.isNaN(x)) return "nan" + String(nanSerial++);
  if (Object.is(x, -0)) return "-0";
  return String(x);
}


/** A string key equal for exactly the constants _PyCode_ConstantKey considers equal. */
export function constKey(v: ConstValue): string {
  if (v === null) return "N";
  if (v === true) return "T";
  if (v === false) return "F";
  if (typeof v === "bigint") return "i" + v.toString();
  if (typeof v === "number") return "f" + floatKey(v);
  if (typeof v === "string") return "s" + v;
  // Adjacent lone surrogates only ever live in a SurrogateStr, so a separate tag keeps them apart from the astral
  // character a JS string would fuse them into.
  if (v instanceof SurrogateStr) return "S" + strCodePoints(v).join(",");
  if (v instanceof PyComplex) return "c" + floatKey(v.real) + "," + floatKey(v.imag);
  if (v instanceof PyBytes) return "b" + Array.from(v.bytes, (b) => String.fromCharCode(b)).join("");
  if (v instanceof ConstTuple) return "(" + v.items.map((x) => constKey(x).length + ":" + constKey(x)).join("") + ")";
  if (v instanceof ConstFrozenset) {
    return "{" + v.items.map((x) => constKey(x)).sort().map((k) => k.length + ":" + k).join("") + "}";
  }
  if ("kind" in v && v.kind === "Ellipsis") return "E";
  return codeKey(v as CodeRecord);
}

/**
 * A key equal for constants that are equal as set members or dict keys (`1 == 1.0 == True`, `0j == 0`), unlike
 * constKey; used where CPython builds a real set (PyFrozenSet_New, duplicate mapping-pattern keys).
 */
export function equalityKey(v: ConstValue): string {
  if (typeof v === "boolean") return "n" + (v ? "1" : "0");
  if (typeof v === "bigint") return "n" + v.toString();
  if (typeof v === "number") {
    if (Number.isInteger(v)) return "n" + BigInt(v).toString();
    if (Number.isNaN(v)) return "nan" + String(nanCounter++); // NaN != NaN
    return "n" + String(v);
  }
  if (v instanceof PyComplex && v.imag === 0) return equalityKey(v.real);
  if (v instanceof ConstTuple) return "(" + v.items.map((x) => equalityKey(x).length + ":" + equalityKey(x)).join("") + ")";
  if (v instanceof ConstFrozenset) {
    return "{" + v.items.map(equalityKey).sort().map((k) => k.length + ":" + k).join("") + "}";
  }
  return constKey(v);
}
let nanCounter = 0;

/** PyFrozenSet_New over constant items: equal items collapse onto the first one. */
export function makeFrozenset(items: readonly ConstValue[]): ConstFrozenset {
  const seen = new Set<string>();
  const out: ConstValue[] = [];
  for (const x of items) {
    const k = equalityKey(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return new ConstFrozenset(out);
}

const codeKeys = new WeakMap<CodeRecord, string>();

/** Two independent 32-bit FNV-1a style hashes, fed without building strings. */
class Hasher {
  a = 0x811c9dc5;
  b = 0x9747b28c;
  unit(x: number): void {
    this.a = Math.imul(this.a ^ x, 0x01000193);
    this.b = Math.imul(this.b ^ x, 0x5bd1e995) ^ (this.b >>> 15);
  }
  bytes(v: Uint8Array): void {
    this.unit(v.length + 0x10000);
    for (let i = 0; i < v.length; i++) this.unit(v[i]!);
  }
  str(v: string): void {
    this.unit(v.length + 0x20000);
    for (let i = 0; i < v.length; i++) this.unit(v.charCodeAt(i));
  }
  key(): string {
    return (this.a >>> 0).toString(36) + "." + (this.b >>> 0).toString(36);
  }
}

/**
 * Code objects compare by value (code_richcompare): two compilations of the same AST node (a `while` test is
 * compiled twice) give equal code objects, which the constant cache merges into one. The key spells out the
 * identifying fields and hashes the bulky ones (bytes, nested constants) so that it stays short at any nesting.
 */
function codeKey(v: CodeRecord): string {
  let k = codeKeys.get(v);
  if (k === undefined) {
    const h = new Hasher();
    for (const c of v.co_consts) h.str(constKey(c));
    for (const n of v.co_names) h.str(n);
    for (const n of v.co_localsplusnames) h.str(n);
    h.bytes(v.co_code);
    h.bytes(v.co_localspluskinds);
    h.bytes(v.co_linetable);
    h.bytes(v.co_exceptiontable);
    k = `C${v.co_qualname}@${v.co_firstlineno}/${v.co_argcount},${v.co_posonlyargcount},${v.co_kwonlyargcount},` +
      `${v.co_flags},${v.co_stacksize},${v.co_code.length},${v.co_linetable.length},${v.co_consts.length}#${h.key()}`;
    codeKeys.set(v, k);
  }
  return k;
}

/** The Map key of -0.0, which a Map would merge with 0.0 (SameValueZero). */
const NEG_ZERO_KEY = Object.freeze({});

/**
 * A unit's constants dict (u_consts, add_const's lookup): `items` in index order, each found again by
 * _PyCode_ConstantKey equality, as constKey tells. Strings, ints, booleans, None, Ellipsis and floats are their own
 * Map keys (a Map keeps "1", 1n and 1 apart), -0.0 has its own key and NaNs are never merged; tuples, frozensets,
 * bytes and complex numbers go through constKey; a code object through a cheap key of its scalar fields, compared in
 * full only with the code objects that share it.
 */
export class ConstIndex {
  readonly items: ConstValue[];
  private readonly prim: Map<unknown, number>;
  private readonly keyed: Map<string, number>;
  private readonly codes: Map<string, number[]>;

  /** An index over `items` (which add() then extends); the first of equal items keeps its index. */
  constructor(items: ConstValue[] = []) {
    this.items = items;
    this.prim = new Map();
    this.keyed = new Map();
    this.codes = new Map();
    for (let i = 0; i < items.length; i++) this.lookup(items[i]!, i);
  }

  /** add_const: the index of `v`, appended if no equal constant is there yet. */
  add(v: ConstValue): number {
    return this.lookup(v, this.items.length);
  }

  /** The index of a constant equal to `v`, or else `v` recorded at `idx` (appended when idx is the length). */
  private lookup(v: ConstValue, idx: number): number {
    let k: unknown = v;
    if (typeof v === "number") {
      if (v !== v) return this.put(v, idx);
      if (v === 0 && 1 / v < 0) k = NEG_ZERO_KEY;
    } else if (v !== null && typeof v === "object" && v !== PyEllipsis) {
      if (v instanceof CodeRecord) return this.lookupCode(v, idx);
      const s = constKey(v);
      const found = this.keyed.get(s);
      if (found !== undefined) return found;
      this.keyed.set(s, idx);
      return this.put(v, idx);
    }
    const found = this.prim.get(k);
    if (found !== undefined) return found;
    this.prim.set(k, idx);
    return this.put(v, idx);
  }

  private lookupCode(v: CodeRecord, idx: number): number {
    const k = `${v.co_qualname}@${v.co_firstlineno}/${v.co_argcount},${v.co_posonlyargcount},${v.co_kwonlyargcount},` +
      `${v.co_flags},${v.co_stacksize},${v.co_code.length},${v.co_linetable.length},${v.co_consts.length}`;
    const same = this.codes.get(k);
    if (same === undefined) {
      this.codes.set(k, [idx]);
    } else {
      for (const i of same) if (codeEquals(this.items[i] as CodeRecord, v)) return i;
      same.push(idx);
    }
    return this.put(v, idx);
  }

  private put(v: ConstValue, idx: number): number {
    if (idx === this.items.length) this.items.push(v);
    return idx;
  }
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function stringsEqual(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Equality of two code constants: the fields codeKey spells out or hashes, compared directly. */
function codeEquals(a: CodeRecord, b: CodeRecord): boolean {
  if (a === b) return true;
  if (a.co_qualname !== b.co_qualname || a.co_firstlineno !== b.co_firstlineno || a.co_argcount !== b.co_argcount ||
    a.co_posonlyargcount !== b.co_posonlyargcount || a.co_kwonlyargcount !== b.co_kwonlyargcount ||
    a.co_flags !== b.co_flags || a.co_stacksize !== b.co_stacksize) return false;
  if (!bytesEqual(a.co_code, b.co_code) || !bytesEqual(a.co_linetable, b.co_linetable) ||
    !bytesEqual(a.co_exceptiontable, b.co_exceptiontable) || !bytesEqual(a.co_localspluskinds, b.co_localspluskinds) ||
    !stringsEqual(a.co_names, b.co_names) || !stringsEqual(a.co_localsplusnames, b.co_localsplusnames) ||
    a.co_consts.length !== b.co_consts.length) return false;
  for (let i = 0; i < a.co_consts.length; i++) {
    const x = a.co_consts[i]!, y = b.co_consts[i]!;
    if (x instanceof CodeRecord || y instanceof CodeRecord) {
      if (!(x instanceof CodeRecord && y instanceof CodeRecord && codeEquals(x, y))) return false;
    } else if (constKey(x) !== constKey(y)) {
      return false;
    }
  }
  return true;
}

/** repr() of a constant as dis prints it (code objects excepted: dis formats those itself). */
export function reprConst(v: ConstValue): string {
  if (v instanceof ConstTuple) {
    if (v.items.length === 1) return "(" + reprConst(v.items[0]!) + ",)";
    return "(" + v.items.map(reprConst).join(", ") + ")";
  }
  if (v instanceof ConstFrozenset) {
    return v.items.length === 0 ? "frozenset()" : "frozenset({" + v.items.map(reprConst).join(", ") + "})";
  }
  if (v !== null && typeof v === "object" && "co_name" in v) return `<code object ${v.co_name}>`;
  return reprConstant(v as ConstantValue);
}

/** Python truthiness of a constant (used by the CFG optimizer). */
export function constTruth(v: ConstValue): boolean {
  if (v === null || v === false) return false;
  if (v === true) return true;
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v.length > 0;
  if (v instanceof SurrogateStr) return v.codePoints.length > 0;
  if (v instanceof PyComplex) return v.real !== 0 || v.imag !== 0;
  if (v instanceof PyBytes) return v.bytes.length > 0;
  if (v instanceof ConstTuple || v instanceof ConstFrozenset) return v.items.length > 0;
  return true;
}
