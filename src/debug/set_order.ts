// The iteration order of a frozenset constant, which dis prints: CPython's set hash table (Objects/setobject.c:
// set_add_entry, set_insert_clean, set_table_resize, LINEAR_PROBES 9, PERTURB_SHIFT 5) filled the way the compiler
// fills it (ast_opt's PyFrozenSet_New, then merge_consts_recursive's rebuild in iteration order). See docs/compiler.md.
import { PyBytes, PyComplex, SurrogateStr, strCodePoints } from "../ast/constant.js";
import { ConstTuple, type ConstValue } from "../compiler/consts.js";
import {
  hashOut, hashBigInt, hashDouble, hashUnicodeText, _Py_HashBytes, TupleHasher,
} from "../runtime/pyhash.js";

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
const PySet_MINSIZE = 8;
const M64 = (1n << 64n) - 1n;

function lastHash(): bigint {
  return BigInt.asIntN(64, (BigInt(hashOut[1]!) << 32n) | BigInt(hashOut[0]! >>> 0));
}

/** hash() of a constant under the process's hash secret (src/runtime/pyhash.ts); null when it is address-based. */
export function constHash(v: ConstValue): bigint | null {
  if (v === null) return 0xfca86420n; // None's fixed hash since 3.12 (Objects/object.c none_hash)
  if (v === true) return 1n;
  if (v === false) return 0n;
  if (typeof v === "bigint") { hashBigInt(v); return lastHash(); }
  if (typeof v === "number") {
    if (Number.isNaN(v)) return null; // hashed by identity
    hashDouble(v);
    return lastHash();
  }
  if (typeof v === "string" || v instanceof SurrogateStr) {
    hashUnicodeText(typeof v === "string" ? v : String.fromCharCode(...surrogateUnits(v)));
    return lastHash();
  }
  if (v instanceof PyBytes) { _Py_HashBytes(v.bytes); return lastHash(); }
  if (v instanceof PyComplex) {
    // complex_hash: hash(real) + 1000003 * hash(imag), in wrapping 64-bit arithmetic; -1 becomes -2.
    const r = constHash(v.real);
    const i = constHash(v.imag);
    if (r === null || i === null) return null;
    let h = BigInt.asIntN(64, r + 1000003n * i);
    if (h === -1n) h = -2n;
    return h;
  }
  if (v instanceof ConstTuple) {
    const th = new TupleHasher();
    for (const x of v.items) {
      const h = constHash(x);
      if (h === null) return null;
      const u = BigInt.asUintN(64, h);
      th.add(Number(u & 0xffffffffn) | 0, Number(u >> 32n) | 0);
    }
    th.finish(v.items.length);
    return lastHash();
  }
  return null; // Ellipsis, nested frozensets, code objects: not reproducible here
}

function surrogateUnits(s: SurrogateStr): number[] {
  // Each code point as UTF-16 code units; lone surrogates stay single units, which hashUnicodeText then reads as
  // the 2-byte form CPython uses for them.
  const out: number[] = [];
  for (const cp of strCodePoints(s)) {
    if (cp > 0xffff) out.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else out.push(cp);
  }
  return out;
}

interface Entry { readonly item: ConstValue; readonly hash: bigint }

/** The numeric value of a bool, int or float constant, for == across the three types. */
function numericValue(v: ConstValue): number | bigint | null {
  if (v === true) return 1n;
  if (v === false) return 0n;
  if (typeof v === "bigint" || typeof v === "number") return v;
  return null;
}

/** Python == between two hashable constants (enough for set membership). */
function pyEqual(a: ConstValue, b: ConstValue): boolean {
  const x = numericValue(a);
  const y = numericValue(b);
  if (x !== null || y !== null) {
    if (x === null || y === null) return false;
    if (typeof x === "number" && typeof y === "number") return x === y;
    if (typeof x === "bigint" && typeof y === "bigint") return x === y;
    const f = typeof x === "number" ? x : (y as number);
    const n = typeof x === "bigint" ? x : (y as bigint);
    return Number.isInteger(f) && BigInt(f) === n;
  }
  if (typeof a === "string" || typeof b === "string") return a === b;
  if (a instanceof ConstTuple && b instanceof ConstTuple) {
    return a.items.length === b.items.length && a.items.every((x, i) => pyEqual(x, b.items[i]!));
  }
  if (a instanceof PyBytes && b instanceof PyBytes) {
    return a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]);
  }
  if (a instanceof PyComplex && b instanceof PyComplex) return a.real === b.real && a.imag === b.imag;
  if (a instanceof SurrogateStr && b instanceof SurrogateStr) {
    return a.codePoints.length === b.codePoints.length && a.codePoints.every((x, i) => x === b.codePoints[i]);
  }
  return a === b;
}

/** A set hash table with only insertions (no dummies), as PyFrozenSet_New over a sequence fills it. */
class SetTable {
  table: (Entry | null)[] = new Array<Entry | null>(PySet_MINSIZE).fill(null);
  mask = PySet_MINSIZE - 1;
  fill = 0;

  /** set_add_entry: insert unless an equal key is present (1, 1.0 and True are one element). */
  add(e: Entry): void {
    const mask = BigInt(this.mask);
    let perturb = e.hash & M64;
    let i = Number(perturb & mask);
    for (;;) {
      const probes = i + LINEAR_PROBES <= this.mask ? LINEAR_PROBES : 0;
      for (let k = 0; k <= probes; k++) {
        const cur = this.table[i + k];
        if (cur !== null && cur !== undefined && cur.hash === e.hash && pyEqual(cur.item, e.item)) return;
        if (cur === null) {
          this.table[i + k] = e;
          this.fill++;
          if (this.fill * 5 >= this.mask * 3) this.resize(this.fill > 50000 ? this.fill * 2 : this.fill * 4);
          return;
        }
      }
      perturb >>= PERTURB_SHIFT;
      i = Number((BigInt(i) * 5n + 1n + perturb) & mask);
    }
  }

  /** set_table_resize: the smallest power of two above minused, entries reinserted in slot order. */
  private resize(minused: number): void {
    let size = PySet_MINSIZE;
    while (size <= minused) size *= 2;
    const old = this.table;
    this.table = new Array<Entry | null>(size).fill(null);
    this.mask = size - 1;
    for (const e of old) if (e !== null) this.insertClean(e);
  }

  /** set_insert_clean. */
  private insertClean(e: Entry): void {
    const mask = BigInt(this.mask);
    let perturb = e.hash & M64;
    let i = Number(perturb & mask);
    for (;;) {
      if (this.table[i] === null) { this.table[i] = e; return; }
      if (i + LINEAR_PROBES <= this.mask) {
        for (let k = 1; k <= LINEAR_PROBES; k++) {
          if (this.table[i + k] === null) { this.table[i + k] = e; return; }
        }
      }
      perturb >>= PERTURB_SHIFT;
      i = Number((BigInt(i) * 5n + 1n + perturb) & mask);
    }
  }

  entries(): Entry[] {
    return this.table.filter((e): e is Entry => e !== null);
  }
}

/** The iteration order of a set built by inserting these items in this order (PyFrozenSet_New(sequence)). */
export function setInsertionOrder(items: readonly ConstValue[]): ConstValue[] | null {
  const entries: Entry[] = [];
  for (const item of items) {
    const hash = constHash(item);
    if (hash === null) return null;
    entries.push({ item, hash });
  }
  const t = new SetTable();
  for (const e of entries) t.add(e);
  return t.entries().map((e) => e.item);
}

/** should_intern_string (Objects/codeobject.c): a str constant made only of [A-Za-z0-9_] is interned. */
function shouldIntern(s: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(s);
}

/**
 * The order dis prints a frozenset constant's items in, given the items in source order: ast_opt builds the
 * frozenset from the folded tuple, then merge_consts_recursive (Python/compile.c) rebuilds it from that set's
 * iteration order, and intern_constants (Objects/codeobject.c) rebuilds it once more when interning replaced one
 * of its strings by an equal string interned earlier in the process: `isInterned` says which strings were (1-char
 * strings are singletons and never replaced). Items whose hash is address-based keep the given order.
 */
export function frozensetIterationOrder(items: readonly ConstValue[], isInterned: (s: string) => boolean): ConstValue[] {
  const built = setInsertionOrder(items);
  if (built === null) return [...items];
  const merged = setInsertionOrder(built) ?? built;
  const replaced = merged.some((x) => typeof x === "string" && x.length > 1 && shouldIntern(x) && isInterned(x));
  return replaced ? (setInsertionOrder(merged) ?? merged) : merged;
}

