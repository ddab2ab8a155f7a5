// Traceback objects (Python/traceback.c) and the display of uncaught exceptions exactly as CPython 3.13's
// traceback module prints them (Lib/traceback.py: chains, notes, PEP 657 carets, repeated-frame folding,
// exception groups). See docs/interpreter.md.
import {
  PyObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, PyUnicode_InternFromString, type PyVal,
  PyUnicodeObject, hasFlag, Py_TPFLAGS_HEAPTYPE,
} from "../objects/object.js";
import { PyFrameObject, PyFrame_GetLineNumber } from "../objects/frameobject.js";
import { PyCode_Addr2Location } from "../objects/codeobject.js";
import { PyBaseExceptionObject, PyBaseExceptionGroupObject, PySyntaxErrorObject, PyExc_SyntaxError,
  PyExc_NameError, PyExc_AttributeError, PyExc_ImportError, PyNameErrorObject, PyAttributeErrorObject,
  PyImportErrorObject } from "../objects/exceptions.js";
import { PyObject_Str, PyObject_Repr, PyType_IsSubtype, _PyObject_LookupAttr, PySequence_List } from "../objects/abstract.js";
import { PyDict_GetItemStr, PyDictObject, PyDict_Keys } from "../objects/dictobject.js";
import { PyUnicode_Check, PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyTupleObject } from "../objects/tupleobject.js";
import { parse } from "../parser/parser.js";
import type * as A from "../ast/nodes.js";

export const PyTraceBack_Type = PyType_Declare("traceback");

export class PyTracebackObject extends PyObject {
  tb_next: PyTracebackObject | null;
  tb_frame: PyFrameObject;
  /** Code-unit index of the instruction (tb_lasti is twice this). */
  tb_instr: number;
  constructor(next: PyTracebackObject | null, frame: PyFrameObject, instr: number) {
    super(PyTraceBack_Type);
    this.tb_next = next;
    this.tb_frame = frame;
    this.tb_instr = instr;
  }
}

/** Prepend a traceback entry for `frame` at its current instruction (PyTraceBack_Here). */
export function PyTraceBack_Here(exc: PyBaseExceptionObject, frame: PyFrameObject): void {
  const cur = exc.traceback instanceof PyTracebackObject ? exc.traceback : null;
  exc.traceback = new PyTracebackObject(cur, frame, frame.instr);
}

function tbLineno(tb: PyTracebackObject): number {
  return PyCode_Addr2Location(tb.tb_frame.f_code, tb.tb_instr)[0];
}

PyType_FromSpecStatic({
  name: "traceback",
  getset: [
    { name: "tb_next", get: (s) => (s as PyTracebackObject).tb_next ?? Py_None,
      set: (s, v) => { (s as PyTracebackObject).tb_next = v === Py_None || v === null ? null : (v as PyTracebackObject); } },
    { name: "tb_frame", get: (s) => (s as PyTracebackObject).tb_frame },
    { name: "tb_lasti", get: (s) => (s as PyTracebackObject).tb_instr * 2 },
    { name: "tb_lineno", get: (s) => {
      const l = tbLineno(s as PyTracebackObject);
      return l < 0 ? Py_None : l;
    } },
  ],
}, PyTraceBack_Type);

// ---- formatting (Lib/traceback.py) ----

/** Reads source lines for tracebacks (through the host); returns null when unavailable. */
export const sourceReader = {
  getLines: (filename: string): string[] | null => { void filename; return null; },
};

interface FrameSummary {
  filename: string;
  lineno: number;
  endLineno: number;
  colno: number;
  endColno: number;
  name: string;
}

function summarize(tb: PyTracebackObject | null): FrameSummary[] {
  const out: FrameSummary[] = [];
  for (let t = tb; t !== null; t = t.tb_next) {
    const code = t.tb_frame.f_code;
    const [l, el, c, ec] = PyCode_Addr2Location(code, t.tb_instr);
    out.push({ filename: code.co_filename.value, lineno: l, endLineno: el, colno: c, endColno: ec, name: code.co_name.value });
  }
  return out;
}

function utf8Len(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** _byte_offset_to_character_offset */
function byteToChar(s: string, offset: number): number {
  const b = new TextEncoder().encode(s);
  return new TextDecoder("utf-8", { fatal: false }).decode(b.slice(0, offset)).length;
}

function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd);
}

function displayWidth(line: string, offset?: number): number {
  if (offset === undefined) offset = line.length;
  if (/^[\x00-\x7f]*$/.test(line)) return offset;
  let w = 0;
  for (const ch of line.slice(0, offset)) w += isWide(ch) ? 2 : 1;
  return w;
}

function dedentLines(lines: string[]): string[] {
  let margin: string | null = null;
  for (const l of lines) {
    if (l.trim() === "") continue;
    const ind = /^[ \t]*/.exec(l)![0];
    if (margin === null) margin = ind;
    else {
      let k = 0;
      while (k < margin.length && k < ind.length && margin[k] === ind[k]) k++;
      margin = margin.slice(0, k);
    }
  }
  const m = margin ?? "";
  return lines.map((l) => (l.trim() === "" ? l.replace(/^[ \t]+$/, "") : l.slice(m.length)));
}

interface Anchors { leftLine: number; leftCol: number; rightLine: number; rightCol: number; primary: string; secondary: string }

function parseExpr(src: string): A.mod | null {
  try {
    return parse(src, "<unknown>", "exec");
  } catch {
    return null;
  }
}

/** _extract_caret_anchors_from_line_segment */
function extractAnchors(segment: string): Anchors | null {
  const tree = parseExpr(`(\n${segment}\n)`) as A.Module | null;
  if (tree === null || tree.body.length !== 1) return null;
  const lines = segment.split(/\r\n|\r|\n/);
  const normalize = (lineno: number, offset: number): number => byteToChar(lines[lineno], offset);
  const nextValid = (lineno: number, col: number): [number, number] => {
    while (lineno < lines.length && col >= lines[lineno].length) { col = 0; lineno++; }
    if (!(lineno < lines.length && col < lines[lineno].length)) throw new Error("anchor");
    return [lineno, col];
  };
  const increment = (lineno: number, col: number): [number, number] => nextValid(lineno, col + 1);
  const nextline = (lineno: number): [number, number] => nextValid(lineno + 1, 0);
  const incrementUntil = (lineno: number, col: number, stop: (c: string) => boolean): [number, number] => {
    for (;;) {
      const ch = lines[lineno][col];
      if (ch === "\\" || ch === "#") [lineno, col] = nextline(lineno);
      else if (!stop(ch)) [lineno, col] = increment(lineno, col);
      else break;
    }
    return [lineno, col];
  };
  const setup = (e: A.expr, forceValid = true): [number, number] => {
    const lineno = e.end_lineno! - 2;
    const col = normalize(lineno, e.end_col_offset!);
    return forceValid ? nextValid(lineno, col) : [lineno, col];
  };
  try {
    const st = tree.body[0];
    if (st.kind !== "Expr") return null;
    const e = st.value;
    if (e.kind === "BinOp") {
      let [lineno, col] = setup(e.left);
      [lineno, col] = incrementUntil(lineno, col, (x) => !/\s/.test(x) && x !== ")");
      let rightCol = col + 1;
      if (rightCol < lines[lineno].length &&
        (e.right.lineno - 2 > lineno || rightCol < normalize(e.right.lineno - 2, e.right.col_offset)) &&
        !/\s/.test(lines[lineno][rightCol]) && !"\\#".includes(lines[lineno][rightCol])) rightCol++;
      return { leftLine: lineno, leftCol: col, rightLine: lineno, rightCol, primary: "~", secondary: "^" };
    }
    if (e.kind === "Subscript") {
      let [ll, lc] = setup(e.value);
      [ll, lc] = incrementUntil(ll, lc, (x) => x === "[");
      const [rl, rc] = setup(e, false);
      return { leftLine: ll, leftCol: lc, rightLine: rl, rightCol: rc, primary: "~", secondary: "^" };
    }
    if (e.kind === "Call") {
      let [ll, lc] = setup(e.func);
      [ll, lc] = incrementUntil(ll, lc, (x) => x === "(");
      const [rl, rc] = setup(e, false);
      return { leftLine: ll, leftCol: lc, rightLine: rl, rightCol: rc, primary: "~", secondary: "^" };
    }
  } catch {
    return null;
  }
  return null;
}

/** StackSummary._should_show_carets */
function shouldShowCarets(start: number, end: number, allLines: string[], anchors: Anchors | null): boolean {
  const tree = parseExpr(allLines.join("\n")) as A.Module | null;
  if (tree !== null) {
    if (tree.body.length === 0) return false;
    const st = tree.body[0];
    let value: A.expr | null = null;
    if (st.kind === "Return" && st.value !== null && st.value.kind === "Call" && st.value.func.kind === "Name") value = st.value;
    if (st.kind === "Assign" && st.value.kind === "Call" && st.targets.length === 1 && st.targets[0].kind === "Name") value = st.value;
    if (value !== null && value.lineno === 1 && value.end_lineno === allLines.length && value.col_offset === start &&
      value.end_col_offset === end) return false;
  }
  if (anchors) return true;
  if (allLines[0].slice(0, start).trimStart() || allLines[allLines.length - 1].slice(end).trimEnd()) return true;
  return false;
}

function formatFrame(f: FrameSummary): string {
  let row = `  File "${f.filename}", line ${f.lineno < 0 ? "None" : f.lineno}, in ${f.name}\n`;
  const src = f.lineno > 0 ? sourceReader.getLines(f.filename) : null;
  if (src === null || f.lineno > src.length) return row;
  const endLineno = f.endLineno >= f.lineno ? f.endLineno : f.lineno;
  const original = src.slice(f.lineno - 1, Math.min(endLineno, src.length));
  if (original.join("").trim() === "") return row;
  if (f.colno < 0 || f.endColno < 0) {
    return row + `    ${src[f.lineno - 1].trim()}\n`;
  }
  const firstLine = original[0];
  const lastLine = original[endLineno - f.lineno] ?? original[original.length - 1];
  let startOffset = byteToChar(firstLine, f.colno);
  let endOffset = byteToChar(lastLine, f.endColno);
  const allLines = dedentLines(original).slice(0, endLineno - f.lineno + 1);
  const dedentChars = firstLine.length - allLines[0].length;
  startOffset = Math.max(0, startOffset - dedentChars);
  endOffset = Math.max(0, endOffset - dedentChars);
  const dpStart = displayWidth(allLines[0], startOffset);
  const dpEnd = displayWidth(allLines[allLines.length - 1], endOffset);
  let segment = allLines.join("\n");
  segment = segment.slice(startOffset, segment.length - (allLines[allLines.length - 1].length - endOffset));
  const anchors = extractAnchors(segment);
  const showCarets = shouldShowCarets(startOffset, endOffset, allLines, anchors);
  const result: string[] = [];
  const significant = new Set<number>([0, allLines.length - 1]);
  let leftEnd = 0, rightStart = 0;
  let primary = "^", secondary = "^";
  if (anchors) {
    leftEnd = anchors.leftCol;
    rightStart = anchors.rightCol;
    if (anchors.leftLine === 0) leftEnd += startOffset;
    if (anchors.rightLine === 0) rightStart += startOffset;
    leftEnd = displayWidth(allLines[anchors.leftLine], leftEnd);
    rightStart = displayWidth(allLines[anchors.rightLine], rightStart);
    primary = anchors.primary;
    secondary = anchors.secondary;
    for (let k = anchors.leftLine - 1; k <= anchors.leftLine + 1; k++) significant.add(k);
    for (let k = anchors.rightLine - 1; k <= anchors.rightLine + 1; k++) significant.add(k);
  }
  significant.delete(-1);
  significant.delete(allLines.length);
  const outputLine = (lineno: number): void => {
    result.push(allLines[lineno] + "\n");
    if (!showCarets) return;
    const line = allLines[lineno];
    const numSpaces = line.length - line.trimStart().length;
    const numCarets = lineno === allLines.length - 1 ? dpEnd : displayWidth(line);
    let carets = "";
    for (let col = 0; col < numCarets; col++) {
      if (col < numSpaces || (lineno === 0 && col < dpStart)) carets += " ";
      else if (anchors && (lineno > anchors.leftLine || (lineno === anchors.leftLine && col >= leftEnd)) &&
        (lineno < anchors.rightLine || (lineno === anchors.rightLine && col < rightStart))) carets += secondary;
      else carets += primary;
    }
    result.push(carets + "\n");
  };
  const sig = [...significant].sort((a, b) => a - b);
  sig.forEach((lineno, i) => {
    if (i) {
      const diff = lineno - sig[i - 1];
      if (diff === 2) outputLine(lineno - 1);
      else if (diff > 2) result.push(`...<${diff - 1} lines>...\n`);
    }
    outputLine(lineno);
  });
  const block = dedentLines(result.join("").split("\n")).join("\n");
  row += block.split("\n").map((l, i, arr) => (i === arr.length - 1 && l === "" ? "" : `    ${l}`)).join("\n");
  return row;
}

const RECURSIVE_CUTOFF = 3;

function formatStack(frames: FrameSummary[]): string {
  const result: string[] = [];
  let last: FrameSummary | null = null;
  let count = 0;
  for (const f of frames) {
    if (last === null || last.filename !== f.filename || last.lineno !== f.lineno || last.name !== f.name) {
      if (count > RECURSIVE_CUTOFF) {
        count -= RECURSIVE_CUTOFF;
        result.push(`  [Previous line repeated ${count} more time${count > 1 ? "s" : ""}]\n`);
      }
      last = f;
      count = 0;
    }
    count++;
    if (count > RECURSIVE_CUTOFF) continue;
    result.push(formatFrame(f));
  }
  if (count > RECURSIVE_CUTOFF) {
    count -= RECURSIVE_CUTOFF;
    result.push(`  [Previous line repeated ${count} more time${count > 1 ? "s" : ""}]\n`);
  }
  return result.join("");
}

function safeStr(v: PyVal): string {
  try {
    return PyObject_Str(v).value;
  } catch {
    return "<exception str() failed>";
  }
}

function excTypeName(exc: PyBaseExceptionObject): string {
  const t = exc.ob_type;
  let mod = "builtins";
  if (hasFlag(t, Py_TPFLAGS_HEAPTYPE)) {
    const m = PyDict_GetItemStr(t.tp_dict as PyDictObject, PyUnicode_InternFromString("__module__"));
    mod = m !== undefined && PyUnicode_Check(m) ? m.value : "<unknown>";
  } else {
    const dot = t.tp_name.lastIndexOf(".");
    if (dot >= 0) mod = t.tp_name.slice(0, dot);
  }
  const q = t.tp_qualname;
  return mod === "__main__" || mod === "builtins" ? q : `${mod}.${q}`;
}

/** Suggestions for NameError/AttributeError/ImportError ("Did you mean: ...?"), as traceback.py computes them. */
export const suggestions = {
  compute: (exc: PyBaseExceptionObject): string | null => computeSuggestion(exc),
};

function levenshtein(a: string, b: string, max: number): number {
  // _Py_levenshtein_distance with CPython's costs: move 2, case-change 1.
  const MOVE = 2, CASE = 1;
  if (a === b) return 0;
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  a = a.slice(pre); b = b.slice(pre);
  let suf = 0;
  while (suf < a.length && suf < b.length && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  a = a.slice(0, a.length - suf); b = b.slice(0, b.length - suf);
  if (!a || !b) return MOVE * (a.length + b.length);
  if (Math.abs(a.length - b.length) * MOVE > max) return max + 1;
  if (b.length < a.length) [a, b] = [b, a];
  const buf: number[] = [];
  for (let i = 0; i < a.length; i++) buf[i] = (i + 1) * MOVE;
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const bc = b[bi];
    let distance = bi * MOVE;
    result = distance;
    let minimum = Infinity;
    for (let ai = 0; ai < a.length; ai++) {
      const substitute = distance + (a[ai] === bc ? 0 : a[ai].toLowerCase() === bc.toLowerCase() ? CASE : MOVE);
      distance = buf[ai];
      const insertDelete = Math.min(result, distance) + MOVE;
      result = Math.min(insertDelete, substitute);
      buf[ai] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max) return max + 1;
  }
  return result;
}

function bestMatch(candidates: string[], wrong: string): string | null {
  const MAX_CANDIDATE_ITEMS = 750, MAX_STRING_SIZE = 40, MOVE = 2;
  if (candidates.length > MAX_CANDIDATE_ITEMS || wrong.length > MAX_STRING_SIZE) return null;
  let best: string | null = null;
  let bestDist: number | null = null;
  for (const c of [...candidates].sort()) {
    if (c === wrong) continue;
    let maxDist = Math.floor((wrong.length + c.length + 3) * MOVE / 6);
    if (bestDist !== null) maxDist = Math.min(bestDist - 1, maxDist);
    const d = levenshtein(wrong, c, maxDist);
    if (d > maxDist) continue;
    if (bestDist === null || d < bestDist) { best = c; bestDist = d; }
  }
  return best;
}

function dirNames(o: PyVal): string[] {
  try {
    const d = _PyObject_LookupAttr(o, PyUnicode_InternFromString("__dir__"));
    if (d === undefined) return [];
    const r = PySequence_List(Py_TYPE(d).tp_call!(d, [], null));
    return r.filter(PyUnicode_Check).map((x) => (x as PyUnicodeObject).value);
  } catch {
    return [];
  }
}

export const suggestionContext = {
  /** The frame where a NameError was raised (its locals/globals/builtins), found from the traceback. */
  frameNames: (f: PyFrameObject): string[] => {
    const out: string[] = [];
    const code = f.f_code;
    for (const n of code._localsplusnames) out.push(n.value);
    for (const d of [f.f_globals, f.f_builtins]) for (const k of PyDict_Keys(d)) if (PyUnicode_Check(k)) out.push(k.value);
    return out;
  },
};

function computeSuggestion(exc: PyBaseExceptionObject): string | null {
  const t = exc.ob_type;
  if (PyType_IsSubtype(t, PyExc_NameError)) {
    const name = (exc as PyNameErrorObject).name;
    if (!PyUnicode_Check(name)) return null;
    let tb = exc.traceback instanceof PyTracebackObject ? exc.traceback : null;
    if (tb === null) return null;
    while (tb.tb_next !== null) tb = tb.tb_next;
    const f = tb.tb_frame;
    const cands = suggestionContext.frameNames(f);
    const s = bestMatch(cands, name.value);
    if (s === null && cands.includes("self") && f.f_code._localsplusnames.some((n) => n.value === "self")) {
      // "Did you mean: 'self.x'?" when self has the attribute.
      const i = f.f_code._localsplusnames.findIndex((n) => n.value === "self");
      const self = f.localsplus[i];
      if (self !== null && self !== undefined && _PyObject_LookupAttr(self, name) !== undefined) return `self.${name.value}`;
    }
    return s;
  }
  if (PyType_IsSubtype(t, PyExc_AttributeError)) {
    const e = exc as PyAttributeErrorObject;
    if (!PyUnicode_Check(e.name) || e.obj === Py_None && !("obj" in e)) return null;
    return bestMatch(dirNames(e.obj), e.name.value);
  }
  if (PyType_IsSubtype(t, PyExc_ImportError)) {
    const e = exc as PyImportErrorObject;
    if (!PyUnicode_Check(e.name_from)) return null;
    return null;
  }
  return null;
}

function formatExceptionOnly(exc: PyBaseExceptionObject): string[] {
  const stype = excTypeName(exc);
  if (PyType_IsSubtype(exc.ob_type, PyExc_SyntaxError) && exc instanceof PySyntaxErrorObject) {
    return formatSyntaxError(exc, stype);
  }
  const value = safeStr(exc);
  let line = value === "" ? `${stype}\n` : `${stype}: ${value}\n`;
  if (PyType_IsSubtype(exc.ob_type, PyExc_NameError) || PyType_IsSubtype(exc.ob_type, PyExc_AttributeError) ||
    PyType_IsSubtype(exc.ob_type, PyExc_ImportError)) {
    let sugg: string | null = null;
    try { sugg = suggestions.compute(exc); } catch { sugg = null; }
    if (sugg !== null) line = line.slice(0, -1) + `. Did you mean: '${sugg}'?\n`;
    else if (PyType_IsSubtype(exc.ob_type, PyExc_NameError) && PyUnicode_Check((exc as PyNameErrorObject).name)) {
      const n = ((exc as PyNameErrorObject).name as PyUnicodeObject).value;
      if (STDLIB_MODULE_NAMES.has(n)) line = line.slice(0, -1) + `. Did you forget to import '${n}'?\n`;
    }
  }
  const out = [line];
  const notes = exc.dict !== null ? PyDict_GetItemStr(exc.dict, PyUnicode_InternFromString("__notes__")) : undefined;
  if (notes !== undefined) {
    let items: PyVal[] | null = null;
    try {
      if (typeof notes !== "number" && (notes.ob_type.tp_name === "list" || notes.ob_type.tp_name === "tuple")) {
        items = PySequence_List(notes);
      }
    } catch { items = null; }
    if (items === null) out.push(`${safeRepr(notes)}\n`);
    else for (const n of items) out.push(`${PyUnicode_Check(n) ? n.value : safeStr(n)}\n`);
  }
  return out;
}

const STDLIB_MODULE_NAMES = new Set(["sys", "os", "math", "re", "json", "time", "random", "collections", "itertools",
  "functools", "typing", "string", "datetime", "copy", "io", "abc", "enum", "dataclasses", "pathlib", "subprocess"]);

function safeRepr(v: PyVal): string {
  try { return PyObject_Repr(v).value; } catch { return "<__notes__ repr() failed>"; }
}

function formatSyntaxError(e: PySyntaxErrorObject, stype: string): string[] {
  const out: string[] = [];
  const filename = PyUnicode_Check(e.filename) ? e.filename.value : "<string>";
  const lineno = typeof e.lineno === "number" ? e.lineno : null;
  if (lineno !== null) out.push(`  File "${filename}", line ${lineno}\n`);
  else if (PyUnicode_Check(e.filename)) out.push(`  File "${filename}"\n`);
  if (PyUnicode_Check(e.text)) {
    const text = e.text.value;
    const rtext = text.replace(/[\n\r]+$/, "");
    const ltext = rtext.trimStart();
    const spaces = rtext.length - ltext.length;
    out.push(`    ${ltext}\n`);
    if (typeof e.offset === "number") {
      let offset = e.offset;
      let end = typeof e.end_offset === "number" && e.end_offset > 0 && (e.end_lineno === e.lineno || e.end_lineno === Py_None)
        ? e.end_offset : offset;
      if (end === 0 || (typeof e.end_lineno === "number" && lineno !== null && e.end_lineno > lineno)) end = rtext.length + 1;
      if (offset === end || end === -1) end = offset + 1;
      const colno = offset - 1 - spaces;
      const endColno = end - 1 - spaces;
      if (colno >= 0) {
        const caretSpace = ltext.slice(0, colno).replace(/[^\s]/g, " ");
        out.push(`    ${caretSpace}${"^".repeat(Math.max(1, endColno - colno))}\n`);
      }
    }
  }
  const msg = e.msg !== Py_None ? safeStr(e.msg) : "<no detail available>";
  out.push(`${stype}: ${msg}\n`);
  const notes = e.dict !== null ? PyDict_GetItemStr(e.dict, PyUnicode_InternFromString("__notes__")) : undefined;
  if (notes !== undefined) for (const n of PySequence_List(notes)) out.push(`${PyUnicode_Check(n) ? n.value : safeStr(n)}\n`);
  return out;
}

const MAX_GROUP_WIDTH = 15, MAX_GROUP_DEPTH = 10;

/** _ExceptionPrintContext: the exception-group nesting of the text being produced. */
interface PrintContext {
  depth: number;
  needClose: boolean;
}

function emitText(ctx: PrintContext, text: string, margin = "|"): string {
  let indent = " ".repeat(2 * ctx.depth);
  if (ctx.depth) indent += margin + " ";
  // textwrap.indent(text, indent, lambda line: True): every line, keeping line ends.
  return text.split(/(?<=\n)/).map((l) => (l === "" ? "" : indent + l)).join("");
}

/** Format an exception with its chain, as traceback.TracebackException.format does. */
export function formatException(exc: PyBaseExceptionObject): string {
  const out: string[] = [];
  formatTE(exc, new Set(), out, { depth: 0, needClose: false });
  return out.join("");
}

function formatTE(top: PyBaseExceptionObject, seen: Set<unknown>, out: string[], ctx: PrintContext): void {
  const chain: [string | null, PyBaseExceptionObject][] = [];
  let exc: PyBaseExceptionObject | null = top;
  seen.add(top);
  while (exc !== null) {
    let msg: string | null = null;
    let next: PyBaseExceptionObject | null = null;
    if (exc.cause instanceof PyBaseExceptionObject) {
      if (!seen.has(exc.cause)) { msg = "\nThe above exception was the direct cause of the following exception:\n\n"; next = exc.cause; }
    } else if (exc.context instanceof PyBaseExceptionObject && !exc.suppress_context && !seen.has(exc.context)) {
      msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
      next = exc.context;
    }
    chain.push([msg, exc]);
    if (next !== null) seen.add(next);
    exc = next;
  }
  for (let k = chain.length - 1; k >= 0; k--) {
    const [msg, e] = chain[k];
    if (msg !== null) out.push(emitText(ctx, msg));
    const tb = e.traceback instanceof PyTracebackObject ? e.traceback : null;
    if (!(e instanceof PyBaseExceptionGroupObject)) {
      if (tb !== null) {
        out.push(emitText(ctx, "Traceback (most recent call last):\n"));
        out.push(emitText(ctx, formatStack(summarize(tb))));
      }
      out.push(emitText(ctx, formatExceptionOnly(e).join("")));
      continue;
    }
    if (ctx.depth > MAX_GROUP_DEPTH) {
      out.push(emitText(ctx, `... (max_group_depth is ${MAX_GROUP_DEPTH})\n`));
      continue;
    }
    const isTop = ctx.depth === 0;
    if (isTop) ctx.depth++;
    if (tb !== null) {
      out.push(emitText(ctx, "Exception Group Traceback (most recent call last):\n", isTop ? "+" : "|"));
      out.push(emitText(ctx, formatStack(summarize(tb))));
    }
    out.push(emitText(ctx, formatExceptionOnly(e).join("")));
    const excs = (e.excs as PyTupleObject).ob_item;
    const num = excs.length;
    const n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    ctx.needClose = false;
    for (let i = 0; i < n; i++) {
      const last = i === n - 1;
      if (last) ctx.needClose = true;
      const truncated = i >= MAX_GROUP_WIDTH;
      const title = truncated ? "..." : `${i + 1}`;
      out.push(" ".repeat(2 * ctx.depth) + (i === 0 ? "+-" : "  ") + `+---------------- ${title} ----------------\n`);
      ctx.depth++;
      if (!truncated) {
        formatTE(excs[i] as PyBaseExceptionObject, seen, out, ctx);
      } else {
        const remaining = num - MAX_GROUP_WIDTH;
        out.push(emitText(ctx, `and ${remaining} more exception${remaining > 1 ? "s" : ""}\n`));
      }
      if (last && ctx.needClose) {
        out.push(" ".repeat(2 * ctx.depth) + "+------------------------------------\n");
        ctx.needClose = false;
      }
      ctx.depth--;
    }
    if (isTop) ctx.depth = 0;
  }
}

export function isTraceback(v: PyVal): boolean {
  return v instanceof PyTracebackObject;
}

