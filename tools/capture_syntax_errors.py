#!/usr/bin/env python3.13
# Captures the syntax-error corpus from CPython 3.13: hand-written snippets (tests/golden/syntax_errors/own_snippets.txt)
# plus the cases CPython's own Lib/test checks, extracted from the local Lib/test without copying its files.
# Writes tests/golden/syntax_errors/{parser,compiler}.jsonl. Usage: PYENV_VERSION=3.13.0 python3.13 tools/capture_syntax_errors.py
# See docs/parser.md ("Syntax errors").
"""Each record is one JSON object per line:

  id          stable id: "<origin-prefix>-<sha1(mode, source)[:10]>"
  origin      "own:<topic>" or "<Lib/test file>:<line>[ doctest]"
  mode        "exec" | "eval" | "single" (the compile() mode)
  src | src_hex   the source as str, or as bytes (hex) when the test compiles bytes
  type, msg, lineno, offset, end_lineno, end_offset: the SyntaxError CPython 3.13 raises (or a UnicodeDecodeError or
              UnicodeEncodeError escaping the parser: msg = str(e), positions null)
  stage       "tokenizer" (the C tokenizer alone raises it), "parser" (ast.parse raises it) or "compiler"

Tokenizer- and parser-stage records go to parser.jsonl; compiler-stage ones (symtable, codegen) to compiler.jsonl.
"""

import _tokenize
import ast
import codecs
import doctest
import hashlib
import io
import json
import os
import sys
import textwrap
import tokenize
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "tests", "golden", "syntax_errors")
LIB_TEST = os.path.join(os.path.dirname(os.__file__), "test")

# The Lib/test files whose syntax-error checks enter the corpus (issue #2 names the first five and the badsyntax files).
TEST_FILES = [
    "test_syntax.py",
    "test_exceptions.py",
    "test_fstring.py",
    "test_eof.py",
    "test_string_literals.py",
    "test_patma.py",
    "test_named_expressions.py",
    "test_positional_only_arg.py",
    "test_future_stmt/test_future.py",
]
WHOLE_FILES = [
    "tokenizedata/badsyntax_pep3120.py",
    "tokenizedata/badsyntax_3131.py",
    "tokenizedata/bad_coding.py",
    "tokenizedata/bad_coding2.py",
    "test_future_stmt/badsyntax_future.py",
]

if sys.version_info[:2] != (3, 13):
    sys.exit("run this with CPython 3.13 (PYENV_VERSION=3.13.0 python3.13)")


# ---------------------------------------------------------------------------------------------------------------------
# Capturing one case


def compile_error(src, mode):
    """The SyntaxError compile() raises for src (or the UnicodeError that escapes the parser), or None."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(src, "<string>", mode, dont_inherit=True)
        except (SyntaxError, UnicodeError) as e:
            return e
        except (ValueError, MemoryError, RecursionError, OverflowError):
            return None
    return None


def fields(e):
    if not isinstance(e, SyntaxError):
        # A UnicodeDecodeError/UnicodeEncodeError has no location: msg is str(e), the positions None.
        return {"type": type(e).__name__, "msg": str(e), "lineno": None, "offset": None, "end_lineno": None, "end_offset": None}
    return {
        "type": type(e).__name__,
        "msg": e.msg,
        "lineno": e.lineno,
        "offset": e.offset,
        "end_lineno": e.end_lineno,
        "end_offset": e.end_offset,
    }


def tokenizer_error(src):
    """The SyntaxError the C tokenizer alone raises on the whole source (parser-mode token stream), or None."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            if isinstance(src, bytes):
                enc, _ = tokenize.detect_encoding(io.BytesIO(src).readline)
                it = _tokenize.TokenizerIter(io.BytesIO(src).readline, extra_tokens=False, encoding=enc)
            else:
                it = _tokenize.TokenizerIter(io.StringIO(src).readline, extra_tokens=False)
            for _ in it:
                pass
        except SyntaxError as e:
            return e
        except Exception:
            return None
    return None


def stage_of(src, mode, err):
    want = fields(err)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(src, "<string>", mode)
        except (SyntaxError, UnicodeError) as e:
            if fields(e) != want:
                return "compiler"  # the parser raises something else: count it as a later-stage difference
        except Exception:
            return "compiler"
        else:
            return "compiler"
    if not isinstance(err, SyntaxError):
        return "parser"
    tok = tokenizer_error(src)
    # The tokenize module reports some locations differently (no end position), so compare what it always sets.
    if tok is not None and (type(tok).__name__, tok.msg, tok.lineno) == (want["type"], want["msg"], want["lineno"]):
        return "tokenizer"
    return "parser"


def make_record(prefix, origin, src, mode):
    err = compile_error(src, mode)
    if err is None:
        return None
    kind = "bytes" if isinstance(src, bytes) else "str"
    key = f"{mode}\0{kind}\0".encode() + (src if isinstance(src, bytes) else src.encode("utf-8", "surrogatepass"))
    rec = {"id": f"{prefix}-{hashlib.sha1(key).hexdigest()[:10]}", "origin": origin, "mode": mode}
    if isinstance(src, bytes):
        rec["src_hex"] = src.hex()
    else:
        rec["src"] = src
    rec.update(fields(err))
    rec["stage"] = stage_of(src, mode, err)
    return rec


# ---------------------------------------------------------------------------------------------------------------------
# Own snippets: "### <topic> [mode=eval|single] [nonl] [esc] [bytes]" headers, each followed by the snippet's lines.
# The body ends at the next header; trailing blank lines are dropped and one "\n" is appended unless "nonl".
# "esc" decodes Python escapes (\t, \x00, \r, \u....) in the body; "bytes" compiles the body as bytes (with "esc",
# \xNN gives raw bytes).


def read_own_snippets(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.startswith("### "):
            i += 1
            continue
        header_line = i + 1
        words = line[4:].split()
        topic, flags = words[0], words[1:]
        i += 1
        body = []
        while i < len(lines) and not lines[i].startswith("### "):
            body.append(lines[i])
            i += 1
        while body and body[-1] == "":
            body.pop()
        text = "\n".join(body)
        if "nonl" not in flags:
            text += "\n"
        mode = "exec"
        for fl in flags:
            if fl.startswith("mode="):
                mode = fl[5:]
            elif fl not in ("nonl", "esc", "bytes"):
                sys.exit(f"{path}:{header_line}: unknown flag {fl}")
        if "bytes" in flags:
            src = text.encode("utf-8")
            if "esc" in flags:
                src = codecs.escape_decode(src)[0]
        elif "esc" in flags:
            src = text.encode("latin-1", "backslashreplace").decode("unicode_escape")
        else:
            src = text
        cases.append((f"own:{topic}", header_line, src, mode))
    return cases


# ---------------------------------------------------------------------------------------------------------------------
# Extraction from Lib/test: string arguments of the calls that compile code and expect a SyntaxError.

COMPILING_HELPERS = {
    # helper name -> (index of the source argument, default mode)
    "_check_error": (0, "exec"),
    "check_syntax_error": (1, "exec"),
    "check": (0, "exec"),
    "ckmsg": (0, "exec"),
    "assert_syntax_error": (0, "exec"),
    "assertSyntaxError": (0, "exec"),
    "compile": (0, "exec"),
    "exec": (0, "exec"),
    "eval": (0, "eval"),
    "parse": (0, "exec"),
}
_NOVALUE = object()


class Extractor(ast.NodeVisitor):
    """Walks a test file in source order, tracking names bound to literal strings, and records the literal sources
    passed to compiling calls. for-loops over literal lists are unrolled so each element is seen."""

    def __init__(self, fname):
        self.fname = fname
        self.env = {}
        self.found = []  # (line, src, mode)

    def value(self, node):
        match node:
            case ast.Constant(value=v) if isinstance(v, (str, bytes, int)):
                return v
            case ast.Name(id=n):
                return self.env.get(n, _NOVALUE)
            case ast.List(elts=es) | ast.Tuple(elts=es):
                vals = [self.value(e) for e in es]
                return _NOVALUE if any(v is _NOVALUE for v in vals) else list(vals)
            case ast.BinOp(left=l, op=op, right=r):
                a, b = self.value(l), self.value(r)
                if a is _NOVALUE or b is _NOVALUE:
                    return _NOVALUE
                try:
                    if isinstance(op, ast.Add):
                        return a + b
                    if isinstance(op, ast.Mult):
                        return a * b
                    if isinstance(op, ast.Mod):
                        return a % b
                except Exception:
                    return _NOVALUE
            case ast.Call(func=(ast.Name(id="dedent") | ast.Attribute(attr="dedent")), args=[arg], keywords=[]):
                v = self.value(arg)
                return textwrap.dedent(v) if isinstance(v, str) else _NOVALUE
            case ast.Call(func=ast.Attribute(value=obj, attr="encode"), args=args, keywords=[]):
                v = self.value(obj)
                a = [self.value(x) for x in args]
                if isinstance(v, str) and all(isinstance(x, str) for x in a):
                    try:
                        return v.encode(*a)
                    except Exception:
                        return _NOVALUE
        return _NOVALUE

    def add(self, node, src, mode):
        if isinstance(src, (str, bytes)) and src:
            if mode == "eval" and isinstance(src, str):
                src = src.lstrip(" \t")  # builtin eval() strips leading spaces and tabs
            self.found.append((node.lineno, src, mode))

    def visit_FunctionDef(self, node):
        saved = self.env
        self.env = dict(saved)
        self.generic_visit(node)
        self.env = saved

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Assign(self, node):
        self.generic_visit(node)
        if len(node.targets) == 1:
            self.bind(node.targets[0], self.value(node.value))

    def bind(self, target, v):
        if isinstance(target, ast.Name):
            if v is _NOVALUE:
                self.env.pop(target.id, None)
            else:
                self.env[target.id] = v
        elif isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(v, list) and len(v) == len(target.elts):
                for t, x in zip(target.elts, v):
                    self.bind(t, x)
            else:
                for t in target.elts:
                    self.bind(t, _NOVALUE)

    def visit_For(self, node):
        it = self.value(node.iter)
        if isinstance(it, list) and it:
            for item in it:
                self.bind(node.target, item)
                for stmt in node.body:
                    self.visit(stmt)
            for stmt in node.orelse:
                self.visit(stmt)
        else:
            self.bind(node.target, _NOVALUE)
            self.generic_visit(node)

    def visit_Call(self, node):
        self.generic_visit(node)
        f = node.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
        kw = {k.arg: self.value(k.value) for k in node.keywords if k.arg}
        if name == "assertAllRaise" and len(node.args) >= 3:
            items = self.value(node.args[2])
            if isinstance(items, list):
                for s in items:
                    self.add(node, s, "eval")
            return
        if name in ("assertRaises", "assertRaisesRegex") and len(node.args) >= 3:
            fn = node.args[1 if name == "assertRaises" else 2]
            rest = node.args[2 if name == "assertRaises" else 3:]
            if isinstance(fn, ast.Name) and fn.id in ("eval", "exec", "compile") and rest:
                mode = {"eval": "eval", "exec": "exec"}.get(fn.id, "exec")
                if fn.id == "compile" and len(rest) >= 3:
                    m = self.value(rest[2])
                    mode = m if isinstance(m, str) else "exec"
                self.add(node, self.value(rest[0]), mode)
            return
        if name not in COMPILING_HELPERS:
            return
        if name == "parse" and not (isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "ast"):
            return
        if name == "parse" and set(kw) - {"mode", "filename"}:
            return  # feature_version, type_comments, ...: another grammar
        idx, mode = COMPILING_HELPERS[name]
        if len(node.args) <= idx:
            return
        if name == "compile":
            m = self.value(node.args[2]) if len(node.args) >= 3 else kw.get("mode", "exec")
            if len(node.args) > 3 or set(kw) - {"mode"}:
                return  # flags / dont_inherit / optimize: not the plain compile
            mode = m if isinstance(m, str) else "exec"
        elif name in ("_check_error", "parse"):
            m = kw.get("mode", mode)
            mode = m if isinstance(m, str) else mode
        self.add(node, self.value(node.args[idx]), mode)


def doctest_cases(fname, tree):
    parser = doctest.DocTestParser()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            if not (node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
                    and isinstance(node.body[0].value.value, str)):
                continue
            doc = node.body[0].value
            for ex in parser.get_examples(doc.value):
                if ex.exc_msg is not None:
                    out.append((doc.lineno + ex.lineno, ex.source, "single"))
    return out


def lib_test_cases():
    cases = []
    for rel in TEST_FILES:
        path = os.path.join(LIB_TEST, rel)
        with open(path, "rb") as f:
            tree = ast.parse(f.read(), path)
        short = os.path.basename(rel)
        for line, src, mode in doctest_cases(rel, tree):
            cases.append((f"{rel}:{line} doctest", short, src, mode))
        ex = Extractor(rel)
        ex.visit(tree)
        for line, src, mode in ex.found:
            cases.append((f"{rel}:{line}", short, src, mode))
    for rel in WHOLE_FILES:
        with open(os.path.join(LIB_TEST, rel), "rb") as f:
            cases.append((rel, os.path.basename(rel), f.read(), "exec"))
    return cases


# ---------------------------------------------------------------------------------------------------------------------


def main():
    own_path = os.path.join(OUT_DIR, "own_snippets.txt")
    records = []
    seen = set()
    not_errors = []
    for origin, line, src, mode in read_own_snippets(own_path):
        rec = make_record("own", origin, src, mode)
        if rec is None:
            not_errors.append(f"own_snippets.txt:{line}")
            continue
        if (mode, src) in seen:
            print(f"own_snippets.txt:{line}: duplicate snippet", file=sys.stderr)
            continue
        seen.add((mode, src))
        records.append(rec)
    for origin, short, src, mode in lib_test_cases():
        if (mode, src) in seen:
            continue
        seen.add((mode, src))
        prefix = short.removesuffix(".py")
        rec = make_record(prefix, origin, src, mode)
        if rec is not None:
            records.append(rec)
    if not_errors:
        print("snippets that compile without error: " + ", ".join(not_errors), file=sys.stderr)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "id collision"
    split = {"parser": [r for r in records if r["stage"] != "compiler"],
             "compiler": [r for r in records if r["stage"] == "compiler"]}
    for name, recs in split.items():
        with open(os.path.join(OUT_DIR, f"{name}.jsonl"), "w", encoding="utf-8", newline="\n") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=True) + "\n")
    by_origin = {}
    for r in records:
        k = r["origin"].split(":")[0] if not r["origin"].startswith("own:") else "own"
        by_origin[k] = by_origin.get(k, 0) + 1
    print(f"parser.jsonl: {len(split['parser'])} records, compiler.jsonl: {len(split['compiler'])} records")
    print("by origin: " + ", ".join(f"{k} {v}" for k, v in sorted(by_origin.items())))
    return 1 if not_errors else 0


if __name__ == "__main__":
    sys.exit(main())
