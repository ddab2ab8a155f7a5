// Constants of code objects without the runtime: the AST's constants plus tuples, frozensets and nested code records,
// and _PyCode_ConstantKey, the key that tells `1`, `1.0`, `True` and `-0.0` apart. Objects/codeobject.c.
// See docs/compiler.md.
import {
  PyBytes, PyComplex, SurrogateStr, reprConstant, strCodePoints, type ConstantValue,
} from "../ast/constant.js";
import type { CodeRecord } from "./code.js";

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

/**
 * Code objects compare by value (code_richcompare): two compilations of the same AST node (a `while` test is
 * compiled twice) give equal code objects, which the constant cache merges into one.
 */
function codeKey(v: CodeRecord): string {
  let k = codeKeys.get(v);
  if (k === undefined) {
    const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    k = "C" + JSON.stringify([
      v.co_name, v.co_qualname, v.co_argcount, v.co_posonlyargcount, v.co_kwonlyargcount, v.co_flags,
      v.co_firstlineno, v.co_stacksize, hex(v.co_code), v.co_consts.map(constKey), v.co_names, v.co_localsplusnames,
      hex(v.co_localspluskinds), hex(v.co_linetable), hex(v.co_exceptiontable),
    ]);
    codeKeys.set(v, k);
  }
  return k;
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
