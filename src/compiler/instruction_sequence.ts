// The instruction sequence codegen emits: opcodes (pseudo-ops included) with opargs, locations and jump labels.
// Counterpart: Python/instruction_sequence.c, Include/internal/pycore_instruction_sequence.h. See docs/compiler.md.
import { opname } from "../opcode/opcode_metadata.js";
import { HAS_TARGET } from "../opcode/opcode_utils.js";

/** A source location (line 1-based; columns are UTF-8 byte offsets); -1 everywhere is NO_LOCATION. */
export interface Location {
  readonly lineno: number;
  readonly end_lineno: number;
  readonly col_offset: number;
  readonly end_col_offset: number;
}

/**
 * The one class of the locations instructions hold, so that the back end's reads of location fields stay
 * monomorphic (an AST node used as a location would make them megamorphic: every node kind has its own shape).
 */
export class SrcLocation implements Location {
  readonly lineno: number;
  readonly end_lineno: number;
  readonly col_offset: number;
  readonly end_col_offset: number;
  constructor(lineno: number, end_lineno: number, col_offset: number, end_col_offset: number) {
    this.lineno = lineno;
    this.end_lineno = end_lineno;
    this.col_offset = col_offset;
    this.end_col_offset = end_col_offset;
  }
}

export const NO_LOCATION: Location = new SrcLocation(-1, -1, -1, -1);

/**
 * LOC(node): an AST node carries the four location fields itself, so it serves as its own (read-only) Location
 * until InstrSequence.addop copies it into a SrcLocation.
 */
export function LOC(n: { lineno: number; end_lineno: number; col_offset: number; end_col_offset: number }): Location {
  return n;
}
export function LOCATION(lineno: number, end_lineno: number, col: number, end_col: number): Location {
  return new SrcLocation(lineno, end_lineno, col, end_col);
}
export function sameLocation(a: Location, b: Location): boolean {
  return a.lineno === b.lineno && a.end_lineno === b.end_lineno && a.col_offset === b.col_offset &&
    a.end_col_offset === b.end_col_offset;
}

export interface SeqInstr {
  opcode: number;
  /** For jumps and block pushes: the label id of the target until labels are resolved. */
  oparg: number;
  loc: Location;
  // The fields of flowgraph.ts's CfgInstr, initialised here so that instr_sequence_to_cfg can adopt these objects
  // (one allocation and one hidden class per instruction through the whole back end).
  target: unknown;
  except: unknown;
  targetLabel: number;
  handlerLabel: number;
  handlerStartdepth: number;
  handlerPreserveLasti: boolean;
}

/** An instruction with every field of the back end's instruction objects initialised. */
export function makeInstr(opcode: number, oparg: number, loc: Location): SeqInstr {
  return {
    opcode, oparg, loc, target: null, except: null, targetLabel: -1, handlerLabel: -1, handlerStartdepth: 0,
    handlerPreserveLasti: false,
  };
}

/** An instruction sequence with labels (label id → index of the instruction it precedes). */
export class InstrSequence {
  readonly instrs: SeqInstr[] = [];
  readonly labelMap: number[] = [];
  /** The last location addop was given, and its SrcLocation (runs of instructions share one node's location). */
  private lastLoc: Location = NO_LOCATION;
  private lastSrcLoc: Location = NO_LOCATION;

  newLabel(): number {
    this.labelMap.push(-1);
    return this.labelMap.length - 1;
  }
  useLabel(label: number): void {
    this.labelMap[label] = this.instrs.length;
  }
  addop(opcode: number, oparg: number, loc: Location): void {
    if (loc !== this.lastLoc) {
      this.lastLoc = loc;
      this.lastSrcLoc = loc instanceof SrcLocation
        ? loc : new SrcLocation(loc.lineno, loc.end_lineno, loc.col_offset, loc.end_col_offset);
    }
    this.instrs.push(makeInstr(opcode, oparg, this.lastSrcLoc));
  }

  /** A readable listing (the format of _testinternalcapi's instruction lists, for tests and debugging). */
  toString(): string {
    const labelsAt = new Map<number, number[]>();
    this.labelMap.forEach((idx, l) => {
      if (idx >= 0) labelsAt.set(idx, [...(labelsAt.get(idx) ?? []), l]);
    });
    const out: string[] = [];
    this.instrs.forEach((ins, i) => {
      for (const l of labelsAt.get(i) ?? []) out.push(`L${l}:`);
      const arg = HAS_TARGET(ins.opcode) ? ` L${ins.oparg}` : ` ${ins.oparg}`;
      out.push(`  ${opname[ins.opcode]}${arg}  # line ${ins.loc.lineno}`);
    });
    return out.join("\n");
  }
}
