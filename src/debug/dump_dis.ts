// --dump-dis FILE: what `python3.13 -m dis FILE` prints, formatted from Typhon's CodeRecord. Counterpart: Lib/dis.py
// (Formatter, ArgResolver, _unpack_opargs, findlabels, findlinestarts, _parse_exception_table) and code.co_lines()
// (Objects/codeobject.c). Code-object addresses are printed as a fixed 0xc0de… id (DIS_ADDRESS). See docs/compiler.md.
import type { Host } from "../host/host.js";
import { reprConstant, type ConstantValue } from "../ast/constant.js";
import { compile } from "../compiler/compile.js";
import { CodeRecord } from "../compiler/code.js";
import { ConstFrozenset, ConstTuple, constKey, type ConstValue } from "../compiler/consts.js";
import {
  CACHE, CALL_KW, IMPORT_NAME, LOAD_NAME, LOAD_CONST, STORE_SUBSCR, MAKE_FUNCTION, BUILD_CONST_KEY_MAP, COMPARE_OP, CONVERT_VALUE, SET_FUNCTION_ATTRIBUTE, BINARY_OP, CALL_INTRINSIC_1, CALL_INTRINSIC_2,
  LOAD_GLOBAL, LOAD_ATTR, LOAD_SUPER_ATTR, LOAD_FAST_LOAD_FAST, STORE_FAST_LOAD_FAST, STORE_FAST_STORE_FAST,
  EXTENDED_ARG, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, opname, _PyOpcode_Caches, _PyOpcode_Deopt, _cache_format,
  _nb_ops, _intrinsic1_descs, _intrinsic2_descs, cmp_op, OPCODE_HAS_ARG, OPCODE_HAS_CONST, OPCODE_HAS_NAME,
  OPCODE_HAS_JUMP, OPCODE_HAS_EXC, OPCODE_HAS_LOCAL, OPCODE_HAS_FREE,
} from "../opcode/opcode_utils.js";
import { frozensetIterationOrder } from "./set_order.js";
import { disStartupInterned } from "./dis_interned.js";
import { _Py_HashRandomization_Init } from "../runtime/pyhash.js";
import { DebugDumpFailure } from "./dump_failure.js";

/** dis's column widths (Lib/dis.py _OPNAME_WIDTH, _OPARG_WIDTH) and the text of a missing line number. */
const _OPNAME_WIDTH = 20;
const _OPARG_WIDTH = 5;
const _NO_LINENO = "  --";
const FUNCTION_ATTR_FLAGS = ["defaults", "kwdefaults", "annotations", "closure"] as const;

/**
 * How Typhon prints the `at 0x…` part of a code object's repr: CPython prints a memory address, Typhon a fixed
 * id per code object, numbered in order of first appearance. tools/diff_modes/dis.py renumbers CPython's addresses
 * the same way, so the comparison ignores exactly the address.
 */
export const DIS_ADDRESS = (n: number): string => "0xc0de" + n.toString(16).padStart(8, "0");

export interface DisOptions {
  /** dis -C: show the inline CACHE entries. */
  readonly showCaches?: boolean;
  /** dis -O: show the instruction offsets. */
  readonly showOffsets?: boolean;
  /**
   * The order a frozenset constant's items print in, given co_consts' order. Default: the iteration order of the
   * frozenset CPython builds from items in source order (./set_order.ts), under the process's hash secret.
   */
  readonly frozensetOrder?: (items: readonly ConstValue[]) => readonly ConstValue[];
}

/** One instruction of co_code as _unpack_opargs yields it. */
interface RawInstr {
  readonly offset: number;
  readonly op: number;
  /** null when the opcode takes no argument. */
  readonly arg: number | null;
}

export interface ExceptionTableEntry {
  readonly start: number;
  readonly end: number;
  readonly target: number;
  readonly depth: number;
  readonly lasti: boolean;
}

const deopt = (op: number): number => _PyOpcode_Deopt[op] ?? op;
const cacheSize = (op: number): number => _PyOpcode_Caches[deopt(op)] ?? 0;
const opName = (op: number): string => opname[op] ?? `<${op}>`;

/** _unpack_opargs: the instructions of co_code with EXTENDED_ARG folded into the following oparg, caches skipped. */
export function unpackOpargs(code: Uint8Array): RawInstr[] {
  const out: RawInstr[] = [];
  let extendedArg = 0;
  let caches = 0;
  for (let i = 0; i + 1 < code.length; i += 2) {
    if (caches) { caches--; continue; }
    const op = code[i]!;
    const deop = deopt(op);
    caches = cacheSize(deop);
    let arg: number | null = null;
    if (OPCODE_HAS_ARG(deop)) {
      arg = (code[i + 1]! | extendedArg) | 0; // the oparg is a C int: it wraps at 2**31
      extendedArg = deop === EXTENDED_ARG ? (arg << 8) | 0 : 0;
    } else {
      extendedArg = 0;
    }
    out.push({ offset: i, op, arg });
  }
  return out;
}

function isBackwardJump(op: number): boolean {
  return op === JUMP_BACKWARD || op === JUMP_BACKWARD_NO_INTERRUPT;
}

/** _get_jump_target: the byte offset a jump goes to (3.13 has only relative jumps), or null. */
function jumpTarget(op: number, arg: number, offset: number): number | null {
  const deop = deopt(op);
  if (!OPCODE_HAS_JUMP(deop)) return null;
  const signed = isBackwardJump(deop) ? -arg : arg;
  return offset + 2 + signed * 2 + 2 * cacheSize(deop);
}

function parseVarint(b: Uint8Array, pos: { i: number }): number | null {
  if (pos.i >= b.length) return null;
  let x = b[pos.i++]!;
  let val = x & 63;
  while (x & 64) {
    if (pos.i >= b.length) return null;
    x = b[pos.i++]!;
    val = val * 64 + (x & 63);
  }
  return val;
}

/** _parse_exception_table: offsets in bytes, as dis computes them. */
export function parseExceptionTable(table: Uint8Array): ExceptionTableEntry[] {
  const out: ExceptionTableEntry[] = [];
  const pos = { i: 0 };
  for (;;) {
    const start = parseVarint(table, pos);
    const length = parseVarint(table, pos);
    const target = parseVarint(table, pos);
    const dl = parseVarint(table, pos);
    if (start === null || length === null || target === null || dl === null) return out;
    out.push({ start: start * 2, end: (start + length) * 2, target: target * 2, depth: Math.floor(dl / 2), lasti: (dl & 1) !== 0 });
  }
}

/** One range of code.co_lines(): [start, end) in bytes and its line (null for no line). */
export interface LineRange {
  readonly start: number;
  readonly end: number;
  readonly line: number | null;
}

/**
 * code.co_lines() (lineiter_next over _PyLineTable_NextAddressRange in Objects/codeobject.c): the location table's
 * entries as address ranges, consecutive ranges with the same line merged.
 */
export function coLines(co: CodeRecord): LineRange[] {
  const t = co.co_linetable;
  const raw: { start: number; end: number; line: number }[] = [];
  let computed = co.co_firstlineno;
  let addr = 0;
  let i = 0;
  while (i < t.length) {
    const first = t[i]!;
    const code = (first >> 3) & 15;
    let delta = 0;
    if (code === 13 || code === 14) {
      // A signed varint (6-bit groups, least significant first) follows the entry's first byte.
      let j = i + 1;
      let shift = 0;
      let uval = 0;
      for (;;) {
        if (j >= t.length) break;
        const b = t[j++]!;
        uval += (b & 63) * 2 ** shift;
        shift += 6;
        if (!(b & 64)) break;
      }
      delta = uval % 2 === 1 ? -Math.floor(uval / 2) : Math.floor(uval / 2);
    } else if (code >= 10 && code <= 12) {
      delta = code - 10;
    }
    computed += delta;
    const line = code === 15 ? -1 : computed;
    const end = addr + ((first & 7) + 1) * 2;
    raw.push({ start: addr, end, line });
    addr = end;
    do i++; while (i < t.length && (t[i]! & 128) === 0);
  }
  const out: LineRange[] = [];
  for (let k = 0; k < raw.length;) {
    const start = raw[k]!.start;
    const line = raw[k]!.line;
    let end = raw[k]!.end;
    k++;
    while (k < raw.length && raw[k]!.line === line) end = raw[k++]!.end;
    out.push({ start, end, line: line === -1 ? null : line });
  }
  return out;
}

/** findlinestarts: offset -> line (null for an instruction without a line) where a new line starts. */
export function findLinestarts(co: CodeRecord): Map<number, number | null> {
  const m = new Map<number, number | null>();
  let last: number | null | false = false;
  for (const r of coLines(co)) {
    if (r.line !== last) {
      last = r.line;
      m.set(r.start, r.line);
    }
  }
  return m;
}

/** _get_lineno_width. */
function linenoWidth(linestarts: Map<number, number | null>): number {
  let max = -1;
  let hasNone = false;
  for (const v of linestarts.values()) {
    if (v === null) hasNone = true;
    else if (v !== 0 && v > max) max = v;
  }
  if (max === -1) return 0;
  let w = Math.max(3, String(max).length);
  if (w < _NO_LINENO.length && hasNone) w = _NO_LINENO.length;
  return w;
}

/** _make_labels_map: every jump target and exception-table boundary, numbered 1.. in offset order. */
function makeLabelsMap(instrs: readonly RawInstr[], entries: readonly ExceptionTableEntry[]): Map<number, number> {
  const labels = new Set<number>();
  for (const ins of instrs) {
    if (ins.arg === null) continue;
    const t = jumpTarget(ins.op, ins.arg, ins.offset);
    if (t !== null) labels.add(t);
  }
  for (const e of entries) {
    labels.add(e.start);
    labels.add(e.end);
    labels.add(e.target);
  }
  const sorted = [...labels].sort((a, b) => a - b);
  const m = new Map<number, number>();
  sorted.forEach((off, i) => m.set(off, i + 1));
  return m;
}

/** Assigns the fixed code-object ids of one disassembly (depth-first order of first appearance). */
export class CodeIds {
  private readonly ids = new Map<CodeRecord, number>();
  readonly frozensetOrder: (v: ConstFrozenset) => readonly ConstValue[];
  constructor(frozensetOrder: (v: ConstFrozenset) => readonly ConstValue[]) {
    this.frozensetOrder = frozensetOrder;
  }
  id(co: CodeRecord): number {
    let n = this.ids.get(co);
    if (n === undefined) {
      n = this.ids.size + 1;
      this.ids.set(co, n);
    }
    return n;
  }
}

/** repr(code): code_repr in Objects/codeobject.c, with the address replaced by DIS_ADDRESS. */
function reprCode(co: CodeRecord, ids: CodeIds): string {
  return `<code object ${co.co_name} at ${DIS_ADDRESS(ids.id(co))}, file "${co.co_filename}", line ${co.co_firstlineno}>`;
}

/** repr() of a co_consts entry as dis prints it; frozensets iterate in CPython's hash-table order. */
export function reprConstValue(v: ConstValue, ids: CodeIds): string {
  if (v instanceof ConstTuple) {
    if (v.items.length === 1) return "(" + reprConstValue(v.items[0]!, ids) + ",)";
    return "(" + v.items.map((x) => reprConstValue(x, ids)).join(", ") + ")";
  }
  if (v instanceof ConstFrozenset) {
    if (v.items.length === 0) return "frozenset()";
    return "frozenset({" + ids.frozensetOrder(v).map((x) => reprConstValue(x, ids)).join(", ") + "})";
  }
  if (v instanceof CodeRecord) return reprCode(v, ids);
  return reprConstant(v as ConstantValue);
}

/** ArgResolver.get_argval_argrepr, the argrepr half. */
function argRepr(co: CodeRecord, op: number, arg: number, offset: number, labels: Map<number, number>, ids: CodeIds): string {
  const deop = deopt(op);
  const name = (i: number): string => co.co_names[i] ?? `<name index ${i} out of range>`;
  const local = (i: number): string => co.co_localsplusnames[i] ?? `<local index ${i} out of range>`;
  if (OPCODE_HAS_CONST(deop)) {
    return arg < co.co_consts.length ? reprConstValue(co.co_consts[arg]!, ids) : `<const index ${arg} out of range>`;
  }
  if (OPCODE_HAS_NAME(deop)) {
    if (deop === LOAD_GLOBAL) return name(arg >> 1) + (arg & 1 ? " + NULL" : "");
    if (deop === LOAD_ATTR) return name(arg >> 1) + (arg & 1 ? " + NULL|self" : "");
    if (deop === LOAD_SUPER_ATTR) return name(arg >> 2) + (arg & 1 ? " + NULL|self" : "");
    return name(arg);
  }
  if (OPCODE_HAS_JUMP(deop) || OPCODE_HAS_EXC(deop)) {
    const target = jumpTarget(op, arg, offset);
    const lbl = target === null ? undefined : labels.get(target);
    return lbl === undefined ? "to <no label>" : `to L${lbl}`;
  }
  if (deop === LOAD_FAST_LOAD_FAST || deop === STORE_FAST_LOAD_FAST || deop === STORE_FAST_STORE_FAST) {
    return local(arg >> 4) + ", " + local(arg & 15);
  }
  if (OPCODE_HAS_LOCAL(deop) || OPCODE_HAS_FREE(deop)) return local(arg);
  if (deop === COMPARE_OP) {
    const s = cmp_op[arg >> 5] ?? `<cmp ${arg >> 5}>`;
    return arg & 16 ? `bool(${s})` : s;
  }
  if (deop === CONVERT_VALUE) return ["", "str", "repr", "ascii"][arg] ?? "";
  if (deop === SET_FUNCTION_ATTRIBUTE) return FUNCTION_ATTR_FLAGS.filter((_, i) => arg & (1 << i)).join(", ");
  if (deop === BINARY_OP) return _nb_ops[arg]?.[1] ?? "";
  if (deop === CALL_INTRINSIC_1) return _intrinsic1_descs[arg] ?? "";
  if (deop === CALL_INTRINSIC_2) return _intrinsic2_descs[arg] ?? "";
  return "";
}

/** Formatter: the widths of one code object's columns. */
interface Widths {
  readonly lineno: number;
  readonly offset: number;
  readonly label: number;
}

/** Formatter.print_instruction_line. */
function instructionLine(
  w: Widths, out: string[], offset: number, startsLine: boolean, line: number | null, label: number | undefined,
  name: string, arg: number | null, argrepr: string,
): void {
  if (w.lineno > 0 && startsLine && offset > 0) out.push("");
  const fields: string[] = [];
  if (w.lineno) {
    if (startsLine) fields.push(line === null ? _NO_LINENO.padStart(w.lineno) : String(line).padStart(w.lineno));
    else fields.push(" ".repeat(w.lineno));
  }
  fields.push(label !== undefined ? `L${label}:`.padStart(w.label) : " ".repeat(w.label));
  if (w.offset > 0) fields.push(String(offset).padStart(w.offset) + "  ");
  fields.push("   ");
  fields.push(name.padEnd(_OPNAME_WIDTH));
  if (arg !== null) {
    const excess = Math.max(0, name.length - _OPNAME_WIDTH);
    fields.push(String(arg).padStart(_OPARG_WIDTH - excess));
    if (argrepr) fields.push("(" + argrepr + ")");
  }
  out.push(fields.join(" ").trimEnd());
}

/** dis.disassemble(co): one code object's instructions and exception table. */
function disassemble(co: CodeRecord, out: string[], ids: CodeIds, opts: DisOptions): void {
  const code = co.co_code;
  const linestarts = findLinestarts(co);
  const entries = parseExceptionTable(co.co_exceptiontable);
  const instrs = unpackOpargs(code);
  const labels = makeLabelsMap(instrs, entries);
  const w: Widths = {
    lineno: linenoWidth(linestarts),
    offset: opts.showOffsets ? String(Math.max(code.length - 2, 9999)).length : 0,
    label: 4 + String(labels.size).length,
  };
  let localLine: number | null = null;
  for (const ins of instrs) {
    const startsLine = linestarts.has(ins.offset);
    if (startsLine) localLine = linestarts.get(ins.offset)!;
    const argrepr = ins.arg === null ? "" : argRepr(co, ins.op, ins.arg, ins.offset, labels, ids);
    instructionLine(w, out, ins.offset, startsLine, localLine, labels.get(ins.offset), opName(ins.op), ins.arg, argrepr);
    const deop = deopt(ins.op);
    if (opts.showCaches && cacheSize(deop) > 0) {
      let off = ins.offset;
      for (const [cname, size] of Object.entries(_cache_format[opName(deop)] ?? {})) {
        for (let k = 0; k < size; k++) {
          off += 2;
          let argrepr = "";
          if (k === 0) {
            // int.from_bytes(data, sys.byteorder) over the cache words (little-endian hosts).
            let v = 0n;
            for (let b = 2 * size - 1; b >= 0; b--) v = (v << 8n) | BigInt(code[ins.offset + 2 + b] ?? 0);
            argrepr = `${cname}: ${v}`;
          }
          instructionLine(w, out, off, false, null, undefined, opName(CACHE), 0, argrepr);
        }
      }
    }
  }
  if (entries.length > 0) {
    out.push("ExceptionTable:");
    for (const e of entries) {
      out.push(`  L${labels.get(e.start)} to L${labels.get(e.end)} -> L${labels.get(e.target)} [${e.depth}]${e.lasti ? " lasti" : ""}`);
    }
  }
}

/** _disassemble_recursive. */
function disassembleRecursive(co: CodeRecord, out: string[], ids: CodeIds, opts: DisOptions): void {
  disassemble(co, out, ids, opts);
  for (const c of co.co_consts) {
    if (c instanceof CodeRecord) {
      out.push("");
      out.push(`Disassembly of ${reprCode(c, ids)}:`);
      disassembleRecursive(c, out, ids, opts);
    }
  }
}

/**
 * The identifiers the parser interned while reading the module (names, attributes, parameters, keyword arguments,
 * function and class names), as far as its code records show them: interning a frozenset's string that equals one
 * of these rebuilds the set (see ./set_order.ts).
 */
function moduleIdentifiers(root: CodeRecord): Set<string> {
  const names = new Set<string>();
  const visit = (co: CodeRecord): void => {
    for (const n of co.co_names) for (const part of n.split(".")) names.add(part);
    for (const n of co.co_localsplusnames) names.add(n);
    names.add(co.co_name);
    let prevConst: ConstValue | undefined;
    for (const ins of unpackOpargs(co.co_code)) {
      if (ins.op === CALL_KW && prevConst instanceof ConstTuple) {
        for (const k of prevConst.items) if (typeof k === "string") names.add(k);
      }
      prevConst = OPCODE_HAS_CONST(ins.op) && ins.arg !== null ? co.co_consts[ins.arg] : undefined;
    }
    for (const c of co.co_consts) if (c instanceof CodeRecord) visit(c);
  };
  visit(root);
  return names;
}

/** A str object of the compilation: its text and whether it is the interned object for that text. */
interface StrObject { readonly text: string; interned: boolean }

/**
 * The print order of every frozenset constant of a module. Each is built in source order and rebuilt from its
 * iteration order by merge_consts_recursive; at makecode, intern_constants rebuilds it once more if interning
 * replaced one of its strings, i.e. if an item's object is not the interned one while an equal string is interned
 * (at startup, as an identifier of the module, or by an earlier makecode). Which object an item is comes from the
 * constant cache: the first str of that text the compilation met, in compile order (nested code objects are made
 * before the LOAD_CONST that loads them): a string literal (not interned), or an identifier constant (interned:
 * keyword-argument names, import from-lists, annotation keys, parameter names of annotations and kwdefaults). co_names do not count: measured, a name used before
 * does not spare the rebuild. Equal sets share the first one's object and order.
 */
function frozensetOrders(root: CodeRecord): (v: ConstFrozenset) => readonly ConstValue[] {
  const globalInterned = new Set<string>(moduleIdentifiers(root));
  const isInterned = (t: string): boolean => disStartupInterned().has(t) || globalInterned.has(t);
  const cache = new Map<string, StrObject>();
  const orders = new Map<string, readonly ConstValue[]>();
  const merge = (t: string, identifier: boolean): StrObject => {
    let o = cache.get(t);
    if (o === undefined) {
      o = { text: t, interned: identifier };
      cache.set(t, o);
    }
    return o;
  };
  // The str objects inside each constant of the code object being compiled, by constant index; `direct` marks the
  // items of a frozenset itself (intern_constants does not report replacements inside nested tuples).
  // `identifier(i)` says whether item i of a tuple constant (or the constant itself, i = 0) is an identifier.
  const mergeConst = (v: ConstValue, identifier: (i: number) => boolean, direct: boolean, out: [StrObject, boolean][]): void => {
    if (typeof v === "string") out.push([merge(v, identifier(0)), direct]);
    else if (v instanceof ConstTuple || v instanceof ConstFrozenset) {
      v.items.forEach((x, i) => mergeConst(x, () => identifier(i), direct && v instanceof ConstFrozenset, out));
    }
  };
  const always = (): boolean => true;
  const never = (): boolean => false;
  const even = (i: number): boolean => i % 2 === 0;
  const visit = (co: CodeRecord): void => {
    const objects = new Map<number, [StrObject, boolean][]>();
    const instrs = unpackOpargs(co.co_code);
    const useConst = (idx: number, identifier: (i: number) => boolean): void => {
      if (objects.has(idx) || idx >= co.co_consts.length) return;
      const c = co.co_consts[idx]!;
      const strs: [StrObject, boolean][] = [];
      if (c instanceof CodeRecord) visit(c);
      else if (c instanceof ConstFrozenset && orders.has(constKey(c))) {
        // merge_consts_recursive hands back the equal set made earlier, whose items are already interned.
      } else mergeConst(c, identifier, c instanceof ConstFrozenset, strs);
      objects.set(idx, strs);
    };
    // Constant tuples of a function's parameter names: the annotations tuple (name, annotation pairs, folded
    // when every annotation is a constant) and the kwdefaults keys, pushed just before the code object.
    const special = new Map<number, (i: number) => boolean>();
    for (let i = 2; i < instrs.length; i++) {
      if (instrs[i]!.op !== MAKE_FUNCTION || instrs[i - 1]!.op !== LOAD_CONST) continue;
      let flags = 0;
      for (let k = i + 1; k < instrs.length && instrs[k]!.op === SET_FUNCTION_ATTRIBUTE; k++) flags |= instrs[k]!.arg ?? 0;
      let at = i - 2;
      if (flags & 4) {
        const a = instrs[at];
        if (a?.op !== LOAD_CONST || a.arg === null) continue;
        special.set(a.arg, even);
        at--;
      }
      if (flags & 2 && instrs[at]?.op === BUILD_CONST_KEY_MAP) {
        const keys = instrs[at - 1];
        if (keys?.op === LOAD_CONST && keys.arg !== null) special.set(keys.arg, always);
      }
    }
    for (let i = 0; i < instrs.length; i++) {
      const ins = instrs[i]!;
      if (!OPCODE_HAS_CONST(ins.op) || ins.arg === null) continue;
      const next = instrs[i + 1]?.op;
      const prev = instrs[i - 1];
      const identifier = next === CALL_KW || next === IMPORT_NAME ||
        (next === STORE_SUBSCR && prev?.op === LOAD_NAME && co.co_names[prev.arg ?? -1] === "__annotations__");
      useConst(ins.arg, identifier ? always : (special.get(ins.arg) ?? never));
    }
    for (let idx = 0; idx < co.co_consts.length; idx++) useConst(idx, never);
    // intern_constants, from the last constant to the first.
    for (let idx = co.co_consts.length - 1; idx >= 0; idx--) {
      const c = co.co_consts[idx]!;
      let replaced = false;
      for (const [o, direct] of objects.get(idx) ?? []) {
        if (o.interned || !/^[A-Za-z0-9_]+$/.test(o.text)) continue;
        if (o.text.length > 1 && isInterned(o.text)) replaced ||= direct;
        else {
          o.interned = true;
          globalInterned.add(o.text);
        }
      }
      if (c instanceof ConstFrozenset && !orders.has(constKey(c))) {
        orders.set(constKey(c), frozensetIterationOrder(c.items, () => replaced));
      }
    }
  };
  visit(root);
  return (v) => orders.get(constKey(v)) ?? frozensetIterationOrder(v.items, isInterned);
}

/** dis.dis(co) for a module's code record: the text `python -m dis` prints (with a final newline). */
export function disCode(co: CodeRecord, opts: DisOptions = {}): string {
  const out: string[] = [];
  const given = opts.frozensetOrder;
  let computed: ((v: ConstFrozenset) => readonly ConstValue[]) | null = null;
  const order = (v: ConstFrozenset): readonly ConstValue[] =>
    given !== undefined ? given(v.items) : (computed ??= frozensetOrders(co))(v);
  disassembleRecursive(co, out, new CodeIds(order), opts);
  return out.join("\n") + "\n";
}

/** The --dump-dis text of a file's bytes: compile (parser, ast_opt, compiler), disassemble. Throws FrontEndSyntaxError. */
export function dumpDis(filename: string, data: Uint8Array, opts: DisOptions = {}): string {
  return disCode(compile(data, filename, "exec", 0, -1), opts);
}

/** The OSError subclasses open() raises, by errno name: [class, errno, strerror]. */
const OS_ERRORS: Readonly<Record<string, readonly [string, number, string]>> = {
  ENOENT: ["FileNotFoundError", 2, "No such file or directory"],
  EACCES: ["PermissionError", 13, "Permission denied"],
  EISDIR: ["IsADirectoryError", 21, "Is a directory"],
};

/** typhon --dump-dis [-C] [-O] [FILE] (the options of `python -m dis`). */
export function dumpDisCommand(host: Host, args: readonly string[]): string {
  // Frozenset constants print in hash order, so the hash secret follows PYTHONHASHSEED as in CPython.
  // DEVIATION: unset or "random" gives seed 0 instead of a random secret, so that the dump is reproducible.
  const seed = Number(host.env().get("PYTHONHASHSEED") ?? "0");
  _Py_HashRandomization_Init(Number.isInteger(seed) && seed >= 0 && seed <= 4294967295 ? seed : 0, () => new Uint8Array(24));
  let showCaches = false;
  let showOffsets = false;
  let file = "-";
  for (const a of args) {
    if (a === "-C" || a === "--show-caches") showCaches = true;
    else if (a === "-O" || a === "--show-offsets") showOffsets = true;
    else file = a;
  }
  // dis.main(): no FILE or "-" reads standard input under the name <stdin>.
  if (file === "-") return dumpDis("<stdin>", host.readStdin(), { showCaches, showOffsets });
  const filename = file;
  let data: Uint8Array;
  try {
    data = host.readFile(filename);
  } catch (e) {
    // open() fails: the last line of CPython's traceback, and its exit status.
    const errno = (e as { errno?: string }).errno;
    const os = OS_ERRORS[errno ?? ""];
    const what = os ? `${os[0]}: [Errno ${os[1]}] ${os[2]}: ${reprConstant(filename)}` : `OSError: ${(e as Error).message}`;
    throw new DebugDumpFailure(`Traceback (most recent call last):\n  ...\n${what}\n`, 1);
  }
  return dumpDis(filename, data, { showCaches, showOffsets });
}
