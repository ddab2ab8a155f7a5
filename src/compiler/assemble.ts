// The assembler: final instruction list to co_code (EXTENDED_ARG + CACHE units), the PEP 626/657 location table,
// the exception table, and the code record. Counterpart: Python/assemble.c (CPython 3.13). See docs/compiler.md.
import * as O from "../opcode/opcode_metadata.js";
import { OPCODE_HAS_JUMP } from "../opcode/opcode_utils.js";
import { NO_LOCATION, sameLocation, type Location } from "./instruction_sequence.js";
import type { FinalInstr } from "./flowgraph.js";
import { CodeRecord, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_HIDDEN, CO_FAST_LOCAL } from "./code.js";
import type { ConstValue } from "./consts.js";

function instrSize(i: { opcode: number; oparg: number }): number {
  const o = i.oparg;
  const ext = (o > 0xffffff ? 1 : 0) + (o > 0xffff ? 1 : 0) + (o > 0xff ? 1 : 0);
  return ext + 1 + O._PyOpcode_Caches[i.opcode]!;
}

class ByteWriter {
  buf = new Uint8Array(64);
  len = 0;
  push(b: number): void {
    if (this.len === this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.len++] = b;
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

function writeVarint(w: ByteWriter, val: number): void {
  while (val >= 64) {
    w.push(64 | (val & 63));
    val >>>= 6;
  }
  w.push(val);
}
function writeSignedVarint(w: ByteWriter, val: number): void {
  writeVarint(w, val < 0 ? ((-val) << 1) | 1 : val << 1);
}

function locationTable(instrs: FinalInstr[], firstlineno: number): Uint8Array {
  const w = new ByteWriter();
  let aLineno = firstlineno;
  const first = (code: number, length: number): void => w.push(0x80 | (code << 3) | (length - 1));
  const entry = (loc: Location, isize: number): void => {
    if (loc.lineno < 0) {
      first(15, isize);
      return;
    }
    const lineDelta = loc.lineno - aLineno;
    const column = loc.col_offset;
    const endColumn = loc.end_col_offset;
    if (column < 0 || endColumn < 0) {
      if (loc.end_lineno === loc.lineno || loc.end_lineno === -1) {
        first(13, isize);
        writeSignedVarint(w, lineDelta);
        aLineno = loc.lineno;
        return;
      }
    } else if (loc.end_lineno === loc.lineno) {
      if (lineDelta === 0 && column < 80 && endColumn - column < 16 && endColumn >= column) {
        first(column >> 3, isize);
        w.push(((column & 7) << 4) | (endColumn - column));
        return;
      }
      if (lineDelta >= 0 && lineDelta < 3 && column < 128 && endColumn < 128) {
        first(10 + lineDelta, isize);
        w.push(column);
        w.push(endColumn);
        aLineno = loc.lineno;
        return;
      }
    }
    first(14, isize);
    writeSignedVarint(w, loc.lineno - aLineno);
    writeVarint(w, loc.end_lineno - loc.lineno);
    writeVarint(w, loc.col_offset + 1);
    writeVarint(w, loc.end_col_offset + 1);
    aLineno = loc.lineno;
  };
  const emit = (loc: Location, isize: number): void => {
    if (isize === 0) return;
    while (isize > 8) {
      entry(loc, 8);
      isize -= 8;
    }
    entry(loc, isize);
  };
  let loc: Location = NO_LOCATION;
  let size = 0;
  for (const i of instrs) {
    if (!sameLocation(loc, i.loc)) {
      emit(loc, size);
      loc = i.loc;
      size = 0;
    }
    size += instrSize(i);
  }
  emit(loc, size);
  return w.bytes();
}

function exceptionTable(instrs: FinalInstr[], offsets: number[], labelMap: number[]): Uint8Array {
  const w = new ByteWriter();
  const item = (value: number, msb: number): void => {
    if (value >= 1 << 24) {
      w.push((value >> 24) | 64 | msb);
      msb = 0;
    }
    if (value >= 1 << 18) {
      w.push(((value >> 18) & 0x3f) | 64 | msb);
      msb = 0;
    }
    if (value >= 1 << 12) {
      w.push(((value >> 12) & 0x3f) | 64 | msb);
      msb = 0;
    }
    if (value >= 1 << 6) {
      w.push(((value >> 6) & 0x3f) | 64 | msb);
      msb = 0;
    }
    w.push((value & 0x3f) | msb);
  };
  const emitEntry = (start: number, end: number, h: FinalInstr): void => {
    let depth = h.handlerStartdepth - 1;
    if (h.handlerPreserveLasti) depth -= 1;
    item(start, 0x80);
    item(end - start, 0);
    item(offsets[labelMap[h.handlerLabel]!]!, 0);
    item((depth << 1) | (h.handlerPreserveLasti ? 1 : 0), 0);
  };
  let ioffset = 0;
  let handler: FinalInstr | null = null;
  let handlerLabel = -1;
  let start = -1;
  for (const i of instrs) {
    if (i.handlerLabel !== handlerLabel) {
      if (handlerLabel >= 0) emitEntry(start, ioffset, handler!);
      start = ioffset;
      handler = i;
      handlerLabel = i.handlerLabel;
    }
    ioffset += instrSize(i);
  }
  if (handlerLabel >= 0) emitEntry(start, ioffset, handler!);
  return w.bytes();
}

export interface UnitMetadataForAssembly {
  name: string;
  qualname: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  names: string[];
  varnames: Map<string, number>;
  cellvars: Map<string, number>;
  freevars: Map<string, number>;
  fasthidden: Map<string, boolean>;
}

/** _PyAssemble_MakeCodeObject. */
export function makeCodeObject(md: UnitMetadataForAssembly, consts: ConstValue[], maxdepth: number,
  instrs: FinalInstr[], labelMap: number[], nlocalsplus: number, codeFlags: number, filename: string): CodeRecord {
  const n = instrs.length;
  // resolve_unconditional_jumps: forward if the target index is after this instruction.
  const targets = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const ins = instrs[i]!;
    if (!OPCODE_HAS_JUMP(ins.opcode)) {
      targets[i] = -1;
      continue;
    }
    const t = labelMap[ins.targetLabel]!;
    ins.oparg = t;
    targets[i] = t;
    if (ins.opcode === O.JUMP) ins.opcode = t > i ? O.JUMP_FORWARD : O.JUMP_BACKWARD;
    else if (ins.opcode === O.JUMP_NO_INTERRUPT) ins.opcode = t > i ? O.JUMP_FORWARD : O.JUMP_BACKWARD_NO_INTERRUPT;
  }
  // resolve_jump_offsets: until no EXTENDED_ARG prefix changes the instruction sizes.
  const offsets: number[] = new Array<number>(n + 1);
  let units = 0;
  let again: boolean;
  do {
    units = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = units;
      units += instrSize(instrs[i]!);
    }
    offsets[n] = units;
    again = false;
    for (let i = 0; i < n; i++) {
      if (targets[i]! < 0) continue;
      const ins = instrs[i]!;
      const isize = offsets[i + 1]! - offsets[i]!;
      const end = offsets[i + 1]!;
      const t = offsets[targets[i]!]!;
      ins.oparg = t < end ? end - t : t - end;
      if (instrSize(ins) !== isize) again = true;
    }
  } while (again);
  // emit code (CACHE units stay zero)
  const code = new Uint8Array(2 * units);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const ins = instrs[i]!;
    const caches = O._PyOpcode_Caches[ins.opcode]!;
    const ilen = offsets[i + 1]! - offsets[i]! - caches;
    const oparg = ins.oparg;
    if (ilen >= 4) { code[w++] = O.EXTENDED_ARG; code[w++] = (oparg >> 24) & 0xff; }
    if (ilen >= 3) { code[w++] = O.EXTENDED_ARG; code[w++] = (oparg >> 16) & 0xff; }
    if (ilen >= 2) { code[w++] = O.EXTENDED_ARG; code[w++] = (oparg >> 8) & 0xff; }
    code[w++] = ins.opcode;
    code[w++] = oparg & 0xff;
    w += 2 * caches;
  }
  const linetable = locationTable(instrs, md.firstlineno);
  const excTable = exceptionTable(instrs, offsets, labelMap);
  // compute_localsplus_info
  const names: string[] = new Array<string>(nlocalsplus).fill("");
  const kinds = new Uint8Array(nlocalsplus);
  // (Map.forEach: no [key, value] array per entry.)
  md.varnames.forEach((off, k) => {
    let kind = CO_FAST_LOCAL;
    if (md.fasthidden.has(k)) kind |= CO_FAST_HIDDEN;
    if (md.cellvars.has(k)) kind |= CO_FAST_CELL;
    names[off] = k;
    kinds[off] = kind;
  });
  const nlocals = md.varnames.size;
  let numdropped = 0;
  md.cellvars.forEach((v, k) => {
    if (md.varnames.has(k)) {
      numdropped++;
      return;
    }
    const off = v + nlocals - numdropped;
    names[off] = k;
    kinds[off] = CO_FAST_CELL;
  });
  md.freevars.forEach((v, k) => {
    const off = v + nlocals - numdropped;
    names[off] = k;
    kinds[off] = CO_FAST_FREE;
  });
  return new CodeRecord({
    co_argcount: md.posonlyargcount + md.argcount, co_posonlyargcount: md.posonlyargcount,
    co_kwonlyargcount: md.kwonlyargcount, co_stacksize: maxdepth, co_flags: codeFlags, co_code: code,
    co_consts: consts.slice(), co_names: md.names, co_localsplusnames: names, co_localspluskinds: kinds,
    co_filename: filename, co_name: md.name, co_qualname: md.qualname, co_firstlineno: md.firstlineno,
    co_linetable: linetable, co_exceptiontable: excTable,
  });
}
