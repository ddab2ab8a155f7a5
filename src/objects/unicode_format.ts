// str.format / str.format_map and the parsers behind _string.formatter_parser and formatter_field_name_split:
// the markup iterator, field parsing, field-name iteration and auto-numbering of PEP 3101.
// Counterpart: Objects/stringlib/unicode_format.h. See docs/objects.md.
import { type PyVal, PyUnicodeObject } from "./object.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_ValueError, PyExc_KeyError, PyExc_IndexError } from "./exceptions.js";
import { PyObject_Format, PyObject_Repr, PyObject_Str, PyObject_ASCII, PyObject_GetAttr, PyObject_GetItem } from "./abstract.js";
import { PyUnicode_FromString } from "./unicodeobject.js";
import { _PyUnicode_ToDecimalDigit } from "../unicode/unicodectype.js";
import { _PyErr_CreateException, _PyErr_ChainContext } from "../runtime/errors.js";

function raiseKeyError(key: PyVal): never {
  const e = _PyErr_CreateException(PyExc_KeyError, [key]);
  _PyErr_ChainContext(e);
  throw e;
}

/** One piece from the markup iterator: literal text, then (when `fieldPresent`) one replacement field. */
export interface MarkupPiece {
  literal: string;
  fieldPresent: boolean;
  fieldName: string;
  formatSpec: string;
  conversion: string; // "" when absent
  specNeedsExpanding: boolean;
}

/** get_integer: the value of a run of Unicode decimal digits, or -1 (empty or not all digits). */
export function getInteger(s: string): number {
  if (s.length === 0) return -1;
  let acc = 0;
  for (const ch of s) {
    const d = _PyUnicode_ToDecimalDigit(ch.codePointAt(0)!);
    if (d < 0) return -1;
    if (acc > (9223372036854775807 - d) / 10) return PyErr_Format(PyExc_ValueError, "Too many decimal digits in format string");
    acc = acc * 10 + d;
  }
  return acc;
}

/** parse_field: `s` starts just after the '{'; returns the piece fields and the index after the closing '}'. */
function parseField(s: string, i: number, out: MarkupPiece): number {
  const n = s.length;
  const nameStart = i;
  let c = "";
  while (i < n) {
    c = s[i++];
    if (c === "{") return PyErr_Format(PyExc_ValueError, "unexpected '{' in field name");
    if (c === "[") {
      while (i < n && s[i] !== "]") i++;
      continue;
    }
    if (c === "}" || c === ":" || c === "!") break;
  }
  out.fieldName = s.slice(nameStart, i - 1);
  if (c === "!" || c === ":") {
    if (c === "!") {
      if (i >= n) return PyErr_Format(PyExc_ValueError, "end of string while looking for conversion specifier");
      const cp = s.codePointAt(i)!;
      out.conversion = String.fromCodePoint(cp);
      i += cp > 0xffff ? 2 : 1;
      if (i < n) {
        const c2 = s[i++];
        if (c2 === "}") return i;
        if (c2 !== ":") return PyErr_Format(PyExc_ValueError, "expected ':' after conversion specifier");
      }
    }
    const specStart = i;
    let count = 1;
    while (i < n) {
      const c3 = s[i++];
      if (c3 === "{") { out.specNeedsExpanding = true; count++; }
      else if (c3 === "}") {
        if (--count === 0) { out.formatSpec = s.slice(specStart, i - 1); return i; }
      }
    }
    return PyErr_Format(PyExc_ValueError, "unmatched '{' in format spec");
  }
  if (c !== "}") return PyErr_Format(PyExc_ValueError, "expected '}' before end of string");
  return i;
}

/** MarkupIterator_next from position `pos`: the next piece and where to continue, or null at the end. */
export function markupNext(s: string, pos: number): [MarkupPiece, number] | null {
  const n = s.length;
  if (pos >= n) return null;
  const start = pos;
  let c = "";
  let markup = false;
  while (pos < n) {
    c = s[pos++];
    if (c === "{" || c === "}") { markup = true; break; }
  }
  const atEnd = pos >= n;
  let len = pos - start;
  if (c === "}" && markup && (atEnd || s[pos] !== "}")) {
    return PyErr_Format(PyExc_ValueError, "Single '}' encountered in format string");
  }
  if (atEnd && c === "{" && markup) return PyErr_Format(PyExc_ValueError, "Single '{' encountered in format string");
  if (!atEnd && markup) {
    if (s[pos] === c) { pos++; markup = false; } else len--;
  }
  const piece: MarkupPiece = {
    literal: s.slice(start, start + len), fieldPresent: false, fieldName: "", formatSpec: "", conversion: "",
    specNeedsExpanding: false,
  };
  if (!markup) return [piece, pos];
  piece.fieldPresent = true;
  pos = parseField(s, pos, piece);
  return [piece, pos];
}

/** FieldNameIterator_next over `rest` from index `i`: [isAttribute, index or -1, name, next i], or null at
 *  the end. */
export function fieldNameNext(rest: string, i: number): [boolean, number, string, number] | null {
  const n = rest.length;
  if (i >= n) return null;
  const c = rest[i++];
  let name: string;
  let idx = -1;
  let isAttr: boolean;
  if (c === ".") {
    isAttr = true;
    const st = i;
    while (i < n && rest[i] !== "." && rest[i] !== "[") i++;
    name = rest.slice(st, i);
  } else if (c === "[") {
    isAttr = false;
    const st = i;
    while (i < n && rest[i] !== "]") i++;
    if (i >= n) return PyErr_Format(PyExc_ValueError, "Missing ']' in format string");
    name = rest.slice(st, i);
    i++;
    idx = getInteger(name);
  } else {
    return PyErr_Format(PyExc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
  }
  if (name.length === 0) return PyErr_Format(PyExc_ValueError, "Empty attribute in format string");
  return [isAttr, idx, name, i];
}

/** field_name_split: the first name (text and integer value or -1) and the rest. */
export function fieldNameSplit(field: string): [string, number, string] {
  let i = 0;
  while (i < field.length && field[i] !== "." && field[i] !== "[") i++;
  const first = field.slice(0, i);
  return [first, getInteger(first), field.slice(i)];
}

interface AutoNumber { state: 0 | 1 | 2; next: number } // 0 init, 1 auto, 2 manual

/** get_field_object. `args` are the positional arguments (null for format_map), `kwargs` a lookup. */
function getFieldObject(field: string, args: readonly PyVal[] | null, kwargs: ((key: PyUnicodeObject) => PyVal) | null,
  auto: AutoNumber): PyVal {
  const [first, idx0, rest] = fieldNameSplit(field);
  let idx = idx0;
  const empty = first.length === 0;
  const numeric = empty || idx !== -1;
  if (auto.state === 0 && numeric) auto.state = empty ? 1 : 2;
  if (numeric) {
    if (auto.state === 2 && empty) {
      return PyErr_Format(PyExc_ValueError, "cannot switch from manual field specification to automatic field numbering");
    }
    if (auto.state === 1 && !empty) {
      return PyErr_Format(PyExc_ValueError, "cannot switch from automatic field numbering to manual field specification");
    }
  }
  if (empty) idx = auto.next++;
  let obj: PyVal;
  if (idx === -1) {
    const key = PyUnicode_FromString(first);
    if (kwargs === null) return raiseKeyError(key);
    obj = kwargs(key);
  } else {
    if (args === null) return PyErr_Format(PyExc_ValueError, "Format string contains positional fields");
    if (idx >= args.length) {
      return PyErr_Format(PyExc_IndexError, `Replacement index ${idx} out of range for positional args tuple`);
    }
    obj = args[idx];
  }
  for (let step = fieldNameNext(rest, 0); step !== null; step = fieldNameNext(rest, step[3])) {
    const [isAttr, i, name] = step;
    if (isAttr) obj = PyObject_GetAttr(obj, PyUnicode_FromString(name));
    else obj = PyObject_GetItem(obj, i === -1 ? PyUnicode_FromString(name) : i);
  }
  return obj;
}

function doConversion(obj: PyVal, conv: string): PyVal {
  switch (conv) {
    case "r": return PyObject_Repr(obj);
    case "s": return PyObject_Str(obj);
    case "a": return PyObject_ASCII(obj);
    default: {
      const c = conv.codePointAt(0)!;
      if (c > 32 && c < 127) return PyErr_Format(PyExc_ValueError, `Unknown conversion specifier ${conv}`);
      return PyErr_Format(PyExc_ValueError, `Unknown conversion specifier \\x${c.toString(16)}`);
    }
  }
}

function buildString(s: string, args: readonly PyVal[] | null, kwargs: ((key: PyUnicodeObject) => PyVal) | null,
  depth: number, auto: AutoNumber): string {
  if (depth <= 0) return PyErr_Format(PyExc_ValueError, "Max string recursion exceeded");
  let out = "";
  let pos = 0;
  for (let r = markupNext(s, pos); r !== null; r = markupNext(s, pos)) {
    const [p, next] = r;
    pos = next;
    out += p.literal;
    if (!p.fieldPresent) continue;
    let obj = getFieldObject(p.fieldName, args, kwargs, auto);
    if (p.conversion !== "") obj = doConversion(obj, p.conversion);
    const spec = p.specNeedsExpanding ? buildString(p.formatSpec, args, kwargs, depth - 1, auto) : p.formatSpec;
    out += PyObject_Format(obj, PyUnicode_FromString(spec)).value;
  }
  return out;
}

/** str.format(*args, **kwargs): vectorcall-style `args` (positional then keyword values). */
export function do_string_format(fmt: string, args: readonly PyVal[], kwnames: readonly PyVal[] | null): string {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const positional = nkw === 0 ? args : args.slice(0, npos);
  const kwargs = nkw === 0 ? null : (key: PyUnicodeObject): PyVal => {
    for (let k = 0; k < nkw; k++) if ((kwnames![k] as PyUnicodeObject).value === key.value) return args[npos + k];
    return raiseKeyError(key);
  };
  return buildString(fmt, positional, kwargs, 2, { state: 0, next: 0 });
}

/** str.format_map(mapping). */
export function do_string_format_map(fmt: string, mapping: PyVal): string {
  return buildString(fmt, null, (key) => PyObject_GetItem(mapping, key), 2, { state: 0, next: 0 });
}
