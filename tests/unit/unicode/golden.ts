// Helpers for the Unicode golden checks: the per-block hashes that tools/capture_unicode.py writes, computed here
// from Typhon's own functions with the same text format (one line per code point).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export type Value = string | number | boolean | null;

export const MAX = 0x110000;

/** Python's repr of a float, for the values Unicode has (from 1/320 to 1e16). */
function floatRepr(x: number): string {
  if (Math.abs(x) >= 1e16) return x.toExponential(); // repr(1e16) == '1e+16'
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

/** One value as text, as capture_unicode.py's fmt(); `float` marks numbers that are Python floats. */
export function fmt(v: Value, float = false): string {
  if (v === null) return "N";
  if (v === true) return "1";
  if (v === false) return "0";
  if (typeof v === "number") return float ? floatRepr(v) : String(v);
  const parts: string[] = [];
  for (const ch of v) parts.push(ch.codePointAt(0)!.toString(16));
  return parts.join(".");
}

/** A code point as a one-character JS string (a lone surrogate stays lone). */
export function chr(cp: number): string {
  return String.fromCodePoint(cp);
}

/** Expands "hash*count" runs. */
export function expandHashes(text: string): string[] {
  const out: string[] = [];
  for (const item of text.split(" ")) {
    const star = item.indexOf("*");
    if (star < 0) out.push(item);
    else for (let i = Number(item.slice(star + 1)); i > 0; i--) out.push(item.slice(0, star));
  }
  return out;
}

/** The blocks (as "U+XXXX..U+YYYY") whose hash differs from CPython's. */
export function differingBlocks(expected: string, block: number, fn: (cp: number) => string): string[] {
  const want = expandHashes(expected);
  const bad: string[] = [];
  for (let b = 0; b * block < MAX; b++) {
    let text = "";
    for (let cp = b * block; cp < (b + 1) * block; cp++) text += fn(cp) + "\n";
    const got = createHash("sha1").update(text, "latin1").digest("hex").slice(0, 10);
    if (got !== want[b]) bad.push(`U+${(b * block).toString(16).toUpperCase()}..`);
  }
  return bad;
}

export function loadGolden<T>(name: string): T {
  const url = new URL(`../../../../tests/golden/unicode/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as T;
}
