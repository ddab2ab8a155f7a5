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

function floatKey(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (Object.is(x, -0)) return "-0";
  return String(x);
}

let codeIds = new WeakMap<object, number>();
let nextCodeId = 0;

/** A string key equal for exactly the constants _PyCode_ConstantKey considers equal. */
export function constKey(v: ConstValue): string {
  if (v === null) return "N";
  if (v === true) return "T";
  if (v === false) return "F";
  if (typeof v === "bigint") return "i" + v.toString();
  if (typeof v === "number") return "f" + floatKey(v);
  if (typeof v === "string") return "s" + v;
  if (v instanceof SurrogateStr) return "s" + String.fromCharCode(...strCodePoints(v));
  if (v instanceof PyComplex) return "c" + floatKey(v.real) + "," + floatKey(v.imag);
  if (v instanceof PyBytes) return "b" + Array.from(v.bytes, (b) => String.fromCharCode(b)).join("");
  if (v instanceof ConstTuple) return "(" + v.items.map((x) => constKey(x).length + ":" + constKey(x)).join("") + ")";
  if (v instanceof ConstFrozenset) {
    return "{" + v.items.map((x) => constKey(x)).sort().map((k) => k.length + ":" + k).join("") + "}";
  }
  if ("kind" in v && v.kind === "Ellipsis") return "E";
  // Code objects compare by identity in the constant cache.
  let id = codeIds.get(v);
  if (id === undefined) {
    id = nextCodeId++;
    codeIds.set(v, id);
  }
  return "C" + id;
}

export function resetCodeIds(): void {
  codeIds = new WeakMap();
  nextCodeId = 0;
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
