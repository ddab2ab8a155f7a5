// .pyc files of Typhon's compiler that CPython 3.13 loads: Lib/py_compile.py and importlib's _code_to_timestamp_pyc /
// _code_to_hash_pyc (PEP 552 header), with marshal.dumps (Python/marshal.c) over a model of the objects CPython's
// compiler would have built, so FLAG_REF and interning choices match CPython's bytes. See docs/compiler.md.
import type { Host } from "../host/host.js";
import { compile } from "../compiler/compile.js";
import { CO_OPTIMIZED, CodeRecord } from "../compiler/code.js";
import { ConstFrozenset, ConstTuple, type ConstValue } from "../compiler/consts.js";
import { PyBytes, PyComplex, SurrogateStr, strCodePoints } from "../ast/constant.js";
import { siphash13Keyed } from "./import.js";
import { CACHE, CALL_KW, EXTENDED_ARG, IMPORT_NAME, LOAD_CONST, STORE_NAME } from "../opcode/opcode_metadata.js";
import { DebugDumpFailure } from "../debug/dump_failure.js";
import { ERRNO_TABLE } from "../modules/errno_table.js";
import { HostError } from "../host/host.js";

/** importlib.util.MAGIC_NUMBER of 3.13: (3571).to_bytes(2, 'little') + b'\r\n'. */
export const MAGIC_NUMBER = Uint8Array.of(0xf3, 0x0d, 0x0d, 0x0a);
/** _RAW_MAGIC_NUMBER, the SipHash key of hash-based pycs (_imp.source_hash). */
const RAW_MAGIC_NUMBER = 0x0a0d0df3n;

export type PycInvalidationMode = "timestamp" | "checked-hash" | "unchecked-hash";

// ---- the object model: what compile() leaves in memory, and so what marshal's w_ref sees ----

type MKind = "singleton" | "int" | "float" | "complex" | "str" | "bytes" | "tuple" | "frozenset" | "code";

/**
 * One object of CPython's graph. Equal constants are one object (the compiler's const cache, merged across the whole
 * module: _PyCompile_ConstCacheMergeOne, merge_consts_recursive), as are names tuples, localsplusnames, linetables and
 * exception tables (makecode and assemble_emit in Python/assemble.c). refcnt counts the references from the graph.
 */
class MObj {
  readonly kind: MKind;
  /** The const-cache key (equal keys: one object); "" for objects never merged. */
  readonly key: string;
  /** The key of the value alone (a str's interning aside), from which tuples and frozensets build theirs. */
  mkey: string;
  refcnt: number;
  /** Immortal objects (small ints, (), b'', 1-byte bytes, 1-character Latin-1 str): always flagged. */
  immortal: boolean;
  interned: boolean;
  /** Payload: the value of scalars, the items of tuples and frozensets, the code record. */
  value: ConstValue | MObj[] | CodeRecord | Uint8Array | string;
  /** Code objects: the objects marshal writes for them, in order. */
  fields: MObj[] | null;
  constructor(kind: MKind, key: string, value: ConstValue | MObj[] | CodeRecord | Uint8Array | string) {
    this.kind = kind;
    this.key = key;
    this.mkey = key;
    this.refcnt = 0;
    this.immortal = false;
    this.interned = false;
    this.value = value;
    this.fields = null;
  }
}

/** [A-Za-z0-9_]* over ASCII: the string constants codeobject.c's intern_constants interns (should_intern_string). */
function allNameChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f)) return false;
  }
  return true;
}

const SINGLETONS = new Map<unknown, MObj>();

class GraphBuilder {
  readonly merged = new Map<string, MObj>();
  /** Non-name string constants that are also a class body's own qualname (the same object, interned with it). */
  readonly qualnameConsts = new Set<string>();
  /** Every name of the module (co_names, localsplusnames, co_name): strings the parser interned. */
  readonly identifiers = new Set<string>();
  private serial = 0;

  private unique(kind: MKind, value: MObj["value"]): MObj {
    return new MObj(kind, "#" + String(this.serial++), value);
  }

  /** The shared object for `key`, made by `make` (which references its children) the first time. */
  private share(key: string, make: () => MObj): MObj {
    let o = this.merged.get(key);
    if (o === undefined) {
      o = make();
      this.merged.set(key, o);
    }
    o.refcnt++;
    return o;
  }

  private ref(o: MObj): MObj {
    o.refcnt++;
    return o;
  }

  str(s: string | SurrogateStr, interned: boolean): MObj {
    const text = typeof s === "string" ? s : strCodePoints(s).join(",");
    // A 1-character Latin-1 string is an immortal interned singleton (_Py_LATIN1_CHR).
    const single = typeof s === "string" && s.length === 1 && s.charCodeAt(0) < 256;
    const isInterned = interned || single || (typeof s === "string" && this.qualnameConsts.has(s));
    const key = (isInterned ? "I" : typeof s === "string" ? "s" : "S") + text;
    return this.share(key, () => {
      const o = new MObj("str", key, s);
      o.mkey = (typeof s === "string" ? "s" : "S") + text;
      o.interned = isInterned;
      o.immortal = single || s === "";
      return o;
    });
  }

  bytes(b: Uint8Array): MObj {
    const key = "b" + Array.from(b, (x) => String.fromCharCode(x)).join("");
    return this.share(key, () => {
      const o = new MObj("bytes", key, b);
      o.immortal = b.length <= 1;
      return o;
    });
  }

  /** A tuple of already-built items (each already counted), merged by the items' keys. */
  tuple(items: MObj[]): MObj {
    if (items.some((x) => x.key.startsWith("#"))) {
      // Code objects (and other never-merged objects) are keyed by identity: such a tuple is one of a kind.
      const o = this.unique("tuple", items);
      o.refcnt++;
      return o;
    }
    const key = "(" + items.map((x) => x.mkey.length + ":" + x.mkey).join("") + ")";
    const existing = this.merged.get(key);
    if (existing !== undefined) {
      // The cache already holds an equal tuple: the new one's item references go away with it. But a names or
      // localsplusnames tuple merged into a constant tuple gets its items interned in place (intern_strings).
      const old = existing.value as MObj[];
      for (let i = 0; i < items.length; i++) {
        const x = items[i]!;
        if (x.kind === "str" && x.interned && !old[i]!.interned) {
          old[i]!.refcnt--;
          old[i] = x;
        } else x.refcnt--;
      }
      existing.refcnt++;
      return existing;
    }
    const o = new MObj("tuple", key, items);
    o.immortal = items.length === 0;
    this.merged.set(key, o);
    o.refcnt++;
    return o;
  }

  constant(v: ConstValue): MObj {
    if (v === null || v === true || v === false) return this.singleton(v);
    if (typeof v === "bigint") {
      const key = "i" + v.toString();
      return this.share(key, () => {
        const o = new MObj("int", key, v);
        o.immortal = v >= -5n && v <= 256n;
        return o;
      });
    }
    if (typeof v === "number") {
      // NaN != NaN: every NaN constant is its own object.
      if (Number.isNaN(v)) return this.ref(this.unique("float", v));
      const key = "f" + (Object.is(v, -0) ? "-0" : String(v));
      return this.share(key, () => new MObj("float", key, v));
    }
    if (typeof v === "string") return this.str(v, allNameChars(v));
    if (v instanceof SurrogateStr) return this.str(v, false);
    if (v instanceof PyBytes) return this.bytes(v.bytes);
    if (v instanceof PyComplex) {
      if (Number.isNaN(v.real) || Number.isNaN(v.imag)) return this.ref(this.unique("complex", v));
      const key = "c" + (Object.is(v.real, -0) ? "-0" : String(v.real)) + "," + (Object.is(v.imag, -0) ? "-0" : String(v.imag));
      return this.share(key, () => new MObj("complex", key, v));
    }
    if (v instanceof ConstTuple) return this.tuple(v.items.map((x) => this.constant(x)));
    if (v instanceof ConstFrozenset) {
      const items = v.items.map((x) => this.constant(x));
      const key = "{" + items.map((x) => x.mkey).sort().map((k) => k.length + ":" + k).join("") + "}";
      // intern_constants rebuilds a frozenset when it replaces one of its name-like strings by an already interned
      // equal string (a 1-character string is its own interned singleton, so never): the rebuilt set belongs to
      // the consts tuple being interned alone. Which strings the process had interned is unknowable; identifiers
      // are the usual case, so a frozenset with a longer name-like string that is also a name of the module counts
      // as rebuilt.
      if (v.items.some((x) => typeof x === "string" && x.length > 1 && allNameChars(x) && this.identifiers.has(x))) {
        const o = new MObj("frozenset", key, items);
        o.refcnt++;
        return o;
      }
      const existing = this.merged.get(key);
      if (existing !== undefined) {
        for (const x of items) x.refcnt--;
        existing.refcnt++;
        return existing;
      }
      const o = new MObj("frozenset", key, items);
      this.merged.set(key, o);
      o.refcnt++;
      return o;
    }
    if (v instanceof CodeRecord) return this.ref(this.code(v));
    return this.singleton(v); // Ellipsis
  }

  private singleton(v: unknown): MObj {
    let o = SINGLETONS.get(v);
    if (o === undefined) {
      o = new MObj("singleton", "k" + String(v === null ? "None" : typeof v === "boolean" ? v : "..."), v as ConstValue);
      SINGLETONS.set(v, o);
    }
    return o;
  }

  /** A code object, built children first as the compiler finishes nested units before their parent. */
  /**
   * A class body loads its own qualname as a constant (compiler_class_body): the same object as co_qualname, which
   * code creation interns, so such a string constant is interned even when it is not name-like.
   */
  findQualnameConsts(co: CodeRecord, seen: Set<string> = new Set()): void {
    // Code objects are made children first, in the order of their parent's co_consts; code creation interns
    // co_name and co_qualname, so a qualname already interned by an earlier code object (a function of the same
    // qualname) leaves the class body's constant a separate, uninterned string.
    for (const c of co.co_consts) if (c instanceof CodeRecord) this.findQualnameConsts(c, seen);
    const qualname = co.co_qualname;
    const classBody = (co.co_flags & CO_OPTIMIZED) === 0 && co.co_names.includes("__qualname__");
    if (classBody && !allNameChars(qualname) && !seen.has(qualname) && co.co_consts.some((c) => c === qualname)) {
      this.qualnameConsts.add(qualname);
    }
    seen.add(qualname);
    seen.add(co.co_name);
    for (const n of co.co_names) this.identifiers.add(n);
    for (const n of co.co_localsplusnames) this.identifiers.add(n);
    this.identifiers.add(co.co_name);
  }

  code(co: CodeRecord): MObj {
    const qualname = co.co_qualname;
    const o = this.unique("code", co);
    // The order objects enter the const cache: the assembler's tables, then names, consts, localsplusnames.
    const exceptiontable = this.bytes(co.co_exceptiontable);
    const linetable = this.bytes(co.co_linetable);
    const names = this.tuple(co.co_names.map((n) => this.str(n, true)));
    const idTuples = identifierTuples(co);
    const consts = this.tuple(co.co_consts.map((c, i) => (idTuples.has(i) && c instanceof ConstTuple
      ? this.tuple(c.items.map((x) => (typeof x === "string" ? this.str(x, true) : this.constant(x))))
      : this.constant(c))));
    const localsplusnames = this.tuple(co.co_localsplusnames.map((n) => this.str(n, true)));
    // localspluskinds is a fresh bytes object (PyBytes_FromStringAndSize(NULL, n)); only b'' is the singleton.
    const kinds = co.co_localspluskinds.length === 0 ? this.bytes(co.co_localspluskinds) : this.ref(this.unique("bytes", co.co_localspluskinds));
    // marshal writes _PyCode_GetCode's copy of the bytecode, cached on the code object: a reference count of two.
    const code = this.unique("bytes", co.co_code);
    code.refcnt = 2;
    o.fields = [code, consts, names, localsplusnames, kinds, this.str(co.co_filename, true), this.str(co.co_name, true),
      this.str(qualname, true), linetable, exceptiontable];
    return o;
  }
}

/**
 * The constant tuples whose strings codegen took from the AST's identifiers (interned by the parser) rather than
 * from string literals: CALL_KW's keyword names, IMPORT_NAME's fromlist, a class body's __static_attributes__.
 * They matter for non-ASCII names, which intern_constants would not intern.
 */
function identifierTuples(co: CodeRecord): Set<number> {
  const out = new Set<number>();
  const code = co.co_code;
  let prevOp = -1, prevArg = 0, ext = 0;
  for (let i = 0; i + 1 < code.length; i += 2) {
    const op = code[i]!;
    const arg = code[i + 1]! | ext;
    if (op === CACHE) continue;
    if (op === EXTENDED_ARG) { ext = arg << 8; continue; }
    ext = 0;
    if (prevOp === LOAD_CONST && (op === CALL_KW || op === IMPORT_NAME ||
      (op === STORE_NAME && co.co_names[arg] === "__static_attributes__"))) out.add(prevArg);
    prevOp = op;
    prevArg = arg;
  }
  return out;
}

// ---- the writer (w_object, w_ref, w_complex_object) ----

class PycWriter {
  buf = new Uint8Array(1024);
  len = 0;
  readonly refs = new Map<MObj, number>();
  nrefs = 0;

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const b = new Uint8Array(cap);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  u8(v: number): void {
    this.reserve(1);
    this.buf[this.len++] = v & 0xff;
  }
  i32(v: number): void {
    this.reserve(4);
    for (let i = 0; i < 4; i++) this.buf[this.len++] = (v >>> (8 * i)) & 0xff;
  }
  raw(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  f64(v: number): void {
    this.reserve(8);
    new DataView(this.buf.buffer).setFloat64(this.len, v, true);
    this.len += 8;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  /** w_ref: a back-reference when seen before; otherwise FLAG_REF when the object is shared, interned or immortal. */
  private w_ref(o: MObj, extraRef: boolean): number | null {
    if (o.refcnt + (extraRef ? 1 : 0) === 1 && !o.interned && !o.immortal) return 0;
    const idx = this.refs.get(o);
    if (idx !== undefined) {
      this.u8(0x72); // TYPE_REF
      this.i32(idx);
      return null;
    }
    this.refs.set(o, this.nrefs++);
    return 0x80;
  }

  w_object(o: MObj, extraRef = false): void {
    if (o.kind === "singleton") {
      const v = o.value;
      this.u8(v === null ? 0x4e : v === true ? 0x54 : v === false ? 0x46 : 0x2e); // N T F .
      return;
    }
    const flag = this.w_ref(o, extraRef);
    if (flag === null) return;
    switch (o.kind) {
      case "int": return this.w_long(o.value as bigint, flag);
      case "float":
        this.u8(0x67 | flag); // TYPE_BINARY_FLOAT
        this.f64(o.value as number);
        return;
      case "complex": {
        const c = o.value as PyComplex;
        this.u8(0x79 | flag); // TYPE_BINARY_COMPLEX
        this.f64(c.real);
        this.f64(c.imag);
        return;
      }
      case "str": return this.w_str(o, flag);
      case "bytes": {
        const b = o.value instanceof PyBytes ? o.value.bytes : (o.value as Uint8Array);
        this.u8(0x73 | flag); // TYPE_STRING
        this.i32(b.length);
        this.raw(b);
        return;
      }
      case "tuple": {
        const items = o.value as MObj[];
        if (items.length < 256) {
          this.u8(0x29 | flag); // TYPE_SMALL_TUPLE
          this.u8(items.length);
        } else {
          this.u8(0x28 | flag); // TYPE_TUPLE
          this.i32(items.length);
        }
        for (const x of items) this.w_object(x);
        return;
      }
      case "frozenset": {
        const items = o.value as MObj[];
        this.u8(0x3e | flag); // TYPE_FROZENSET
        this.i32(items.length);
        // bpo-37596: items in the order of sorted(v, key=marshal.dumps), each dumped alone while the set iteration
        // holds an extra reference to it; the sorted (dump, item) pairs keep that reference while the items are
        // written, so every item is flagged.
        const keyed = items.map((x) => {
          const w = new PycWriter();
          w.w_object(x, true);
          return { x, k: w.result() };
        });
        keyed.sort((a, b) => compareBytes(a.k, b.k));
        for (const { x } of keyed) this.w_object(x, true);
        return;
      }
      case "code": {
        const co = o.value as CodeRecord;
        const f = o.fields!;
        this.u8(0x63 | flag); // TYPE_CODE
        this.i32(co.co_argcount);
        this.i32(co.co_posonlyargcount);
        this.i32(co.co_kwonlyargcount);
        this.i32(co.co_stacksize);
        this.i32(co.co_flags);
        for (let i = 0; i < 8; i++) this.w_object(f[i]!);
        this.i32(co.co_firstlineno);
        this.w_object(f[8]!);
        this.w_object(f[9]!);
        return;
      }
      default: {
        const never: never = o.kind;
        throw new Error(`unexpected object kind ${String(never)}`);
      }
    }
  }

  private w_long(v: bigint, flag: number): void {
    if (v >= -0x80000000n && v <= 0x7fffffffn) {
      this.u8(0x69 | flag); // TYPE_INT
      this.i32(Number(v));
      return;
    }
    // TYPE_LONG: a signed digit count, then base-2**15 digits, least significant first (w_PyLong).
    let m = v < 0n ? -v : v;
    const digits: number[] = [];
    while (m > 0n) {
      digits.push(Number(m & 0x7fffn));
      m >>= 15n;
    }
    this.u8(0x6c | flag);
    this.i32(v < 0n ? -digits.length : digits.length);
    for (const d of digits) {
      this.u8(d & 0xff);
      this.u8(d >> 8);
    }
  }

  private w_str(o: MObj, flag: number): void {
    const v = o.value as string | SurrogateStr;
    const cps = typeof v === "string" ? Array.from(v, (c) => c.codePointAt(0)!) : strCodePoints(v);
    if (cps.every((c) => c < 0x80)) {
      if (cps.length < 256) {
        this.u8((o.interned ? 0x5a : 0x7a) | flag); // TYPE_SHORT_ASCII(_INTERNED)
        this.u8(cps.length);
      } else {
        this.u8((o.interned ? 0x41 : 0x61) | flag); // TYPE_ASCII(_INTERNED)
        this.i32(cps.length);
      }
      this.raw(Uint8Array.from(cps));
      return;
    }
    // UTF-8 with surrogatepass: lone surrogates as their 3-byte forms.
    const out: number[] = [];
    for (const c of cps) {
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    this.u8((o.interned ? 0x74 : 0x75) | flag); // TYPE_INTERNED / TYPE_UNICODE
    this.i32(out.length);
    this.raw(Uint8Array.from(out));
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * marshal.dumps(code) as CPython 3.13 writes it for a code object fresh from compile() that the caller holds
 * (py_compile and importlib keep a reference, so the root carries FLAG_REF).
 */
export function marshalCode(co: CodeRecord): Uint8Array {
  const g = new GraphBuilder();
  g.findQualnameConsts(co);
  const root = g.code(co);
  root.refcnt = 2;
  const w = new PycWriter();
  w.w_object(root);
  return w.result();
}

// ---- the header (PEP 552) ----

/** _imp.source_hash(_RAW_MAGIC_NUMBER, source): SipHash-1-3 keyed as _Py_KeyedHash, 8 bytes little-endian. */
export function sourceHash(source: Uint8Array): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, siphash13Keyed(RAW_MAGIC_NUMBER, 0n, source), true);
  return out;
}

/** _code_to_timestamp_pyc / _code_to_hash_pyc: the 16-byte header followed by marshal.dumps(code). */
export function codeToPyc(co: CodeRecord, source: Uint8Array, mode: PycInvalidationMode, mtime: number): Uint8Array {
  const body = marshalCode(co);
  const out = new Uint8Array(16 + body.length);
  const dv = new DataView(out.buffer);
  out.set(MAGIC_NUMBER, 0);
  switch (mode) {
    case "timestamp":
      dv.setUint32(4, 0, true);
      dv.setUint32(8, mtime >>> 0, true); // _pack_uint32(mtime & 0xFFFFFFFF)
      dv.setUint32(12, source.length >>> 0, true);
      break;
    case "checked-hash":
    case "unchecked-hash":
      dv.setUint32(4, mode === "checked-hash" ? 0b11 : 0b01, true);
      out.set(sourceHash(source), 8);
      break;
    default: {
      const never: never = mode;
      throw new Error(`unknown invalidation mode ${String(never)}`);
    }
  }
  out.set(body, 16);
  return out;
}

/** "[Errno 2] No such file or directory" for a host error, as str(OSError) starts. */
function osError(e: HostError): string {
  const row = ERRNO_TABLE.find(([name]) => name === e.errno);
  return row === undefined ? e.message : `[Errno ${row[1]}] ${row[2]}`;
}

/**
 * `typhon --compile [--invalidation-mode timestamp|checked-hash|unchecked-hash] FILE OUT`: py_compile.compile(FILE,
 * cfile=OUT). The code's co_filename is FILE as given; the default mode is timestamp unless SOURCE_DATE_EPOCH is
 * set (py_compile._get_default_invalidation_mode).
 */
export function compileCommand(host: Host, args: readonly string[]): string {
  const rest = [...args];
  let mode: PycInvalidationMode | null = null;
  let optimize = 0;
  while (rest.length && rest[0]!.startsWith("-")) {
    const a = rest.shift()!;
    if (a === "--invalidation-mode") {
      const m = rest.shift();
      if (m !== "timestamp" && m !== "checked-hash" && m !== "unchecked-hash") {
        throw new DebugDumpFailure(`--compile: invalid invalidation mode ${JSON.stringify(m ?? "")}\n`, 2);
      }
      mode = m;
    } else if (a === "-O") optimize = 1;
    else if (a === "-OO") optimize = 2;
    else throw new DebugDumpFailure(`--compile: unknown option ${a}\n`, 2);
  }
  if (rest.length !== 2) throw new DebugDumpFailure("usage: typhon --compile [--invalidation-mode MODE] [-O|-OO] FILE OUT\n", 2);
  const [file, cfile] = rest as [string, string];
  const fs = host.fs;
  if (fs === undefined) throw new DebugDumpFailure("typhon --compile: this host has no file system\n", 1);
  if (mode === null) mode = host.env().has("SOURCE_DATE_EPOCH") ? "checked-hash" : "timestamp";
  let source: Uint8Array;
  let mtimeNs: bigint;
  try {
    source = host.readFile(file);
    mtimeNs = fs.stat(file, true).mtimeNs;
  } catch (e) {
    if (e instanceof HostError) throw new DebugDumpFailure(`typhon --compile: can't open file '${file}': ${osError(e)}\n`, 1);
    throw e;
  }
  const co = compile(source, file, "exec", 0, optimize);
  const data = codeToPyc(co, source, mode, Number(mtimeNs / 1_000_000_000n));
  // O_WRONLY | O_CREAT | O_TRUNC, mode 0o666 as importlib's _write_atomic leaves it (less the umask).
  let fd: number;
  try {
    fd = fs.open(cfile, 0o1 | 0o100 | 0o1000, 0o666);
  } catch (e) {
    if (e instanceof HostError) throw new DebugDumpFailure(`typhon --compile: can't write '${cfile}': ${osError(e)}\n`, 1);
    throw e;
  }
  try {
    let off = 0;
    while (off < data.length) off += fs.write(fd, data.subarray(off));
  } finally {
    fs.close(fd);
  }
  return "";
}
