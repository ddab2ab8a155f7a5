// Argument parsing for native functions (Python/getargs.c, Argument Clinic's generated parsers): positional
// unpacking with CPython's messages, and keyword parsing for METH_FASTCALL|METH_KEYWORDS. See docs/objects.md.
import type { PyVal, PyUnicodeObject } from "../objects/object.js";
import { PyErr_Format } from "./errors.js";
import { PyExc_TypeError } from "../objects/exceptions.js";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
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
  if (npos > maxPos) {
    const total = names.filter((n) => !n.startsWith("*")).length;
    if (maxPos === 0) return PyErr_Format(PyExc_TypeError, `${fname}() takes no positional arguments`);
    const kwOnly = names.length > total;
    return PyErr_Format(PyExc_TypeError,
      `${fname}() takes at most ${maxPos} ${kwOnly ? "positional " : ""}argument${maxPos === 1 ? "" : "s"} (${npos} given)`);
  }
  for (let i = 0; i < npos; i++) out[i] = args[i];
  for (let k = 0; k < nkw; k++) {
    const key = (kwnames![k] as PyUnicodeObject).value;
    let idx = -1;
    for (let j = 0; j < names.length; j++) {
      const n = names[j].startsWith("*") ? names[j].slice(1) : names[j];
      if (n !== "" && n === key) { idx = j; break; }
    }
    if (idx < 0) {
      return PyErr_Format(PyExc_TypeError, `${fname}() got an unexpected keyword argument '${key}'`);
    }
    if (out[idx] !== undefined) {
      return PyErr_Format(PyExc_TypeError, `argument for ${fname}() given by name ('${key}') and position (${idx + 1})`);
    }
    out[idx] = args[npos + k];
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) {
      const n = names[i].replace(/^\*/, "");
      if (n === "" || i < npos) {
        return PyErr_Format(PyExc_TypeError, `${fname}() takes at least ${required} positional argument${required === 1 ? "" : "s"} (${npos} given)`);
      }
      return PyErr_Format(PyExc_TypeError, `${fname}() missing required argument '${n}' (pos ${i + 1})`);
    }
  }
  return out;
}
