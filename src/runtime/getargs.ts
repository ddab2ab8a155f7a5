// Argument parsing for native functions (Python/getargs.c, Argument Clinic's generated parsers): positional
// unpacking with CPython's messages, and keyword parsing for METH_FASTCALL|METH_KEYWORDS. See docs/objects.md.
import type { PyVal, PyUnicodeObject } from "../objects/object.js";
import { PyErr_Format } from "./errors.js";
import { PyExc_TypeError } from "../objects/exceptions.js";
import { unexpectedKeywordMessage } from "./suggestions.js";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** `[first, ...args]` without the iterator protocol that a spread runs through in V8's cold tiers (bound method
 *  calls, vectorcall with self prepended). */
export function prependArg(first: PyVal, args: readonly PyVal[]): PyVal[] {
  const n = args.length;
  const out: PyVal[] = new Array(n + 1);
  out[0] = first;
  for (let i = 0; i < n; i++) out[i + 1] = args[i];
  return out;
}

/** Positional-only arguments min..max (_PyArg_CheckPositional); missing ones are undefined. */
export function unpackArgs(name: string, args: readonly PyVal[], min: number, max: number): (PyVal | undefined)[] {
  const n = args.length;
  if (n < min || n > max) {
    if (min === max) {
      return PyErr_Format(PyExc_TypeError, `${name} expected ${plural(min, "argument")}, got ${n}`);
    }
    if (n < min) return PyErr_Format(PyExc_TypeError, `${name} expected at least ${plural(min, "argument")}, got ${n}`);
    return PyErr_Format(PyExc_TypeError, `${name} expected at most ${plural(max, "argument")}, got ${n}`);
  }
  const out: (PyVal | undefined)[] = new Array(max);
  for (let i = 0; i < max; i++) out[i] = i < n ? args[i] : undefined;
  return out;
}

/** Reject keyword arguments (_PyArg_NoKwnames). */
export function checkNoKwargs(name: string, kwnames: readonly PyVal[] | null): void {
  if (kwnames !== null && kwnames.length > 0) PyErr_Format(PyExc_TypeError, `${name}() takes no keyword arguments`);
}

/**
 * Parse vectorcall arguments against parameter names (Argument Clinic's _PyArg_UnpackKeywords). A name "" is
 * positional-only, "*name" keyword-only; `required` parameters come first; `maxPos` is the largest positional
 * count. Returns one entry per name, undefined when not given.
 */
export function parseArgs(
  fname: string, args: readonly PyVal[], kwnames: readonly PyVal[] | null, names: readonly string[],
  required: number, maxPos: number,
): (PyVal | undefined)[] {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const out: (PyVal | undefined)[] = new Array(names.length).fill(undefined);
  // The checks in _PyArg_UnpackKeywords's order: too many arguments, too many positional, too few positional-only,
  // then parameter by parameter a missing required one, then a name given twice, then an unknown keyword.
  const total = names.length;
  let posonly = 0;
  while (posonly < total && names[posonly] === "") posonly++;
  const minpos = Math.min(required, maxPos), minposonly = Math.min(posonly, minpos);
  const s = (n: number): string => (n === 1 ? "" : "s");
  if (npos + nkw > total) {
    return PyErr_Format(PyExc_TypeError,
      `${fname}() takes at most ${total} ${npos === 0 ? "keyword " : ""}argument${s(total)} (${npos + nkw} given)`);
  }
  if (npos > maxPos) {
    if (maxPos === 0) return PyErr_Format(PyExc_TypeError, `${fname}() takes no positional arguments`);
    return PyErr_Format(PyExc_TypeError,
      `${fname}() takes ${minpos < maxPos ? "at most" : "exactly"} ${maxPos} positional argument${s(maxPos)} (${npos} given)`);
  }
  if (npos < minposonly) {
    return PyErr_Format(PyExc_TypeError,
      `${fname}() takes ${minposonly < maxPos ? "at least" : "exactly"} ${minposonly} positional argument${s(minposonly)} (${npos} given)`);
  }
  for (let i = 0; i < npos; i++) out[i] = args[i];
  const bare = (j: number): string => (names[j].startsWith("*") ? names[j].slice(1) : names[j]);
  const findKw = (key: string): number => {
    for (let k = 0; k < nkw; k++) if ((kwnames![k] as PyUnicodeObject).value === key) return k;
    return -1;
  };
  let left = nkw;
  for (let i = Math.max(npos, posonly); i < total; i++) {
    const k = left > 0 ? findKw(bare(i)) : -1;
    if (k >= 0) {
      out[i] = args[npos + k];
      left--;
    } else if (i < required) {
      return PyErr_Format(PyExc_TypeError, `${fname}() missing required argument '${bare(i)}' (pos ${i + 1})`);
    }
  }
  if (left > 0) {
    for (let i = posonly; i < npos; i++) {
      if (findKw(bare(i)) >= 0) {
        return PyErr_Format(PyExc_TypeError, `argument for ${fname}() given by name ('${bare(i)}') and position (${i + 1})`);
      }
    }
    for (let k = 0; k < nkw; k++) {
      const key = (kwnames![k] as PyUnicodeObject).value;
      let known = false;
      for (let j = posonly; j < total; j++) if (bare(j) === key) { known = true; break; }
      if (!known) {
        const keywords: string[] = [];
        for (let j = posonly; j < total; j++) keywords.push(bare(j));
        return PyErr_Format(PyExc_TypeError, unexpectedKeywordMessage(fname, key, keywords));
      }
    }
  }
  return out;
}
