// int, float and str against CPython: every golden group of tests/golden/objects/typesB.json.gz (formatting,
// parsing, arithmetic, methods, codecs; captured by tools/capture_typesB.py) run under Typhon, result by result.
// KNOWN lists the mismatches still expected per group, with the reason; the count must match exactly (ratchet).
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadGolden, runGroup, initRuntime } from "./typesB_harness.js";
import {
  _PyCodec_DecodeStateful, decodeUTF16, decodeUTF32, type CodecName, PyUnicode_BuildEncodingMap, PyUnicode_DecodeCharmap,
  PyUnicode_EncodeCharmap, EncodingMapObject, PyUnicode_AsEncodedString, PyUnicode_Decode, _PyCodec_InstallErrorLookup,
} from "../../../src/objects/unicodecodecs.js";
import { PyUnicodeErrorObject } from "../../../src/objects/exceptions.js";
import { PyCFunction_New } from "../../../src/objects/methodobject.js";
import { PyTuple_New } from "../../../src/objects/tupleobject.js";
import { PyBytesObject } from "../../../src/objects/bytesobject.js";
import { METH_O } from "../../../src/objects/object.js";
import { PyUnicode_FromString } from "../../../src/objects/unicodeobject.js";
import { PyDict_New, PyDict_SetItem } from "../../../src/objects/dictobject.js";
import { Py_None, Py_TYPE, type PyVal } from "../../../src/objects/object.js";
import { PyBytes_FromArray } from "../../../src/objects/bytesobject.js";
import { PyObject_Str } from "../../../src/objects/abstract.js";
import { PyBaseExceptionObject } from "../../../src/objects/exceptions.js";

// An entry with `atMost` passes with fewer mismatches too: its failures depend on other engineers' modules being
// present (the stdlib codec registry, imports), so the count differs between a bare checkout and a full tree.
const KNOWN: Record<string, [number, string, "atMost"?]> = {
  float_pow_random: [3, "DEVIATION: Typhon's pow is correctly rounded; glibc's (CPython's) is off by up to 0.52 ulp here"],
  str_encode: [10, "cp1252 needs the stdlib codec registry (_codecs, encodings) and run collection in its charmap_encode", "atMost"],
  lib_test_str: [1, "'abc'.__mul__(): the slot wrapper's argument-count message lacks CPython's leading name (typeobject.ts)"],
  lib_test_numbers: [3, "chr() range error and None.__ne__ (builtins/object.ts)"],
  string_module: [2, "string.Formatter needs the stdlib (string, re, itertools) importable", "atMost"],
};

const golden = loadGolden();
for (const g of golden.groups) {
  test(`typesB golden: ${g.name} (${g.results.length} cases)`, () => {
    const r = runGroup(golden, g);
    const [allowed, reason, atMost] = KNOWN[g.name] ?? [0, ""];
    const first = r.mismatches.slice(0, 3).map((i) => `#${i}: want ${g.results[i]} got ${r.got[i]}`).join("\n");
    if (atMost === "atMost" && r.mismatches.length < allowed) return;
    assert.equal(r.mismatches.length, allowed,
      `${r.mismatches.length} mismatches (listed: ${allowed}${reason ? ", " + reason : ""})\n${r.stderr}${first}`);
  });
}

test(`typesB golden: stateful decoders (${golden.stateful.length} codecs.*_decode calls on prefixes, final or not)`, () => {
  initRuntime();
  const bad: string[] = [];
  for (const [codec, hex, errors, final, want] of golden.stateful) {
    const b = Uint8Array.from(Buffer.from(hex, "hex"));
    const obj = PyBytes_FromArray(b);
    let got: [string, number, number?] | string;
    try {
      if (codec === "utf_16" || codec === "utf_32") {
        got = (codec === "utf_16" ? decodeUTF16 : decodeUTF32)(b, errors, obj, 0, final);
      } else {
        got = _PyCodec_DecodeStateful(codec as CodecName, b, errors, obj, final);
      }
    } catch (e) {
      if (!(e instanceof PyBaseExceptionObject)) throw e;
      got = "!" + PyObject_Str(e).value;
    }
    if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${codec}(${hex}, ${errors}, ${final}): want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
  }
  assert.deepEqual(bad.slice(0, 5), []);
});

test(`typesB golden: charmap codecs (${golden.charmap.cases.length} codecs.charmap_decode/encode calls)`, () => {
  initRuntime();
  const { table, cases, size } = golden.charmap;
  const dict = (pairs: [number, PyVal][]): PyVal => {
    const d = PyDict_New();
    for (const [k, v] of pairs) PyDict_SetItem(d, k, v);
    return d;
  };
  const s = (t: string): PyVal => PyUnicode_FromString(t);
  const built = PyUnicode_BuildEncodingMap(PyUnicode_FromString(table));
  assert.ok(built instanceof EncodingMapObject);
  assert.equal(63 + 16 * built.count2 + 128 * built.count3, size);
  const decs: Record<string, PyVal> = {
    table: s(table), none: Py_None, short: s("abc\ufffe"),
    dict: dict([[97, s("x")], [98, Py_None], [99, 0x20ac], [100, s("long")], [101, 0xfffe]]),
  };
  const encs: Record<string, PyVal> = {
    table: built, none: Py_None, build: PyUnicode_BuildEncodingMap(PyUnicode_FromString("abc")),
    dict: dict([[97, 65], [98, PyBytes_FromArray(Uint8Array.of(66, 66))], [99, Py_None], [63, 63]]),
  };
  assert.equal(Py_TYPE(encs.build).tp_name, "dict");
  const bad: string[] = [];
  for (const [op, input, errors, kind, want] of cases) {
    let got: string;
    try {
      if (op === "decode") {
        const b = Uint8Array.from(Buffer.from(input, "hex"));
        got = PyUnicode_DecodeCharmap(b, errors, decs[kind], PyBytes_FromArray(b));
      } else {
        got = Buffer.from(PyUnicode_EncodeCharmap(PyUnicode_FromString(input), errors, encs[kind])).toString("hex");
      }
    } catch (e) {
      if (!(e instanceof PyBaseExceptionObject)) throw e;
      got = "!" + Py_TYPE(e).tp_name + ": " + PyObject_Str(e).value;
    }
    if (got !== want) bad.push(`${op}(${JSON.stringify(input)}, ${errors}, ${kind}): want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
  }
  assert.deepEqual(bad.slice(0, 5), []);
});

test("codecs: handlers registered from outside (codecs.register_error's lookup hook), values from CPython 3.13", () => {
  initRuntime();
  const enc = (s: string, codec: string, errors: string): string => {
    try {
      return Buffer.from(PyUnicode_AsEncodedString(PyUnicode_FromString(s), codec, errors)).toString("latin1");
    } catch (e) {
      if (!(e instanceof PyBaseExceptionObject)) throw e;
      return "!" + Py_TYPE(e).tp_name + ": " + PyObject_Str(e).value;
    }
  };
  const fn = (f: (e: PyUnicodeErrorObject) => PyVal): PyVal => PyCFunction_New({ name: "h", meth: (_s: PyVal, e: PyVal) => f(e as PyUnicodeErrorObject), flags: METH_O }, null);
  const handlers = new Map<string, PyVal>([
    ["t", fn((e) => {
      const st = e.start as number, en = e.end as number;
      if (Py_TYPE(e).tp_name === "UnicodeEncodeError") return PyTuple_New([PyUnicode_FromString(`<${st}-${en}>`), en + 1]);
      const b = (e.object as PyBytesObject).ob_bytes.subarray(st, en);
      return PyTuple_New([PyUnicode_FromString(`[${Buffer.from(b).toString("hex")}]`), en]);
    })],
    ["bad", fn(() => 5)],
    ["far", fn(() => PyTuple_New([PyUnicode_FromString(""), 99]))],
    ["neg", fn(() => PyTuple_New([PyUnicode_FromString("?"), -1]))],
  ]);
  _PyCodec_InstallErrorLookup((name) => handlers.get(name) ?? null);
  try {
    assert.equal(enc("a\u20acb\u20ac\u20accd", "ascii", "t"), "a<1-2><3-5>d");
    assert.equal(enc("a\udc80bc", "utf-8", "t"), "a<1-2>c");
    assert.equal(enc("a\udc80bc", "utf-16-le", "t"), "a\x00<\x001\x00-\x002\x00>\x00c\x00");
    const b = Uint8Array.of(0x61, 0xff, 0x62, 0xfe, 0xfd, 0x63);
    assert.equal(PyUnicode_Decode(b, "utf-8", "t", PyBytes_FromArray(b)), "a[ff]b[fe][fd]c");
    assert.equal(enc("a\xff", "ascii", "bad"), "!TypeError: encoding error handler must return (str/bytes, int) tuple");
    assert.equal(enc("a\xff", "ascii", "far"), "!IndexError: position 99 from error handler out of bounds");
    assert.equal(enc("a\xffbc", "ascii", "neg"), "a?c");
    assert.equal(enc("a\xff", "ascii", "nosuch"), "!LookupError: unknown error handler name 'nosuch'");
  } finally {
    _PyCodec_InstallErrorLookup(() => null);
  }
});
