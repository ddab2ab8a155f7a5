// Unicode name lookup for `\N{...}` escapes (CPython: Modules/unicodedata.c _getcode, case-insensitive).
// The name table is generated (./unicode_names_data.ts) and decoded on first use. See docs/parser.md.
import { NAME_ALGORITHMIC, NAME_CONT, NAME_ENTRIES, NAME_TERM, NAME_WORDS } from "./unicode_names_data.js";

let table: Map<string, number> | null = null;

const JAMO_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
const JAMO_T = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];

function buildTable(): Map<string, number> {
  const m = new Map<string, number>();
  const words = NAME_WORDS.split("|");
  const term = new Map<string, number>();
  const cont = new Map<string, number>();
  for (let i = 0; i < NAME_TERM.length; i++) term.set(NAME_TERM[i]!, i);
  for (let i = 0; i < NAME_CONT.length; i++) cont.set(NAME_CONT[i]!, i);
  const base = NAME_TERM.length;
  let cp = -1;
  for (const entry of NAME_ENTRIES.split(";")) {
    const comma = entry.indexOf(",");
    cp += 1 + (comma > 0 ? parseInt(entry.slice(0, comma), 16) : 0);
    const parts: string[] = [];
    let value = 0;
    let scale = 1;
    for (let i = comma + 1; i < entry.length; i++) {
      const c = entry[i]!;
      const t = term.get(c);
      if (t !== undefined) {
        parts.push(words[value + t * scale]!);
        value = 0;
        scale = 1;
      } else {
        value += cont.get(c)! * scale;
        scale *= base;
      }
    }
    m.set(parts.join(" "), cp);
  }
  for (let s = 0; s < 11172; s++) {
    const l = Math.floor(s / 588);
    const v = Math.floor((s % 588) / 28);
    const t = s % 28;
    m.set("HANGUL SYLLABLE " + JAMO_L[l]! + JAMO_V[v]! + JAMO_T[t]!, 0xac00 + s);
  }
  return m;
}

/** The code point named `name` (case-insensitive), or null. */
export function lookupUnicodeName(name: string): number | null {
  const upper = name.toUpperCase();
  for (const [prefix, ranges] of NAME_ALGORITHMIC) {
    if (prefix.startsWith("HANGUL")) continue;
    if (upper.startsWith(prefix)) {
      const hex = upper.slice(prefix.length);
      if (!/^[0-9A-F]{4,5}$/.test(hex)) return null;
      const cp = parseInt(hex, 16);
      for (let i = 0; i < ranges.length; i += 2) if (cp >= ranges[i]! && cp <= ranges[i + 1]!) return cp;
      return null;
    }
  }
  table ??= buildTable();
  return table.get(upper) ?? null;
}
