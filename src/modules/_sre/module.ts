// The Python-facing _sre module: compile, template and the case helpers; re.Pattern, re.Match, _sre.SRE_Scanner and
// _sre.SRE_Template with CPython's reprs, argument handling and error messages, over the engine in ./sre.ts.
// Counterpart: the object half of Modules/_sre/sre.c (3.13). See docs/sre.md.
import {
  PyObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_NotImplemented, Py_HashHi,
  Py_EQ, Py_NE, METH_NOARGS, METH_O, METH_CLASS, METH_FASTCALL, METH_KEYWORDS, Py_TPFLAGS_DISALLOW_INSTANTIATION,
  Py_TPFLAGS_IMMUTABLETYPE, PyUnicodeObject, type PyVal,
} from "../../objects/object.js";
import type { PyModuleObject } from "../../objects/moduleobject.js";
import { PyModule_FromDef, PyModule_Add, type PyModuleDef } from "../moduledef.js";
import { PyDictObject, PyDict_New, PyDict_Check, PyDict_GetItem, PyDict_SetItem, PyDict_Size,
  PyDict_Items } from "../../objects/dictobject.js";
import { PyUnicode_FromString, PyUnicode_Check, PyUnicode_CheckExact, PyUnicode_GetLength } from "../../objects/unicodeobject.js";
import { PyBytesObject, PyBytes_FromArray, PyBytes_Check, bytesLikeData } from "../../objects/bytesobject.js";
import { PyList_New, PyList_Check, PyListObject } from "../../objects/listobject.js";
import { PyTuple_New, PyTuple_Check, PyTupleObject } from "../../objects/tupleobject.js";
import { PyLong_Check, longValue } from "../../objects/longobject.js";
import { PyBool_FromLong } from "../../objects/boolobject.js";
import { PyCallIterObject } from "../../objects/iterobject.js";
import { PyMappingProxyObject } from "../../objects/descrobject.js";
import { Py_GenericAlias } from "../../objects/genericaliasobject.js";
import {
  PyObject_Vectorcall, PyObject_CallOneArg, PyObject_GetAttrStr, PyObject_Hash, PyObject_Repr,
  PyObject_RichCompareBool, PyNumber_AsSsize_t, PyNumber_Index,
} from "../../objects/abstract.js";
import {
  PyExc_TypeError, PyExc_ValueError, PyExc_IndexError, PyExc_RuntimeError, PyExc_OverflowError,
  PyExc_SystemError, PyExc_RecursionError, PyExc_MemoryError, PyBaseExceptionObject,
} from "../../objects/exceptions.js";
import { PyErr_Format, PyErr_SetObject } from "../../runtime/errors.js";
import { _Py_HashBytes, hashOut } from "../../runtime/pyhash.js";
import { parseArgs } from "../../runtime/getargs.js";
import { importHooks } from "../../runtime/pylifecycle.js";
import { getSys } from "../../runtime/sysmodule.js";
import { SRE_MAGIC, CODESIZE, SRE_MAXREPEAT, SRE_MAXGROUPS, SRE_FLAG_IGNORECASE, SRE_FLAG_LOCALE,
  SRE_FLAG_MULTILINE, SRE_FLAG_DOTALL, SRE_FLAG_UNICODE, SRE_FLAG_VERBOSE, SRE_FLAG_DEBUG,
  SRE_FLAG_ASCII } from "./sre_constants.js";
import {
  SreError, SrePattern, SreMatch, SreScanner, SreTemplate, type SRE_CHARS, type SubFilter, _sre_compile,
  _sre_template, pattern_match, pattern_fullmatch, pattern_search, pattern_findall as sre_pattern_findall,
  pattern_split as sre_pattern_split, pattern_subx as sre_pattern_subx,
  expand_template, match_getslice_by_index, sre_chars_from_string, sre_string_slice, _sre_ascii_iscased,
  _sre_unicode_iscased, _sre_ascii_tolower, _sre_unicode_tolower, sre_set_interrupt_hook,
} from "./sre.js";
import { _PyThreadState_GET } from "../../runtime/pystate.js";
import { vmHooks } from "../../vm/hooks.js";
import { _PyGC_AddRoot } from "../../runtime/gc.js";

const copyright = " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ";
const MAXSIZE = Number.MAX_SAFE_INTEGER;

export const Pattern_Type = PyType_Declare("re.Pattern");
export const Match_Type = PyType_Declare("re.Match");
export const Scanner_Type = PyType_Declare("_sre.SRE_Scanner");
export const Template_Type = PyType_Declare("_sre.SRE_Template");

export class PatternObject extends PyObject {
  readonly sre: SrePattern;
  /** the pattern string or bytes (None when compiled from None) */
  readonly pattern: PyVal;
  readonly groupindex: PyDictObject | null;
  readonly indexgroup: PyTupleObject | null;
  constructor(sre: SrePattern, pattern: PyVal, groupindex: PyDictObject | null, indexgroup: PyTupleObject | null) {
    super(Pattern_Type);
    this.sre = sre;
    this.pattern = pattern;
    this.groupindex = groupindex;
    this.indexgroup = indexgroup;
  }
}

export class MatchObject extends PyObject {
  readonly m: SreMatch;
  readonly string: PyVal;
  readonly pattern: PatternObject;
  regs: PyVal | null;
  constructor(m: SreMatch, string: PyVal, pattern: PatternObject) {
    super(Match_Type);
    this.m = m;
    this.string = string;
    this.pattern = pattern;
    this.regs = null;
  }
}

export class ScannerObject extends PyObject {
  readonly scanner: SreScanner;
  readonly string: PyVal;
  readonly pattern: PatternObject;
  constructor(scanner: SreScanner, string: PyVal, pattern: PatternObject) {
    super(Scanner_Type);
    this.scanner = scanner;
    this.string = string;
    this.pattern = pattern;
  }
}

export class TemplateObject extends PyObject {
  readonly t: SreTemplate<PyVal>;
  constructor(t: SreTemplate<PyVal>) {
    super(Template_Type);
    this.t = t;
  }
}

/** Engine errors become the Python exceptions they name. */
function raiseSre(e: unknown): never {
  if (!(e instanceof SreError)) throw e;
  const types = {
    TypeError: PyExc_TypeError, RuntimeError: PyExc_RuntimeError, OverflowError: PyExc_OverflowError,
    IndexError: PyExc_IndexError, SystemError: PyExc_SystemError, RecursionError: PyExc_RecursionError,
    MemoryError: PyExc_MemoryError, ValueError: PyExc_ValueError,
  } as const;
  if (e.kind === "MemoryError") return PyErr_SetObject(PyExc_MemoryError, null); /* PyErr_NoMemory */
  return PyErr_Format(types[e.kind], e.message);
}

function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    return engineError(e);
  }
}

/** What a failure inside the engine raises in Python. */
function engineError(e: unknown): never {
  if (e instanceof PyBaseExceptionObject) throw e;
  if (e instanceof RangeError) {
    /* the backtracking stacks could not grow (CPython: SRE_ERROR_MEMORY), or hand-built code nested too deep for
       SRE(count)'s nested matches */
    if (/call stack/i.test(e.message)) return PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded");
    return PyErr_SetObject(PyExc_MemoryError, null); /* PyErr_NoMemory */
  }
  return raiseSre(e);
}

// ---------------------------------------------------------------------------------------------------------------
// Subjects (getstring) and slices (getslice).

/** Long str subjects converted once (several patterns over the same text); keyed weakly by the str object. Short
    ones are converted per call: a WeakMap entry costs more than converting a line. */
const charsCache = new WeakMap<PyUnicodeObject, SRE_CHARS>();

interface Subject {
  readonly chars: SRE_CHARS;
  readonly isbytes: boolean;
}

/** getstring: the code points of a str or the bytes of a bytes-like object; null if it is neither. */
function getstring(obj: PyVal): Subject | null {
  if (typeof obj !== "number" && PyUnicode_Check(obj)) {
    const u = obj;
    if (u.value.length < 1024) return { chars: sre_chars_from_string(u.value), isbytes: false };
    let c = charsCache.get(u);
    if (c === undefined) {
      c = sre_chars_from_string(u.value);
      charsCache.set(u, c);
    }
    return { chars: c, isbytes: false };
  }
  const b = bytesLikeData(obj);
  if (b === null) return null;
  return { chars: b, isbytes: true };
}

function getstringOrRaise(obj: PyVal): Subject {
  const s = getstring(obj);
  if (s === null) {
    return PyErr_Format(PyExc_TypeError, `expected string or bytes-like object, got '${Py_TYPE(obj).tp_name}'`);
  }
  return s;
}

/** getslice: [i, j) of the subject as a new str or bytes (the subject itself when it is all of an exact one). */
function slicer(string: PyVal, subj: Subject): (i: number, j: number) => PyVal {
  const chars = subj.chars;
  if (subj.isbytes) {
    const whole = PyBytes_Check(string) && Py_TYPE(string).tp_name === "bytes";
    return (i, j) => (whole && i === 0 && j === chars.length ? string : PyBytes_FromArray(chars.slice(i, j) as Uint8Array));
  }
  const u = string as PyUnicodeObject;
  const bmp = u.value.length === chars.length;
  const exact = PyUnicode_CheckExact(u);
  return (i, j) => {
    if (exact && i === 0 && j === chars.length) return u;
    return PyUnicode_FromString(bmp ? u.value.slice(i, j) : sre_string_slice(chars, i, j));
  };
}

function ssize(v: PyVal | undefined, def: number): number {
  if (v === undefined) return def;
  return PyNumber_AsSsize_t(v, null);
}

// ---------------------------------------------------------------------------------------------------------------
// Match objects.

function pattern_new_match(self: PatternObject, string: PyVal, m: SreMatch | null): PyVal {
  return m === null ? Py_None : new MatchObject(m, string, self);
}

/** Slices of the matched subject: a str's code points from the match (str is immutable: no second conversion),
    a bytes-like object's current contents (a bytearray may have changed since, as match_getslice_by_index allows). */
function match_slicer(self: MatchObject): (i: number, j: number) => PyVal {
  if (self.m.isbytes) return slicer(self.string, getstringOrRaise(self.string));
  return slicer(self.string, { chars: self.m.string, isbytes: false });
}

/** match_getindex: a group number from an int or a group name; IndexError('no such group') otherwise. */
function match_getindex(self: MatchObject, index: PyVal | undefined): number {
  if (index === undefined) return 0;
  let i = -1;
  if (typeof index === "number" || Py_TYPE(index).nb_index !== null) {
    i = PyNumber_AsSsize_t(index, null);
  } else if (self.pattern.groupindex !== null) {
    const v = PyDict_GetItem(self.pattern.groupindex, index);
    if (v !== undefined && PyLong_Check(v)) i = PyNumber_AsSsize_t(v, null);
  }
  if (i < 0 || i >= self.m.groups) return PyErr_Format(PyExc_IndexError, "no such group");
  return i;
}

function match_getslice(self: MatchObject, index: PyVal | undefined, def: PyVal): PyVal {
  const i = match_getindex(self, index);
  return match_getslice_by_index(self.m, i, def, match_slicer(self));
}

function match_group(self: PyVal, args: readonly PyVal[]): PyVal {
  const m = self as MatchObject;
  switch (args.length) {
    case 0: return match_getslice(m, 0, Py_None);
    case 1: return match_getslice(m, args[0]!, Py_None);
    default: return PyTuple_New(args.map((a) => match_getslice(m, a, Py_None)));
  }
}

function match_groups(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [d] = parseArgs("groups", args, kwnames, ["default"], 0, 1);
  const m = self as MatchObject;
  const sl = match_slicer(m);
  const out: PyVal[] = [];
  for (let i = 1; i < m.m.groups; i++) out.push(match_getslice_by_index(m.m, i, d ?? Py_None, sl));
  return PyTuple_New(out);
}

function match_groupdict(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [d] = parseArgs("groupdict", args, kwnames, ["default"], 0, 1);
  const m = self as MatchObject;
  const result = PyDict_New();
  if (m.pattern.groupindex === null) return result;
  for (const [key] of [...PyDict_Items(m.pattern.groupindex)]) {
    PyDict_SetItem(result, key, match_getslice(m, key, d ?? Py_None));
  }
  return result;
}

function match_start(self: PyVal, args: readonly PyVal[]): PyVal {
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `start expected at most 1 argument, got ${args.length}`);
  const m = self as MatchObject;
  return m.m.mark[match_getindex(m, args[0]) * 2]!;
}

function match_end(self: PyVal, args: readonly PyVal[]): PyVal {
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `end expected at most 1 argument, got ${args.length}`);
  const m = self as MatchObject;
  return m.m.mark[match_getindex(m, args[0]) * 2 + 1]!;
}

function match_span(self: PyVal, args: readonly PyVal[]): PyVal {
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `span expected at most 1 argument, got ${args.length}`);
  const m = self as MatchObject;
  const i = match_getindex(m, args[0]);
  return PyTuple_New([m.m.mark[i * 2]!, m.m.mark[i * 2 + 1]!]);
}

function match_regs(self: PyVal): PyVal {
  const m = self as MatchObject;
  if (m.regs !== null) return m.regs;
  const regs: PyVal[] = [];
  for (let i = 0; i < m.m.groups; i++) regs.push(PyTuple_New([m.m.mark[i * 2]!, m.m.mark[i * 2 + 1]!]));
  m.regs = PyTuple_New(regs);
  return m.regs;
}

function match_expand(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [template] = parseArgs("expand", args, kwnames, ["template"], 1, 1);
  const m = self as MatchObject;
  const filter = compile_template(m.pattern, template!);
  return expand(filter, m);
}

/** Truncates a repr as %.200R / %.50R do (code points). */
function truncRepr(v: PyVal, n: number): string {
  const r = PyObject_Repr(v);
  if (PyUnicode_GetLength(r) <= n) return r.value;
  return [...r.value].slice(0, n).join("");
}

function match_repr(self: PyVal): PyUnicodeObject {
  const m = self as MatchObject;
  const group0 = match_getslice_by_index(m.m, 0, Py_None, match_slicer(m));
  return PyUnicode_FromString(
    `<${Py_TYPE(m).tp_name} object; span=(${m.m.mark[0]}, ${m.m.mark[1]}), match=${truncRepr(group0, 50)}>`);
}

// ---------------------------------------------------------------------------------------------------------------
// Templates and sub/subn.

/* re._compile_template, looked up at the first use and kept, as sre.c keeps it in the module state; the state here
   is per interpreter (per sys.modules), since the types are static */
let compileTemplateFunc: PyVal | null = null;
let compileTemplateModules: PyVal | null = null;
_PyGC_AddRoot("_sre", () => [compileTemplateFunc, compileTemplateModules]);

/** compile_template: re._compile_template(pattern, repl), which returns an SRE_Template. */
function compile_template(pattern: PatternObject, template: PyVal): TemplateObject {
  const modules = getSys().modules;
  if (compileTemplateFunc === null || compileTemplateModules !== modules) {
    const re = importHooks.importModule("re", Py_None, Py_None, 0);
    compileTemplateFunc = PyObject_GetAttrStr(re, "_compile_template")!;
    compileTemplateModules = modules;
  }
  const func = compileTemplateFunc;
  let result: PyVal;
  try {
    result = PyObject_Vectorcall(func, [pattern, template], null);
  } catch (e) {
    if (!(e instanceof PyBaseExceptionObject) || !Py_TYPE(e).mro.includes(PyExc_TypeError)) throw e;
    /* an unhashable replacement (bytearray, a str subclass): retry with the basic type */
    let t: PyVal;
    if (typeof template !== "number" && PyUnicode_Check(template) && !PyUnicode_CheckExact(template)) {
      t = PyUnicode_FromString((template as PyUnicodeObject).value);
    } else if (bytesLikeData(template) !== null && !(PyBytes_Check(template) && Py_TYPE(template).tp_name === "bytes")) {
      t = PyBytes_FromArray(bytesLikeData(template)!.slice());
    } else {
      throw e;
    }
    result = PyObject_Vectorcall(func, [pattern, t], null);
  }
  if (Py_TYPE(result) !== Template_Type) {
    return PyErr_Format(PyExc_RuntimeError,
      `the result of compiling a replacement string is ${Py_TYPE(result).tp_name}`);
  }
  return result as TemplateObject;
}

/** Joins pieces as str or bytes, as PyUnicode_Join / PyBytes_Join do (TypeError for a piece of another kind). */
function join(pieces: readonly PyVal[], isbytes: boolean): PyVal {
  if (!isbytes) {
    const parts: string[] = new Array<string>(pieces.length);
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (typeof p === "number" || !PyUnicode_Check(p)) {
        return PyErr_Format(PyExc_TypeError, `sequence item ${i}: expected str instance, ${Py_TYPE(p).tp_name} found`);
      }
      parts[i] = p.value;
    }
    return PyUnicode_FromString(parts.join(""));
  }
  const parts: Uint8Array[] = [];
  let n = 0;
  for (let i = 0; i < pieces.length; i++) {
    const b = bytesLikeData(pieces[i]!);
    if (b === null) {
      return PyErr_Format(PyExc_TypeError,
        `sequence item ${i}: expected a bytes-like object, ${Py_TYPE(pieces[i]!).tp_name} found`);
    }
    parts.push(b);
    n += b.length;
  }
  const out = new Uint8Array(n);
  let k = 0;
  for (const b of parts) { out.set(b, k); k += b.length; }
  return PyBytes_FromArray(out);
}

function expand(filter: TemplateObject, m: MatchObject): PyVal {
  const t = filter.t;
  if (t.indices.length === 0) return t.literal;
  const pieces = guard(() => expand_template(t, m.m, match_slicer(m)));
  return join(pieces, !(typeof t.literal !== "number" && PyUnicode_Check(t.literal)));
}

function isCallable(v: PyVal): boolean {
  return typeof v !== "number" && Py_TYPE(v).tp_call !== null;
}

function pattern_subx(self: PatternObject, ptemplate: PyVal, string: PyVal, count: number, subn: boolean): PyVal {
  let filter: SubFilter<PyVal>;
  if (isCallable(ptemplate)) {
    filter = { kind: "callable", call: (m) => {
      const item = PyObject_CallOneArg(ptemplate, new MatchObject(m, string, self));
      return item === Py_None ? null : item;
    } };
  } else {
    /* a literal unless it holds a backslash; otherwise hand it over to the template compiler */
    const t = getstring(ptemplate);
    const literal = t !== null && t.chars.indexOf(0x5c) < 0;
    if (literal) {
      filter = { kind: "literal", value: ptemplate };
    } else {
      const tobj = compile_template(self, ptemplate);
      filter = tobj.t.indices.length === 0
        ? { kind: "literal", value: tobj.t.literal }
        : { kind: "template", template: tobj.t };
    }
  }
  const subj = getstringOrRaise(string);
  const sl = slicer(string, subj);
  let pieces: PyVal[];
  let n: number;
  if (filter.kind === "template") {
    const tobj = filter.template;
    const tstr = !(typeof tobj.literal !== "number" && PyBytes_Check(tobj.literal)) &&
      typeof tobj.literal !== "number" && PyUnicode_Check(tobj.literal);
    const r = guard(() => pattern_subx_engine(self, { kind: "callable", call: (m) => {
      const parts = expand_template(tobj, m, sl);
      return join(parts, !tstr);
    } }, subj, count, sl));
    pieces = r.pieces;
    n = r.n;
  } else {
    const r = guard(() => pattern_subx_engine(self, filter, subj, count, sl));
    pieces = r.pieces;
    n = r.n;
  }
  const item = pieces.length === 0 ? sl(0, 0) : join(pieces, subj.isbytes);
  return subn ? PyTuple_New([item, n]) : item;
}

function pattern_subx_engine(self: PatternObject, filter: SubFilter<PyVal>, subj: Subject, count: number,
  sl: (i: number, j: number) => PyVal): { pieces: PyVal[]; n: number } {
  return sre_pattern_subx(self.sre, filter, subj.chars, subj.isbytes, count, sl);
}

// ---------------------------------------------------------------------------------------------------------------
// Pattern objects.

type MatchFn = (p: SrePattern, s: SRE_CHARS, isbytes: boolean, pos: number, endpos: number) => SreMatch | null;

/* positional-only calls (p.search(s), p.sub(r, s)) skip the argument parser */
const matchArgNames = ["string", "pos", "endpos"] as const;
const subArgNames = ["repl", "string", "count"] as const;

function matcher(name: string, fn: MatchFn) {
  return (self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal => {
    let string: PyVal;
    let a = 0;
    let b = MAXSIZE;
    if (kwnames === null && args.length === 1) {
      string = args[0]!; /* p.match(s), the common call, without the argument parser */
    } else {
      const [s, pos, endpos] = parseArgs(name, args, kwnames, matchArgNames, 1, 3);
      string = s!;
      a = ssize(pos, 0);
      b = ssize(endpos, MAXSIZE);
    }
    const p = self as PatternObject;
    const subj = getstringOrRaise(string);
    let m: SreMatch | null;
    try {
      m = fn(p.sre, subj.chars, subj.isbytes, a, b);
    } catch (e) {
      return engineError(e);
    }
    return pattern_new_match(p, string, m);
  };
}

function pattern_findall(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [string, pos, endpos] = kwnames === null && args.length === 1 ? [args[0]]
    : parseArgs("findall", args, kwnames, matchArgNames, 1, 3);
  const p = self as PatternObject;
  const subj = getstringOrRaise(string!);
  const items = guard(() => pattern_findall_engine(p, subj, ssize(pos, 0), ssize(endpos, MAXSIZE),
    slicer(string!, subj)));
  return PyList_New(items.map((x) => (Array.isArray(x) ? PyTuple_New(x) : x)));
}

function pattern_findall_engine(p: PatternObject, subj: Subject, pos: number, endpos: number,
  sl: (i: number, j: number) => PyVal): (PyVal | PyVal[])[] {
  return sre_pattern_findall(p.sre, subj.chars, subj.isbytes, pos, endpos, sl);
}

function pattern_scanner(self: PatternObject, string: PyVal, pos: number, endpos: number): ScannerObject {
  const subj = getstringOrRaise(string);
  return new ScannerObject(guard(() => new SreScanner(self.sre, subj.chars, subj.isbytes, pos, endpos)), string, self);
}

function pattern_scanner_meth(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [string, pos, endpos] = parseArgs("scanner", args, kwnames, ["string", "pos", "endpos"], 1, 3);
  return pattern_scanner(self as PatternObject, string!, ssize(pos, 0), ssize(endpos, MAXSIZE));
}

function pattern_finditer(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [string, pos, endpos] = kwnames === null && args.length === 1 ? [args[0]]
    : parseArgs("finditer", args, kwnames, matchArgNames, 1, 3);
  const scanner = pattern_scanner(self as PatternObject, string!, ssize(pos, 0), ssize(endpos, MAXSIZE));
  const search = PyObject_GetAttrStr(scanner, "search")!;
  return new PyCallIterObject(search, Py_None);
}

function pattern_split(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [string, maxsplit] = parseArgs("split", args, kwnames, ["string", "maxsplit"], 1, 2);
  const p = self as PatternObject;
  const subj = getstringOrRaise(string!);
  const sl = slicer(string!, subj);
  return PyList_New(guard(() => pattern_split_engine(p, subj, ssize(maxsplit, 0), sl)));
}

function pattern_split_engine(p: PatternObject, subj: Subject, maxsplit: number,
  sl: (i: number, j: number) => PyVal): PyVal[] {
  return sre_pattern_split(p.sre, subj.chars, subj.isbytes, maxsplit, sl, Py_None);
}

function subMethod(name: string, subn: boolean) {
  return (self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal => {
    const [repl, string, count] = kwnames === null && args.length === 2 ? [args[0], args[1]]
      : parseArgs(name, args, kwnames, subArgNames, 2, 3);
    return pattern_subx(self as PatternObject, repl!, string!, ssize(count, 0), subn);
  };
}

const flagNames: readonly [string, number][] = [
  ["re.IGNORECASE", SRE_FLAG_IGNORECASE], ["re.LOCALE", SRE_FLAG_LOCALE], ["re.MULTILINE", SRE_FLAG_MULTILINE],
  ["re.DOTALL", SRE_FLAG_DOTALL], ["re.UNICODE", SRE_FLAG_UNICODE], ["re.VERBOSE", SRE_FLAG_VERBOSE],
  ["re.DEBUG", SRE_FLAG_DEBUG], ["re.ASCII", SRE_FLAG_ASCII],
];

function pattern_repr(self: PyVal): PyUnicodeObject {
  const p = self as PatternObject;
  let flags = p.sre.flags;
  /* omit re.UNICODE for valid string patterns */
  if (p.sre.isbytes === 0 && (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) === SRE_FLAG_UNICODE) {
    flags &= ~SRE_FLAG_UNICODE;
  }
  const items: string[] = [];
  for (const [name, value] of flagNames) {
    if (flags & value) {
      items.push(name);
      flags &= ~value;
    }
  }
  if (flags) items.push(`0x${(flags >>> 0).toString(16)}`);
  const pat = truncRepr(p.pattern, 200);
  return PyUnicode_FromString(items.length > 0 ? `re.compile(${pat}, ${items.join("|")})` : `re.compile(${pat})`);
}

/** pattern_hash: hash(pattern) ^ Py_HashBuffer(code) ^ flags ^ isbytes ^ codesize, on 64 bits (low word returned,
    high word in Py_HashHi[0]). The code's bytes are the words in little-endian order, as on CPython's platforms. */
function pattern_hash(self: PyVal): number {
  const p = self as PatternObject;
  let lo = PyObject_Hash(p.pattern);
  let hi = Py_HashHi[0]!;
  const code = p.sre.code;
  _Py_HashBytes(new Uint8Array(code.buffer, code.byteOffset, code.byteLength));
  lo ^= hashOut[0]!;
  hi ^= hashOut[1]!;
  lo ^= p.sre.flags;
  hi ^= p.sre.flags < 0 ? -1 : 0;
  lo ^= p.sre.isbytes;
  hi ^= p.sre.isbytes < 0 ? -1 : 0; /* -1 (pattern None) flips all 64 bits */
  lo ^= code.length;
  if (lo === -1 && hi === -1) lo = -2;
  Py_HashHi[0] = hi;
  return lo;
}

function pattern_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (op !== Py_EQ && op !== Py_NE) return Py_NotImplemented;
  if (typeof b === "number" || Py_TYPE(b) !== Pattern_Type) return Py_NotImplemented;
  if (a === b) return PyBool_FromLong(op === Py_EQ ? 1 : 0);
  const l = (a as PatternObject).sre;
  const r = (b as PatternObject).sre;
  let cmp = l.flags === r.flags && l.isbytes === r.isbytes && l.code.length === r.code.length;
  if (cmp) {
    for (let i = 0; i < l.code.length; i++) if (l.code[i] !== r.code[i]) { cmp = false; break; }
  }
  if (cmp) cmp = PyObject_RichCompareBool((a as PatternObject).pattern, (b as PatternObject).pattern, Py_EQ);
  return PyBool_FromLong((op === Py_NE ? !cmp : cmp) ? 1 : 0);
}

PyType_FromSpecStatic({
  name: "re.Pattern",
  flags: Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
  doc: "Compiled regular expression object.",
  slots: { tp_repr: pattern_repr, tp_hash: pattern_hash, tp_richcompare: pattern_richcompare },
  methods: [
    { name: "match", meth: matcher("match", pattern_match), flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Matches zero or more characters at the beginning of the string." },
    { name: "fullmatch", meth: matcher("fullmatch", pattern_fullmatch), flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Matches against all of the string." },
    { name: "search", meth: matcher("search", pattern_search), flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Scan through string looking for a match, and return a corresponding match object instance.\n\n" +
        "Return None if no position in the string matches." },
    { name: "sub", meth: subMethod("sub", false), flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in " +
        "string by the replacement repl." },
    { name: "subn", meth: subMethod("subn", true), flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost " +
        "non-overlapping occurrences of pattern with the replacement repl." },
    { name: "findall", meth: pattern_findall, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Return a list of all non-overlapping matches of pattern in string." },
    { name: "split", meth: pattern_split, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Split string by the occurrences of pattern." },
    { name: "finditer", meth: pattern_finditer, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\n" +
        "For each match, the iterator returns a match object." },
    { name: "scanner", meth: pattern_scanner_meth, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "__copy__", meth: (s: PyVal) => s, flags: METH_NOARGS },
    { name: "__deepcopy__", meth: (s: PyVal) => s, flags: METH_O },
    { name: "__class_getitem__", meth: (cls: PyVal, a: PyVal) => Py_GenericAlias(cls, a), flags: METH_O | METH_CLASS,
      doc: "See PEP 585" },
  ],
  members: [
    { name: "pattern", get: (s) => (s as PatternObject).pattern,
      doc: "The pattern string from which the RE object was compiled." },
    { name: "flags", get: (s) => (s as PatternObject).sre.flags, doc: "The regex matching flags." },
    { name: "groups", get: (s) => (s as PatternObject).sre.groups,
      doc: "The number of capturing groups in the pattern." },
  ],
  getset: [
    { name: "groupindex", get: (s) => {
      const gi = (s as PatternObject).groupindex;
      return gi === null ? PyDict_New() : new PyMappingProxyObject(gi);
    }, doc: "A dictionary mapping group names to group numbers." },
  ],
}, Pattern_Type);

PyType_FromSpecStatic({
  name: "re.Match",
  flags: Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
  doc: "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.",
  slots: {
    tp_repr: match_repr,
    mp_subscript: (s, k) => match_getslice(s as MatchObject, k, Py_None),
  },
  methods: [
    { name: "group", meth: match_group, flags: METH_FASTCALL,
      doc: "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n" +
        "    For 0 returns the entire match." },
    { name: "start", meth: match_start, flags: METH_FASTCALL,
      doc: "Return index of the start of the substring matched by group." },
    { name: "end", meth: match_end, flags: METH_FASTCALL,
      doc: "Return index of the end of the substring matched by group." },
    { name: "span", meth: match_span, flags: METH_FASTCALL,
      doc: "For match object m, return the 2-tuple (m.start(group), m.end(group))." },
    { name: "groups", meth: match_groups, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Return a tuple containing all the subgroups of the match, from 1." },
    { name: "groupdict", meth: match_groupdict, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name." },
    { name: "expand", meth: match_expand, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Return the string obtained by doing backslash substitution on the string template, as done by " +
        "the sub() method." },
    { name: "__copy__", meth: (s: PyVal) => s, flags: METH_NOARGS },
    { name: "__deepcopy__", meth: (s: PyVal) => s, flags: METH_O },
    { name: "__class_getitem__", meth: (cls: PyVal, a: PyVal) => Py_GenericAlias(cls, a), flags: METH_O | METH_CLASS,
      doc: "See PEP 585" },
  ],
  members: [
    { name: "string", get: (s) => (s as MatchObject).string, doc: "The string passed to match() or search()." },
    { name: "re", get: (s) => (s as MatchObject).pattern, doc: "The regular expression object." },
    { name: "pos", get: (s) => (s as MatchObject).m.pos,
      doc: "The index into the string at which the RE engine started looking for a match." },
    { name: "endpos", get: (s) => (s as MatchObject).m.endpos,
      doc: "The index into the string beyond which the RE engine will not go." },
  ],
  getset: [
    { name: "lastindex", get: (s) => {
      const li = (s as MatchObject).m.lastindex;
      return li >= 0 ? li : Py_None;
    }, doc: "The integer index of the last matched capturing group." },
    { name: "lastgroup", get: (s) => {
      const m = s as MatchObject;
      const ig = m.pattern.indexgroup;
      const li = m.m.lastindex;
      return ig !== null && li >= 0 && li < ig.ob_item.length ? ig.ob_item[li]! : Py_None;
    }, doc: "The name of the last matched capturing group." },
    { name: "regs", get: match_regs },
  ],
}, Match_Type);

function scanner_step(self: PyVal, search: boolean): PyVal {
  const sc = self as ScannerObject;
  const m = guard(() => (search ? sc.scanner.search() : sc.scanner.match()));
  return pattern_new_match(sc.pattern, sc.string, m);
}

PyType_FromSpecStatic({
  name: "_sre.SRE_Scanner",
  flags: Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
  methods: [
    { name: "match", meth: (s: PyVal) => scanner_step(s, false), flags: METH_NOARGS },
    { name: "search", meth: (s: PyVal) => scanner_step(s, true), flags: METH_NOARGS },
  ],
  members: [{ name: "pattern", get: (s) => (s as ScannerObject).pattern }],
}, Scanner_Type);

PyType_FromSpecStatic({
  name: "_sre.SRE_Template",
  flags: Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
}, Template_Type);

// ---------------------------------------------------------------------------------------------------------------
// Module functions.

/** A C int argument (clinic's `int`): OverflowError beyond 32 bits. */
function cInt(v: PyVal): number {
  const x = longValue(PyNumber_Index(v));
  if (typeof x !== "number" || x > 2147483647 || x < -2147483648) {
    return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
  }
  return x;
}

function argType(fname: string, arg: string, v: PyVal, want: string, ok: boolean): void {
  if (!ok) PyErr_Format(PyExc_TypeError, `${fname}() argument '${arg}' must be ${want}, not ${Py_TYPE(v).tp_name}`);
}

function _sre_compile_impl(_m: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [pattern, flagsv, code, groupsv, groupindex, indexgroup] = parseArgs("compile", args, kwnames,
    ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"], 6, 6);
  const flags = cInt(flagsv!);
  argType("compile", "code", code!, "list", PyList_Check(code!));
  const groups = PyNumber_AsSsize_t(groupsv!, PyExc_OverflowError);
  argType("compile", "groupindex", groupindex!, "dict", PyDict_Check(groupindex!));
  argType("compile", "indexgroup", indexgroup!, "tuple", PyTuple_Check(indexgroup!));
  const items = (code as PyListObject).ob_item;
  const words: number[] = [];
  for (const o of items) {
    if (!PyLong_Check(o)) return PyErr_Format(PyExc_TypeError, "an integer is required");
    const v = longValue(o);
    if (v < 0) return PyErr_Format(PyExc_OverflowError, "can't convert negative value to unsigned int");
    if (typeof v === "bigint" && v > 0xffffffffffffffffn) {
      return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C unsigned long");
    }
    words.push(typeof v === "bigint" ? 2 ** 32 : v);
  }
  let isbytes = -1;
  if (pattern !== Py_None) {
    const s = getstringOrRaise(pattern!);
    isbytes = s.isbytes ? 1 : 0;
  }
  const sre = guard(() => _sre_compile(words, groups, flags, isbytes));
  const gi = groupindex as PyDictObject;
  const ig = indexgroup as PyTupleObject;
  const hasNames = PyDict_Size(gi) > 0;
  return new PatternObject(sre, pattern!, hasNames ? gi : null, hasNames && ig.ob_item.length > 0 ? ig : null);
}

function _sre_template_impl(_m: PyVal, args: readonly PyVal[]): PyVal {
  if (args.length !== 2) return PyErr_Format(PyExc_TypeError, `template expected 2 arguments, got ${args.length}`);
  const template = args[1]!;
  if (!PyList_Check(template)) {
    return PyErr_Format(PyExc_TypeError, `template() argument 2 must be list, not ${Py_TYPE(template).tp_name}`);
  }
  const items = template.ob_item.slice();
  const n = items.length;
  if ((n & 1) === 0 || n < 1) return PyErr_Format(PyExc_TypeError, "invalid template");
  const list: PyVal[] = [items[0]!];
  for (let i = 1; i < n; i += 2) {
    list.push(PyNumber_AsSsize_t(items[i]!, PyExc_OverflowError), items[i + 1]!);
  }
  const isEmpty = (t: PyVal): boolean =>
    (typeof t !== "number" && PyUnicode_Check(t) && t.value.length === 0) ||
    (typeof t !== "number" && PyBytes_Check(t) && (t as PyBytesObject).ob_bytes.length === 0);
  return new TemplateObject(guard(() => _sre_template<PyVal>(list, isEmpty)));
}

function intArg(name: string, args: readonly PyVal[]): number {
  if (args.length !== 1) return PyErr_Format(PyExc_TypeError, `${name}() takes exactly one argument (${args.length} given)`);
  return cInt(args[0]!);
}

function sre_check_signals(): void {
  const ts = _PyThreadState_GET();
  if (ts.eval_breaker !== 0) vmHooks.handleEvalBreaker(ts);
}

const intFn = (name: string, f: (ch: number) => PyVal) =>
  (_s: PyVal, a: readonly PyVal[]): PyVal => f(intArg(name, a));

/** The _sre module definition (registered in src/modules/config.ts). */
export const sremodule: PyModuleDef = {
  m_name: "_sre",
  m_methods: [
    { name: "compile", meth: _sre_compile_impl, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "template", meth: _sre_template_impl, flags: METH_FASTCALL,
      doc: "\n\n  template\n    A list containing interleaved literal strings (str or bytes) and group\n" +
        "    indices (int), as returned by re._parser.parse_template():\n" +
        "        [literal1, group1, ..., literalN, groupN]" },
    { name: "getcodesize", meth: () => CODESIZE, flags: METH_NOARGS },
    { name: "ascii_iscased", meth: intFn("ascii_iscased", (c) => PyBool_FromLong(_sre_ascii_iscased(c) ? 1 : 0)),
      flags: METH_FASTCALL },
    { name: "unicode_iscased",
      meth: intFn("unicode_iscased", (c) => PyBool_FromLong(_sre_unicode_iscased(c) ? 1 : 0)), flags: METH_FASTCALL },
    { name: "ascii_tolower", meth: intFn("ascii_tolower", _sre_ascii_tolower), flags: METH_FASTCALL },
    { name: "unicode_tolower", meth: intFn("unicode_tolower", _sre_unicode_tolower), flags: METH_FASTCALL },
  ],
  m_exec: (m) => {
    /* MAYBE_CHECK_SIGNALS: a long match polls the eval breaker (KeyboardInterrupt, thread switches, time limits) */
    sre_set_interrupt_hook(sre_check_signals);
    /* sre_exec */
    PyModule_Add(m, "MAGIC", SRE_MAGIC);
    PyModule_Add(m, "CODESIZE", CODESIZE);
    PyModule_Add(m, "MAXREPEAT", SRE_MAXREPEAT);
    PyModule_Add(m, "MAXGROUPS", SRE_MAXGROUPS);
    PyModule_Add(m, "copyright", PyUnicode_FromString(copyright));
  },
};

/** A fresh _sre module object (what the import system's create_builtin makes from sremodule). */
export function PyInit__sre(): PyModuleObject {
  return PyModule_FromDef(sremodule);
}
