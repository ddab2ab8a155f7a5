// The _tokenize module: TokenizerIter(readline, *, extra_tokens, encoding=None) over Typhon's lexer in its
// tokenize-module mode (src/parser/tokenizer.ts), the iterator behind Lib/tokenize.py. Counterpart:
// Python/Python-tokenize.c (tokenizeriter_new_impl, tokenizeriter_next). See docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, type PyVal,
} from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyBytesObject } from "../objects/bytesobject.js";
import { PyObject_CallNoArgs, PyObject_CallMethod, PyObject_IsTrue } from "../objects/abstract.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_StopIteration, PyBaseExceptionObject } from "../objects/exceptions.js";
import { PyType_IsSubtype } from "../objects/abstract.js";
import { parseArgs } from "../runtime/getargs.js";
import { syntaxErrorHook } from "../runtime/pylifecycle.js";
import { Tokenizer, type Token } from "../parser/tokenizer.js";
import { ENDMARKER, DEDENT, STRING, FSTRING_MIDDLE } from "../parser/token.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

export const TokenizerIter_Type = PyType_Declare("_tokenize.TokenizerIter");

class TokenizerIterObject extends PyObject {
  readline: PyVal;
  encoding: string | null;
  extraTokens: boolean;
  tok: Tokenizer | null;
  /** Physical lines of the source (with their line ends), for the `line` element. */
  lines: string[];
  done: boolean;
  last_lineno: number;
  last_line: PyVal;
  constructor(type: PyTypeObject, readline: PyVal, encoding: string | null, extraTokens: boolean) {
    super(type);
    this.readline = readline;
    this.encoding = encoding;
    this.extraTokens = extraTokens;
    this.tok = null;
    this.lines = [];
    this.done = false;
    this.last_lineno = 0;
    this.last_line = Py_None;
  }
}

/** tok_readline_string: call readline until StopIteration, decoding bytes with the encoding ("replace"). */
function readAllLines(it: TokenizerIterObject): string[] {
  const lines: string[] = [];
  for (;;) {
    let line: PyVal;
    try {
      line = PyObject_CallNoArgs(it.readline);
    } catch (e) {
      if (e instanceof PyBaseExceptionObject && PyType_IsSubtype(Py_TYPE(e), PyExc_StopIteration)) break;
      throw e;
    }
    if (it.encoding !== null) {
      if (!(line instanceof PyBytesObject)) PyErr_Format(PyExc_TypeError, "readline() returned a non-bytes object");
      line = PyObject_CallMethod(line, "decode", [PyUnicode_FromString(it.encoding), PyUnicode_FromString("replace")]);
    } else if (!PyUnicode_Check(line)) {
      PyErr_Format(PyExc_TypeError, "readline() returned a non-string object");
    }
    const s = (line as unknown as { value: string }).value;
    if (s.length === 0) break;
    lines.push(s);
  }
  return lines;
}

/** Split text into physical lines as the lexer counts them (\n, \r\n, lone \r). */
function physicalLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) { out.push(text.slice(start, i + 1)); start = i + 1; }
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function tokenizeriter_next(self: PyVal): PyVal | undefined {
  const it = self as TokenizerIterObject;
  if (it.done) return undefined;
  if (it.tok === null) {
    const text = readAllLines(it).join("");
    it.lines = physicalLines(text);
    it.tok = new Tokenizer(text, { filename: "<string>", extraTokens: it.extraTokens });
  }
  let t: Token;
  try {
    t = it.tok.next();
  } catch (e) {
    it.done = true;
    throw syntaxErrorHook(e);
  }
  if (t.type === ENDMARKER) it.done = true;
  // The `line` element: the token's physical line, or for a string the lines from the one it starts on.
  let line: PyVal;
  const trailing = it.extraTokens && t.col_offset === 0 && t.end_col_offset === 0 &&
    (t.type === ENDMARKER || t.type === DEDENT) && t.lineno > it.lines.length;
  if (trailing) line = PyUnicode_FromString("");
  else if (t.end_lineno === it.last_lineno && t.type !== STRING && t.type !== FSTRING_MIDDLE) line = it.last_line;
  else {
    const first = t.type === STRING || t.type === FSTRING_MIDDLE ? t.lineno : t.end_lineno;
    line = PyUnicode_FromString(it.lines.slice(Math.max(first - 1, 0), t.end_lineno).join(""));
    if (first === t.end_lineno) {
      it.last_lineno = t.end_lineno;
      it.last_line = line;
    }
  }
  return PyTuple_New([
    t.type, PyUnicode_FromString(t.string), PyTuple_New([t.lineno, t.col_offset]),
    PyTuple_New([t.end_lineno, t.end_col_offset]), line,
  ]);
}

function tokenizeriter_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [readline, extra, encoding] = parseArgs("tokenizeriter", args as PyVal[], kwnames as PyVal[] | null,
    ["", "*extra_tokens", "*encoding"], 2, 1);
  let enc: string | null = null;
  if (encoding !== undefined && encoding !== Py_None) {
    if (!PyUnicode_Check(encoding)) PyErr_Format(PyExc_TypeError, `tokenizeriter() argument 'encoding' must be str, not ${Py_TYPE(encoding).tp_name}`);
    enc = encoding.value;
  }
  return new TokenizerIterObject(type, readline!, enc, PyObject_IsTrue(extra!));
}

PyType_FromSpecStatic({
  name: "_tokenize.TokenizerIter",
  doc: null,
  slots: {
    tp_new: tokenizeriter_new,
    tp_iter: (s: PyVal) => s,
    tp_iternext: tokenizeriter_next,
  },
}, TokenizerIter_Type);

export const tokenizemodule: PyModuleDef = {
  m_name: "_tokenize",
  m_exec: (m) => PyModule_Add(m, "TokenizerIter", TokenizerIter_Type),
};
