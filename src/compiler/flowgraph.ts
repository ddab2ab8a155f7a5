// The control-flow graph and its optimization passes, run in CPython's order; then stack depth, localsplus prefix,
// pseudo-op conversion and jump normalization. Counterpart: Python/flowgraph.c (CPython 3.13). See docs/compiler.md.
import * as O from "../opcode/opcode_metadata.js";
import {
  HAS_TARGET, IS_BLOCK_PUSH_OPCODE, IS_SCOPE_EXIT_OPCODE, IS_UNCONDITIONAL_JUMP_OPCODE, OPCODE_HAS_CONST,
  OPCODE_HAS_JUMP,
} from "../opcode/opcode_utils.js";
import { NO_LOCATION, makeInstr, type InstrSequence, type Location, type SeqInstr } from "./instruction_sequence.js";
import { ConstIndex, ConstTuple, constTruth, type ConstValue } from "./consts.js";

export interface CfgInstr extends SeqInstr {
  opcode: number;
  oparg: number;
  loc: Location;
  target: BasicBlock | null;
  except: BasicBlock | null;
  // Filled in by optimizedCfgToInstructions, which hands these same objects to the assembler.
  /** Index (label) of the target block; the assembler resolves it to an instruction index. */
  targetLabel: number;
  handlerLabel: number;
  handlerStartdepth: number;
  handlerPreserveLasti: boolean;
}

/** A CFG instruction with every field initialised (one hidden class for all of them). */
function newInstr(opcode: number, oparg: number, loc: Location, target: BasicBlock | null): CfgInstr {
  const i = makeInstr(opcode, oparg, loc) as CfgInstr;
  i.target = target;
  return i;
}

function cloneInstr(i: CfgInstr): CfgInstr {
  const c = newInstr(i.opcode, i.oparg, i.loc, i.target);
  c.except = i.except;
  return c;
}

export class BasicBlock {
  instrs: CfgInstr[] = [];
  next: BasicBlock | null = null;
  label = -1;
  visited = false;
  exceptHandler = false;
  preserveLasti = false;
  predecessors = 0;
  startdepth = -0x80000000;
  cold = false;
  warm = false;
  /** The unsafe-locals mask of add_checks_for_loads_of_uninitialized_variables, locals 0-31 and 32-63. */
  unsafeLo = 0;
  unsafeHi = 0;
  exceptstack: BasicBlock[] | null = null;
}

const MAX_COPY_SIZE = 4;

function last(b: BasicBlock): CfgInstr | null {
  return b.instrs.length > 0 ? b.instrs[b.instrs.length - 1]! : null;
}
function isJump(i: CfgInstr): boolean {
  return OPCODE_HAS_JUMP(i.opcode);
}
function isBlockPush(i: CfgInstr): boolean {
  return IS_BLOCK_PUSH_OPCODE(i.opcode);
}
function isTerminator(op: number): boolean {
  return OPCODE_HAS_JUMP(op) || IS_SCOPE_EXIT_OPCODE(op);
}
function noFallthrough(b: BasicBlock): boolean {
  const l = last(b);
  return l !== null && (IS_SCOPE_EXIT_OPCODE(l.opcode) || IS_UNCONDITIONAL_JUMP_OPCODE(l.opcode));
}
function hasFallthrough(b: BasicBlock): boolean {
  return !noFallthrough(b);
}
function exitsScope(b: BasicBlock): boolean {
  const l = last(b);
  return l !== null && IS_SCOPE_EXIT_OPCODE(l.opcode);
}
function hasEvalBreak(b: BasicBlock): boolean {
  return b.instrs.some((i) => i.opcode === O.CALL || i.opcode === O.CALL_FUNCTION_EX || i.opcode === O.CALL_KW ||
    i.opcode === O.JUMP_BACKWARD || i.opcode === O.RESUME || i.opcode === O.JUMP);
}
function hasNoLineno(b: BasicBlock): boolean {
  return b.instrs.every((i) => i.loc.lineno < 0);
}
function setOp0(i: CfgInstr, op: number): void {
  i.opcode = op;
  i.oparg = 0;
}
function setOp1(i: CfgInstr, op: number, arg: number): void {
  i.opcode = op;
  i.oparg = arg;
}
function nextNonempty(b: BasicBlock | null): BasicBlock | null {
  while (b !== null && b.instrs.length === 0) b = b.next;
  return b;
}

export class CfgBuilder {
  entry: BasicBlock;
  private cur: BasicBlock;
  private currentLabel = -1;
  readonly blocks: BasicBlock[] = [];

  constructor() {
    this.entry = this.newBlock();
    this.cur = this.entry;
  }
  newBlock(): BasicBlock {
    const b = new BasicBlock();
    this.blocks.push(b);
    return b;
  }
  private isTerminated(): boolean {
    const l = last(this.cur);
    if (l !== null && isTerminator(l.opcode)) return true;
    if (this.currentLabel >= 0) {
      if (l !== null || this.cur.label >= 0) return true;
      this.cur.label = this.currentLabel;
      this.currentLabel = -1;
    }
    return false;
  }
  private maybeStartNewBlock(): void {
    if (this.isTerminated()) {
      const b = this.newBlock();
      b.label = this.currentLabel;
      this.currentLabel = -1;
      this.cur.next = b;
      this.cur = b;
    }
  }
  useLabel(l: number): void {
    this.currentLabel = l;
    this.maybeStartNewBlock();
  }
  addop(opcode: number, oparg: number, loc: Location): void {
    this.maybeStartNewBlock();
    this.cur.instrs.push(newInstr(opcode, oparg, loc, null));
  }
  /** Appends an instruction object as it is (instr_sequence_to_cfg adopts the sequence's objects). */
  addInstr(i: CfgInstr): void {
    this.maybeStartNewBlock();
    this.cur.instrs.push(i);
  }
}

/** instr_sequence_to_cfg (compile.c): labels resolved to instruction indices, blocks started at jump targets. */
export function instrSequenceToCfg(seq: InstrSequence): CfgBuilder {
  const instrs = seq.instrs;
  const isTarget = new Uint8Array(instrs.length + 1);
  for (const i of instrs) if (HAS_TARGET(i.opcode)) isTarget[seq.labelMap[i.oparg]!] = 1;
  const g = new CfgBuilder();
  // The sequence's instruction objects move into the CFG (jump opargs become instruction indices): the sequence is
  // consumed.
  for (let i = 0; i < instrs.length; i++) {
    const ins = instrs[i]! as CfgInstr;
    if (isTarget[i]) g.useLabel(i);
    if (HAS_TARGET(ins.opcode)) ins.oparg = seq.labelMap[ins.oparg]!;
    g.addInstr(ins);
  }
  return g;
}

export function translateJumpLabelsToTargets(entry: BasicBlock): void {
  const map = new Map<number, BasicBlock>();
  for (let b: BasicBlock | null = entry; b; b = b.next) if (b.label >= 0) map.set(b.label, b);
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    for (const i of b.instrs) if (HAS_TARGET(i.opcode)) i.target = map.get(i.oparg)!;
  }
}

export function markExceptHandlers(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    for (const i of b.instrs) if (isBlockPush(i)) i.target!.exceptHandler = true;
  }
}

function resetVisited(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b; b = b.next) b.visited = false;
}

export function labelExceptionTargets(entry: BasicBlock): void {
  resetVisited(entry);
  const todo: BasicBlock[] = [entry];
  entry.visited = true;
  entry.exceptstack = [];
  while (todo.length > 0) {
    const b = todo.pop()!;
    let stack: BasicBlock[] | null = b.exceptstack!;
    b.exceptstack = null;
    let handler: BasicBlock | null = stack.length > 0 ? stack[stack.length - 1]! : null;
    let lastYieldExceptDepth = -1;
    for (const instr of b.instrs) {
      if (isBlockPush(instr)) {
        const t = instr.target!;
        if (!t.visited) {
          t.exceptstack = stack!.slice();
          todo.push(t);
          t.visited = true;
        }
        if (instr.opcode === O.SETUP_WITH || instr.opcode === O.SETUP_CLEANUP) t.preserveLasti = true;
        stack!.push(t);
        handler = t;
      } else if (instr.opcode === O.POP_BLOCK) {
        stack!.pop();
        handler = stack!.length > 0 ? stack![stack!.length - 1]! : null;
        setOp0(instr, O.NOP);
      } else if (isJump(instr)) {
        instr.except = handler;
        const t = instr.target!;
        if (!t.visited) {
          if (hasFallthrough(b)) t.exceptstack = stack!.slice();
          else {
            t.exceptstack = stack;
            stack = null;
          }
          todo.push(t);
          t.visited = true;
        }
      } else if (instr.opcode === O.YIELD_VALUE) {
        instr.except = handler;
        lastYieldExceptDepth = stack!.length;
      } else if (instr.opcode === O.RESUME) {
        instr.except = handler;
        if (instr.oparg !== 0) {
          if (lastYieldExceptDepth === 1) instr.oparg |= 4;
          lastYieldExceptDepth = -1;
        }
      } else {
        instr.except = handler;
      }
    }
    if (hasFallthrough(b) && b.next !== null && !b.next.visited) {
      b.next.exceptstack = stack;
      todo.push(b.next);
      b.next.visited = true;
    }
  }
}

export function removeUnreachable(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b; b = b.next) b.predecessors = 0;
  resetVisited(entry);
  const stack: BasicBlock[] = [entry];
  entry.predecessors = 1;
  entry.visited = true;
  while (stack.length > 0) {
    const b = stack.pop()!;
    if (b.next !== null && hasFallthrough(b)) {
      if (!b.next.visited) {
        b.next.visited = true;
        stack.push(b.next);
      }
      b.next.predecessors++;
    }
    for (const instr of b.instrs) {
      if (isJump(instr) || isBlockPush(instr)) {
        const t = instr.target!;
        if (!t.visited) {
          t.visited = true;
          stack.push(t);
        }
        t.predecessors++;
      }
    }
  }
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    if (b.predecessors === 0) {
      b.instrs = [];
      b.exceptHandler = false;
    }
  }
}

function basicblockRemoveRedundantNops(bb: BasicBlock): number {
  // Compacts in place, as CPython does (dest <= src, so the lookahead below still reads unmoved instructions).
  const instrs = bb.instrs;
  let dest = 0;
  let prevLineno = -1;
  const n = instrs.length;
  for (let src = 0; src < n; src++) {
    const ins = instrs[src]!;
    const lineno = ins.loc.lineno;
    if (ins.opcode === O.NOP) {
      if (lineno < 0) continue;
      if (prevLineno === lineno) continue;
      if (src < n - 1) {
        const nextLineno = instrs[src + 1]!.loc.lineno;
        if (nextLineno === lineno) continue;
        if (nextLineno < 0) {
          instrs[src + 1]!.loc = ins.loc;
          continue;
        }
      } else {
        const next = nextNonempty(bb.next);
        if (next !== null) {
          let nextLoc = NO_LOCATION;
          for (const i of next.instrs) {
            if (i.opcode === O.NOP && i.loc.lineno === -1) continue;
            nextLoc = i.loc;
            break;
          }
          if (lineno === nextLoc.lineno) continue;
        }
      }
    }
    instrs[dest++] = ins;
    prevLineno = lineno;
  }
  instrs.length = dest;
  return n - dest;
}

function removeRedundantNops(entry: BasicBlock): number {
  let changes = 0;
  for (let b: BasicBlock | null = entry; b; b = b.next) changes += basicblockRemoveRedundantNops(b);
  return changes;
}

export function removeRedundantNopsAndPairs(entry: BasicBlock): void {
  let done = false;
  while (!done) {
    done = true;
    let prev: CfgInstr | null = null;
    let instr: CfgInstr | null = null;
    for (let b: BasicBlock | null = entry; b; b = b.next) {
      basicblockRemoveRedundantNops(b);
      if (b.label >= 0) instr = null;
      for (const i of b.instrs) {
        prev = instr;
        instr = i;
        const prevOp = prev ? prev.opcode : 0;
        const prevArg = prev ? prev.oparg : 0;
        if (i.opcode === O.POP_TOP && (prevOp === O.LOAD_CONST || (prevOp === O.COPY && prevArg === 1))) {
          setOp0(prev!, O.NOP);
          setOp0(i, O.NOP);
          done = false;
        }
      }
      if ((instr && isJump(instr)) || !hasFallthrough(b)) instr = null;
    }
  }
}

function removeRedundantJumps(entry: BasicBlock): number {
  let changes = 0;
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    const l = last(b);
    if (l === null) continue;
    if (IS_UNCONDITIONAL_JUMP_OPCODE(l.opcode)) {
      const jt = nextNonempty(l.target);
      if (jt === null) throw new Error("jump with NULL target");
      if (jt === nextNonempty(b.next)) {
        changes++;
        setOp0(l, O.NOP);
      }
    }
  }
  return changes;
}

export function removeRedundantNopsAndJumps(entry: BasicBlock): void {
  for (;;) {
    const a = removeRedundantNops(entry);
    const j = removeRedundantJumps(entry);
    if (a + j === 0) break;
  }
}

export function inlineSmallOrNoLinenoBlocks(entry: BasicBlock): void {
  let changes: boolean;
  do {
    changes = false;
    for (let bb: BasicBlock | null = entry; bb; bb = bb.next) {
      const l = last(bb);
      if (l === null || !IS_UNCONDITIONAL_JUMP_OPCODE(l.opcode)) continue;
      const target = l.target!;
      const smallExit = exitsScope(target) && target.instrs.length <= MAX_COPY_SIZE;
      const noLineno = hasNoLineno(target) && !hasFallthrough(target);
      if (smallExit || noLineno) {
        const removed = l.opcode;
        setOp0(l, O.NOP);
        for (const i of target.instrs) bb.instrs.push(cloneInstr(i));
        if (noLineno) {
          const nl = last(bb)!;
          if (IS_UNCONDITIONAL_JUMP_OPCODE(nl.opcode) && removed === O.JUMP) nl.opcode = O.JUMP;
        }
        target.predecessors--;
        changes = true;
      }
    }
  } while (changes);
}

function copyBasicblock(g: CfgBuilder, block: BasicBlock): BasicBlock {
  const r = g.newBlock();
  for (const i of block.instrs) r.instrs.push(cloneInstr(i));
  return r;
}

function maxLabel(entry: BasicBlock): number {
  let l = -1;
  for (let b: BasicBlock | null = entry; b; b = b.next) if (b.label > l) l = b.label;
  return l;
}

function isExitOrEvalCheckWithoutLineno(b: BasicBlock): boolean {
  return (exitsScope(b) || hasEvalBreak(b)) ? hasNoLineno(b) : false;
}

function duplicateExitsWithoutLineno(g: CfgBuilder): void {
  let nextLbl = maxLabel(g.entry) + 1;
  for (let b: BasicBlock | null = g.entry; b; b = b.next) {
    const l = last(b);
    if (l === null) continue;
    if (isJump(l)) {
      const target = nextNonempty(l.target)!;
      if (isExitOrEvalCheckWithoutLineno(target) && target.predecessors > 1) {
        const nt = copyBasicblock(g, target);
        nt.instrs[0]!.loc = l.loc;
        l.target = nt;
        target.predecessors--;
        nt.predecessors = 1;
        nt.next = target.next;
        nt.label = nextLbl++;
        target.next = nt;
      }
    }
  }
  for (let b: BasicBlock | null = g.entry; b; b = b.next) {
    if (hasFallthrough(b) && b.next !== null && b.instrs.length > 0) {
      if (isExitOrEvalCheckWithoutLineno(b.next)) b.next.instrs[0]!.loc = last(b)!.loc;
    }
  }
}

function propagateLineNumbers(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    const l = last(b);
    if (l === null) continue;
    let prev = NO_LOCATION;
    for (const i of b.instrs) {
      if (i.loc.lineno < 0) i.loc = prev;
      else prev = i.loc;
    }
    if (hasFallthrough(b) && b.next!.predecessors === 1) {
      if (b.next!.instrs.length > 0 && b.next!.instrs[0]!.loc.lineno < 0) b.next!.instrs[0]!.loc = prev;
    }
    if (isJump(l)) {
      const t = l.target!;
      if (t.predecessors === 1 && t.instrs.length > 0 && t.instrs[0]!.loc.lineno < 0) t.instrs[0]!.loc = prev;
    }
  }
}

export function resolveLineNumbers(g: CfgBuilder): void {
  duplicateExitsWithoutLineno(g);
  propagateLineNumbers(g.entry);
}

/** The index of each constant of a unit's consts list (add_const's dict lookup), built on first use. */
const constIndexes = new WeakMap<ConstValue[], ConstIndex>();

function addConst(v: ConstValue, consts: ConstValue[]): number {
  let index = constIndexes.get(consts);
  if (index === undefined) {
    index = new ConstIndex(consts);
    constIndexes.set(consts, index);
  }
  return index.add(v);
}

function getConstValue(opcode: number, oparg: number, consts: ConstValue[]): ConstValue {
  void opcode;
  return consts[oparg]!;
}

export function optimizeLoadConst(entry: BasicBlock, consts: ConstValue[]): void {
  for (let bb: BasicBlock | null = entry; bb; bb = bb.next) {
    let opcode = 0;
    let oparg = 0;
    const ins = bb.instrs;
    for (let i = 0; i < ins.length; i++) {
      const inst = ins[i]!;
      const isCopyOfLoadConst = opcode === O.LOAD_CONST && inst.opcode === O.COPY && inst.oparg === 1;
      if (!isCopyOfLoadConst) {
        opcode = inst.opcode;
        oparg = inst.oparg;
      }
      if (opcode !== O.LOAD_CONST) continue;
      const nextop = i + 1 < ins.length ? ins[i + 1]!.opcode : 0;
      switch (nextop) {
        case O.POP_JUMP_IF_FALSE:
        case O.POP_JUMP_IF_TRUE: {
          const isTrue = constTruth(getConstValue(opcode, oparg, consts));
          setOp0(inst, O.NOP);
          const jumpIfTrue = nextop === O.POP_JUMP_IF_TRUE;
          if (isTrue === jumpIfTrue) ins[i + 1]!.opcode = O.JUMP;
          else setOp0(ins[i + 1]!, O.NOP);
          break;
        }
        case O.IS_OP: {
          const cnt = getConstValue(opcode, oparg, consts);
          if (cnt !== null) break;
          if (ins.length <= i + 2) break;
          const isInstr = ins[i + 1]!;
          let jumpInstr = ins[i + 2]!;
          if (jumpInstr.opcode === O.TO_BOOL) {
            setOp0(jumpInstr, O.NOP);
            if (ins.length <= i + 3) break;
            jumpInstr = ins[i + 3]!;
          }
          let invert = isInstr.oparg !== 0;
          if (jumpInstr.opcode === O.POP_JUMP_IF_FALSE) invert = !invert;
          else if (jumpInstr.opcode !== O.POP_JUMP_IF_TRUE) break;
          setOp0(inst, O.NOP);
          setOp0(isInstr, O.NOP);
          jumpInstr.opcode = invert ? O.POP_JUMP_IF_NOT_NONE : O.POP_JUMP_IF_NONE;
          break;
        }
        case O.RETURN_VALUE:
          setOp0(inst, O.NOP);
          setOp1(ins[++i]!, O.RETURN_CONST, oparg);
          break;
        case O.TO_BOOL: {
          const isTrue = constTruth(getConstValue(opcode, oparg, consts));
          const index = addConst(isTrue, consts);
          setOp0(inst, O.NOP);
          setOp1(ins[i + 1]!, O.LOAD_CONST, index);
          break;
        }
        default:
          break;
      }
    }
  }
}

function jumpThread(bb: BasicBlock, inst: CfgInstr, target: CfgInstr, opcode: number): boolean {
  if (inst.target !== target.target) {
    setOp0(inst, O.NOP);
    bb.instrs.push(newInstr(opcode, 0, target.loc, target.target));
    return true;
  }
  return false;
}

function swaptimize(block: BasicBlock, ix: number): number {
  const ins = block.instrs;
  let depth = ins[ix]!.oparg;
  let len = 0;
  let more = false;
  const limit = ins.length - ix;
  while (++len < limit) {
    const op = ins[ix + len]!.opcode;
    if (op === O.SWAP) {
      depth = Math.max(depth, ins[ix + len]!.oparg);
      more = true;
    } else if (op !== O.NOP) break;
  }
  if (!more) return ix;
  const stack: number[] = [];
  for (let i = 0; i < depth; i++) stack.push(i);
  for (let i = 0; i < len; i++) {
    const inst = ins[ix + i]!;
    if (inst.opcode === O.SWAP) {
      const top = stack[0]!;
      stack[0] = stack[inst.oparg - 1]!;
      stack[inst.oparg - 1] = top;
    }
  }
  let current = len - 1;
  const VISITED = -1;
  for (let i = 0; i < depth; i++) {
    if (stack[i] === VISITED || stack[i] === i) continue;
    let j = i;
    for (;;) {
      if (j) {
        const t = ins[ix + current--]!;
        t.opcode = O.SWAP;
        t.oparg = j + 1;
      }
      if (stack[j] === VISITED) break;
      const nextJ = stack[j]!;
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (0 <= current) setOp0(ins[ix + current--]!, O.NOP);
  return ix + len - 1;
}

function swappable(op: number): boolean {
  return op === O.STORE_FAST || op === O.STORE_FAST_MAYBE_NULL || op === O.POP_TOP;
}
function storesTo(i: CfgInstr): number {
  return i.opcode === O.STORE_FAST || i.opcode === O.STORE_FAST_MAYBE_NULL ? i.oparg : -1;
}
function nextSwappableInstruction(block: BasicBlock, i: number, lineno: number): number {
  while (++i < block.instrs.length) {
    const ins = block.instrs[i]!;
    if (0 <= lineno && ins.loc.lineno !== lineno) return -1;
    if (ins.opcode === O.NOP) continue;
    if (swappable(ins.opcode)) return i;
    return -1;
  }
  return -1;
}
function applyStaticSwaps(block: BasicBlock, i: number): void {
  for (; 0 <= i; i--) {
    const swap = block.instrs[i]!;
    if (swap.opcode !== O.SWAP) {
      if (swap.opcode === O.NOP || swappable(swap.opcode)) continue;
      return;
    }
    const j = nextSwappableInstruction(block, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = block.instrs[j]!.loc.lineno;
    for (let count = swap.oparg - 1; 0 < count; count--) {
      k = nextSwappableInstruction(block, k, lineno);
      if (k < 0) return;
    }
    const sj = storesTo(block.instrs[j]!);
    const sk = storesTo(block.instrs[k]!);
    if (sj >= 0 || sk >= 0) {
      if (sj === sk) return;
      for (let idx = j + 1; idx < k; idx++) {
        const s = storesTo(block.instrs[idx]!);
        if (s >= 0 && (s === sj || s === sk)) return;
      }
    }
    setOp0(swap, O.NOP);
    const tmp = block.instrs[j]!;
    block.instrs[j] = block.instrs[k]!;
    block.instrs[k] = tmp;
  }
}

function foldTupleOnConstants(bb: BasicBlock, start: number, n: number, consts: ConstValue[]): void {
  const ins = bb.instrs;
  for (let i = 0; i < n; i++) if (!OPCODE_HAS_CONST(ins[start + i]!.opcode)) return;
  const items: ConstValue[] = [];
  for (let i = 0; i < n; i++) items.push(getConstValue(ins[start + i]!.opcode, ins[start + i]!.oparg, consts));
  const index = addConst(new ConstTuple(items), consts);
  for (let i = 0; i < n; i++) setOp0(ins[start + i]!, O.NOP);
  setOp1(ins[start + n]!, O.LOAD_CONST, index);
}

export function optimizeBasicBlock(bb: BasicBlock, consts: ConstValue[]): void {
  const nop: CfgInstr = newInstr(O.NOP, 0, NO_LOCATION, null);
  for (let i = 0; i < bb.instrs.length; i++) {
    const inst = bb.instrs[i]!;
    const opcode = inst.opcode;
    const oparg = inst.oparg;
    const target = HAS_TARGET(opcode) ? (inst.target!.instrs[0] ?? nop) : nop;
    const nextop = i + 1 < bb.instrs.length ? bb.instrs[i + 1]!.opcode : 0;
    switch (opcode) {
      case O.BUILD_TUPLE:
        if (nextop === O.UNPACK_SEQUENCE && oparg === bb.instrs[i + 1]!.oparg) {
          if (oparg === 1) {
            setOp0(inst, O.NOP);
            setOp0(bb.instrs[i + 1]!, O.NOP);
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            setOp0(inst, O.NOP);
            bb.instrs[i + 1]!.opcode = O.SWAP;
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(bb, i - oparg, oparg, consts);
        break;
      case O.POP_JUMP_IF_NOT_NONE:
      case O.POP_JUMP_IF_NONE:
      case O.POP_JUMP_IF_FALSE:
      case O.POP_JUMP_IF_TRUE:
        if (target.opcode === O.JUMP) i -= jumpThread(bb, inst, target, opcode) ? 1 : 0;
        break;
      case O.JUMP:
      case O.JUMP_NO_INTERRUPT:
        if (target.opcode === O.JUMP) {
          i -= jumpThread(bb, inst, target, O.JUMP) ? 1 : 0;
          continue;
        }
        if (target.opcode === O.JUMP_NO_INTERRUPT) {
          i -= jumpThread(bb, inst, target, opcode) ? 1 : 0;
          continue;
        }
        break;
      case O.STORE_FAST:
        if (opcode === nextop && oparg === bb.instrs[i + 1]!.oparg && inst.loc.lineno === bb.instrs[i + 1]!.loc.lineno) {
          inst.opcode = O.POP_TOP;
          inst.oparg = 0;
        }
        break;
      case O.SWAP:
        if (oparg === 1) setOp0(inst, O.NOP);
        break;
      case O.LOAD_GLOBAL:
        if (nextop === O.PUSH_NULL && (oparg & 1) === 0) {
          setOp1(inst, O.LOAD_GLOBAL, oparg | 1);
          setOp0(bb.instrs[i + 1]!, O.NOP);
        }
        break;
      case O.COMPARE_OP:
        if (nextop === O.TO_BOOL) {
          setOp0(inst, O.NOP);
          setOp1(bb.instrs[i + 1]!, O.COMPARE_OP, oparg | 16);
          continue;
        }
        break;
      case O.CONTAINS_OP:
      case O.IS_OP:
        if (nextop === O.TO_BOOL) {
          setOp0(inst, O.NOP);
          setOp1(bb.instrs[i + 1]!, opcode, oparg);
          continue;
        }
        break;
      case O.TO_BOOL:
        if (nextop === O.TO_BOOL) {
          setOp0(inst, O.NOP);
          continue;
        }
        break;
      case O.UNARY_NOT:
        if (nextop === O.TO_BOOL) {
          setOp0(inst, O.NOP);
          setOp0(bb.instrs[i + 1]!, O.UNARY_NOT);
          continue;
        }
        if (nextop === O.UNARY_NOT) {
          setOp0(inst, O.NOP);
          setOp0(bb.instrs[i + 1]!, O.NOP);
          continue;
        }
        break;
      default:
        break;
    }
  }
  for (let i = 0; i < bb.instrs.length; i++) {
    if (bb.instrs[i]!.opcode === O.SWAP) {
      i = swaptimize(bb, i);
      applyStaticSwaps(bb, i);
    }
  }
}

export function optimizeCfg(g: CfgBuilder, consts: ConstValue[]): void {
  for (let b: BasicBlock | null = g.entry; b; b = b.next) {
    b.instrs.forEach((ins, i) => {
      if (isTerminator(ins.opcode) && i !== b!.instrs.length - 1) throw new Error("malformed control flow graph.");
    });
  }
  inlineSmallOrNoLinenoBlocks(g.entry);
  removeUnreachable(g.entry);
  resolveLineNumbers(g);
  optimizeLoadConst(g.entry, consts);
  for (let b: BasicBlock | null = g.entry; b; b = b.next) optimizeBasicBlock(b, consts);
  removeRedundantNopsAndPairs(g.entry);
  removeUnreachable(g.entry);
  removeRedundantNopsAndJumps(g.entry);
}

export function removeUnusedConsts(entry: BasicBlock, consts: ConstValue[]): void {
  const n = consts.length;
  if (n === 0) return;
  const indexMap = new Array<number>(n).fill(-1);
  indexMap[0] = 0;
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    for (const i of b.instrs) if (OPCODE_HAS_CONST(i.opcode)) indexMap[i.oparg] = i.oparg;
  }
  let used = 0;
  for (let i = 0; i < n; i++) if (indexMap[i] !== -1) indexMap[used++] = indexMap[i]!;
  if (used === n) return;
  const newConsts = indexMap.slice(0, used).map((i) => consts[i]!);
  const reverse = new Array<number>(n).fill(-1);
  for (let i = 0; i < used; i++) reverse[indexMap[i]!] = i;
  consts.length = 0;
  for (const c of newConsts) consts.push(c); // (a spread would overflow the stack on huge lists)
  constIndexes.delete(consts);
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    for (const i of b.instrs) if (OPCODE_HAS_CONST(i.opcode)) i.oparg = reverse[i.oparg]!;
  }
}

export function addChecksForLoadsOfUninitializedVariables(entry: BasicBlock, nlocals: number, nparams: number): void {
  if (nlocals === 0) return;
  if (nlocals > 64) {
    const states = new Array<number>(nlocals - 64).fill(0);
    let blocknum = 0;
    for (let b: BasicBlock | null = entry; b; b = b.next) {
      blocknum++;
      for (const instr of b.instrs) {
        const arg = instr.oparg;
        if (arg < 64) continue;
        switch (instr.opcode) {
          case O.DELETE_FAST:
          case O.LOAD_FAST_AND_CLEAR:
          case O.STORE_FAST_MAYBE_NULL:
            states[arg - 64] = blocknum - 1;
            break;
          case O.STORE_FAST:
            states[arg - 64] = blocknum;
            break;
          case O.LOAD_FAST:
            if (states[arg - 64] !== blocknum) instr.opcode = O.LOAD_FAST_CHECK;
            states[arg - 64] = blocknum;
            break;
          default:
            break;
        }
      }
    }
    nlocals = 64;
  }
  resetVisited(entry);
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    b.unsafeLo = 0;
    b.unsafeHi = 0;
  }
  // CPython's uint64_t mask, as two 32-bit halves (BigInt arithmetic here would allocate per instruction).
  const stack: BasicBlock[] = [];
  const maybePush = (b: BasicBlock, lo: number, hi: number): void => {
    const bothLo = b.unsafeLo | lo, bothHi = b.unsafeHi | hi;
    if (b.unsafeLo !== bothLo || b.unsafeHi !== bothHi) {
      b.unsafeLo = bothLo;
      b.unsafeHi = bothHi;
      if (!b.visited) {
        stack.push(b);
        b.visited = true;
      }
    }
  };
  const scan = (b: BasicBlock): void => {
    let lo = b.unsafeLo, hi = b.unsafeHi;
    for (const instr of b.instrs) {
      if (instr.except !== null) maybePush(instr.except, lo, hi);
      const arg = instr.oparg;
      if (arg >= 64) continue;
      const op = instr.opcode;
      if (op !== O.DELETE_FAST && op !== O.LOAD_FAST_AND_CLEAR && op !== O.STORE_FAST_MAYBE_NULL &&
        op !== O.STORE_FAST && op !== O.LOAD_FAST_CHECK && op !== O.LOAD_FAST) continue;
      const bitLo = arg < 32 ? 1 << arg : 0, bitHi = arg >= 32 ? 1 << (arg - 32) : 0;
      switch (op) {
        case O.DELETE_FAST:
        case O.LOAD_FAST_AND_CLEAR:
        case O.STORE_FAST_MAYBE_NULL:
          lo |= bitLo;
          hi |= bitHi;
          break;
        case O.STORE_FAST:
        case O.LOAD_FAST_CHECK:
          lo &= ~bitLo;
          hi &= ~bitHi;
          break;
        case O.LOAD_FAST:
          if ((lo & bitLo) !== 0 || (hi & bitHi) !== 0) instr.opcode = O.LOAD_FAST_CHECK;
          lo &= ~bitLo;
          hi &= ~bitHi;
          break;
        default:
          break;
      }
    }
    if (b.next !== null && hasFallthrough(b)) maybePush(b.next, lo, hi);
    const l = last(b);
    if (l !== null && isJump(l)) maybePush(l.target!, lo, hi);
  };
  let startLo = 0, startHi = 0;
  for (let i = nparams; i < nlocals; i++) {
    if (i < 32) startLo |= 1 << i;
    else startHi |= 1 << (i - 32);
  }
  maybePush(entry, startLo, startHi);
  for (let b: BasicBlock | null = entry; b; b = b.next) scan(b);
  while (stack.length > 0) {
    const b = stack.pop()!;
    b.visited = false;
    scan(b);
  }
}

export function insertSuperinstructions(entry: BasicBlock): void {
  const make = (i1: CfgInstr, i2: CfgInstr, superOp: number): void => {
    const l1 = i1.loc.lineno;
    const l2 = i2.loc.lineno;
    if (l1 >= 0 && l2 >= 0 && l1 !== l2) return;
    if (i1.oparg >= 16 || i2.oparg >= 16) return;
    setOp1(i1, superOp, (i1.oparg << 4) | i2.oparg);
    setOp0(i2, O.NOP);
  };
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    for (let i = 0; i < b.instrs.length; i++) {
      const inst = b.instrs[i]!;
      const nextop = i + 1 < b.instrs.length ? b.instrs[i + 1]!.opcode : 0;
      if (inst.opcode === O.LOAD_FAST && nextop === O.LOAD_FAST) make(inst, b.instrs[i + 1]!, O.LOAD_FAST_LOAD_FAST);
      else if (inst.opcode === O.STORE_FAST && nextop === O.LOAD_FAST) make(inst, b.instrs[i + 1]!, O.STORE_FAST_LOAD_FAST);
      else if (inst.opcode === O.STORE_FAST && nextop === O.STORE_FAST) make(inst, b.instrs[i + 1]!, O.STORE_FAST_STORE_FAST);
    }
  }
  removeRedundantNops(entry);
}

export function pushColdBlocksToEnd(g: CfgBuilder): void {
  const entry = g.entry;
  if (entry.next === null) return;
  // mark_warm
  resetVisited(entry);
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    b.warm = false;
    b.cold = false;
  }
  let stack: BasicBlock[] = [entry];
  entry.visited = true;
  while (stack.length > 0) {
    const b = stack.pop()!;
    b.warm = true;
    const next = b.next;
    if (next !== null && hasFallthrough(b) && !next.visited) {
      stack.push(next);
      next.visited = true;
    }
    for (const i of b.instrs) {
      if (isJump(i) && !i.target!.visited) {
        stack.push(i.target!);
        i.target!.visited = true;
      }
    }
  }
  // mark_cold
  resetVisited(entry);
  stack = [];
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    if (b.exceptHandler) {
      stack.push(b);
      b.visited = true;
    }
  }
  while (stack.length > 0) {
    const b = stack.pop()!;
    b.cold = true;
    const next = b.next;
    if (next !== null && hasFallthrough(b) && !next.warm && !next.visited) {
      stack.push(next);
      next.visited = true;
    }
    for (const i of b.instrs) {
      if (isJump(i)) {
        const t = i.target!;
        if (!t.warm && !t.visited) {
          stack.push(t);
          t.visited = true;
        }
      }
    }
  }
  let nextLbl = maxLabel(entry) + 1;
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    if (b.cold && hasFallthrough(b) && b.next !== null && b.next.warm) {
      const ej = g.newBlock();
      if (b.next.label < 0) b.next.label = nextLbl++;
      ej.instrs.push(newInstr(O.JUMP_NO_INTERRUPT, b.next.label, NO_LOCATION, b.next));
      ej.cold = true;
      ej.next = b.next;
      ej.predecessors = 1;
      b.next = ej;
    }
  }
  let coldBlocks: BasicBlock | null = null;
  let coldTail: BasicBlock | null = null;
  let b = entry;
  while (b.next !== null) {
    while (b.next !== null && !b.next.cold) b = b.next;
    if (b.next === null) break;
    let bEnd: BasicBlock = b.next;
    while (bEnd.next !== null && bEnd.next.cold) bEnd = bEnd.next;
    if (coldBlocks === null) coldBlocks = b.next;
    else coldTail!.next = b.next;
    coldTail = bEnd;
    b.next = bEnd.next;
    bEnd.next = null;
  }
  b.next = coldBlocks;
  if (coldBlocks !== null) removeRedundantNopsAndJumps(entry);
}

/** _PyCfg_OptimizeCodeUnit. */
export function optimizeCodeUnit(g: CfgBuilder, consts: ConstValue[], nlocals: number, nparams: number): void {
  translateJumpLabelsToTargets(g.entry);
  markExceptHandlers(g.entry);
  labelExceptionTargets(g.entry);
  optimizeCfg(g, consts);
  removeUnusedConsts(g.entry, consts);
  addChecksForLoadsOfUninitializedVariables(g.entry, nlocals, nparams);
  insertSuperinstructions(g.entry);
  pushColdBlocksToEnd(g);
  resolveLineNumbers(g);
}

export function calculateStackdepth(g: CfgBuilder): number {
  for (let b: BasicBlock | null = g.entry; b; b = b.next) b.startdepth = -0x80000000;
  const stack: BasicBlock[] = [];
  const push = (b: BasicBlock, depth: number): void => {
    if (!(b.startdepth < 0 || b.startdepth === depth)) throw new Error("Invalid CFG, inconsistent stackdepth");
    if (b.startdepth < depth && b.startdepth < 100) {
      b.startdepth = depth;
      stack.push(b);
    }
  };
  let maxdepth = 0;
  push(g.entry, 0);
  while (stack.length > 0) {
    const b = stack.pop()!;
    let depth = b.startdepth;
    let next = b.next;
    for (const instr of b.instrs) {
      const effect = O.stack_effect(instr.opcode, instr.oparg, false);
      if (effect === null) throw new Error(`Invalid stack effect for opcode=${instr.opcode}, arg=${instr.oparg}`);
      const newDepth = depth + effect;
      if (newDepth < 0) throw new Error("Invalid CFG, stack underflow");
      if (newDepth > maxdepth) maxdepth = newDepth;
      if (HAS_TARGET(instr.opcode)) {
        const te = O.stack_effect(instr.opcode, instr.oparg, true)!;
        const targetDepth = depth + te;
        if (targetDepth > maxdepth) maxdepth = targetDepth;
        push(instr.target!, targetDepth);
      }
      depth = newDepth;
      if (IS_UNCONDITIONAL_JUMP_OPCODE(instr.opcode) || IS_SCOPE_EXIT_OPCODE(instr.opcode)) {
        next = null;
        break;
      }
    }
    if (next !== null) push(next, depth);
  }
  // CPython 3.13 never produces co_stacksize 0 (even `def f(): raise` gets 1): the frame always has one slot.
  return Math.max(maxdepth, 1);
}

export interface LocalsplusInfo {
  nlocals: number;
  cellvars: Map<string, number>;
  freevars: Map<string, number>;
  varnames: Map<string, number>;
  firstlineno: number;
}

export const CO_GENERATOR_MASK = 0x20 | 0x80 | 0x200;

/** prepare_localsplus: MAKE_CELL / COPY_FREE_VARS / RETURN_GENERATOR prefix and cell offsets; returns nlocalsplus. */
export function prepareLocalsplus(info: LocalsplusInfo, g: CfgBuilder, codeFlags: number): number {
  const nlocals = info.varnames.size;
  const ncellvars = info.cellvars.size;
  const nfreevars = info.freevars.size;
  let nlocalsplus = nlocals + ncellvars + nfreevars;
  const fixed: number[] = [];
  for (let i = 0; i < ncellvars + nfreevars; i++) fixed.push(nlocals + i);
  for (const [name, cellindex] of info.cellvars) {
    const v = info.varnames.get(name);
    if (v === undefined) continue;
    fixed[cellindex] = v;
  }
  const entry = g.entry;
  const mk = (opcode: number, oparg: number, loc: Location): CfgInstr => newInstr(opcode, oparg, loc, null);
  if (codeFlags & CO_GENERATOR_MASK) {
    const loc = { lineno: info.firstlineno, end_lineno: info.firstlineno, col_offset: -1, end_col_offset: -1 };
    entry.instrs.splice(0, 0, mk(O.RETURN_GENERATOR, 0, loc), mk(O.POP_TOP, 0, loc));
  }
  if (ncellvars) {
    const nvars = ncellvars + nlocals;
    const sorted = new Array<number>(nvars).fill(0);
    for (let i = 0; i < ncellvars; i++) sorted[fixed[i]!] = i + 1;
    for (let i = 0, used = 0; used < ncellvars; i++) {
      const old = sorted[i]! - 1;
      if (old === -1) continue;
      entry.instrs.splice(used, 0, mk(O.MAKE_CELL, old, NO_LOCATION));
      used++;
    }
  }
  if (nfreevars) entry.instrs.splice(0, 0, mk(O.COPY_FREE_VARS, nfreevars, NO_LOCATION));
  // fix_cell_offsets
  let numdropped = 0;
  for (let i = 0; i < ncellvars + nfreevars; i++) {
    if (fixed[i] === i + nlocals) fixed[i]! -= numdropped;
    else numdropped++;
  }
  for (let b: BasicBlock | null = entry; b; b = b.next) {
    for (const inst of b.instrs) {
      switch (inst.opcode) {
        case O.MAKE_CELL:
        case O.LOAD_CLOSURE:
        case O.LOAD_DEREF:
        case O.STORE_DEREF:
        case O.DELETE_DEREF:
        case O.LOAD_FROM_DICT_OR_DEREF:
          inst.oparg = fixed[inst.oparg]!;
          break;
        default:
          break;
      }
    }
  }
  nlocalsplus -= numdropped;
  return nlocalsplus;
}

export function convertPseudoOps(g: CfgBuilder): void {
  for (let b: BasicBlock | null = g.entry; b; b = b.next) {
    for (const i of b.instrs) {
      if (isBlockPush(i)) setOp0(i, O.NOP);
      else if (i.opcode === O.LOAD_CLOSURE) i.opcode = O.LOAD_FAST;
      else if (i.opcode === O.STORE_FAST_MAYBE_NULL) i.opcode = O.STORE_FAST;
    }
  }
  removeRedundantNopsAndJumps(g.entry);
}

export function normalizeJumps(g: CfgBuilder): void {
  resetVisited(g.entry);
  for (let b: BasicBlock | null = g.entry; b; b = b.next) {
    b.visited = true;
    const l = last(b);
    if (l === null || !isJump(l) || IS_UNCONDITIONAL_JUMP_OPCODE(l.opcode)) continue;
    const isForward = !l.target!.visited;
    if (isForward) continue;
    let rev = 0;
    switch (l.opcode) {
      case O.POP_JUMP_IF_NOT_NONE: rev = O.POP_JUMP_IF_NONE; break;
      case O.POP_JUMP_IF_NONE: rev = O.POP_JUMP_IF_NOT_NONE; break;
      case O.POP_JUMP_IF_FALSE: rev = O.POP_JUMP_IF_TRUE; break;
      case O.POP_JUMP_IF_TRUE: rev = O.POP_JUMP_IF_FALSE; break;
      default: break;
    }
    const target = l.target!;
    const bj = g.newBlock();
    bj.instrs.push(newInstr(O.JUMP, 0, l.loc, target));
    l.opcode = rev;
    l.target = b.next;
    bj.cold = b.cold;
    bj.next = b.next;
    b.next = bj;
  }
}

/** An instruction of the final sequence, with its exception handler (label, depth, lasti): a CfgInstr. */
export type FinalInstr = CfgInstr;

/** _PyCfg_OptimizedCfgToInstructionSequence: returns instructions with block labels, the label map, stackdepth. */
export function optimizedCfgToInstructions(g: CfgBuilder, info: LocalsplusInfo, codeFlags: number): {
  instrs: FinalInstr[]; labelMap: number[]; stackdepth: number; nlocalsplus: number;
} {
  const stackdepth = calculateStackdepth(g);
  const nlocalsplus = prepareLocalsplus(info, g, codeFlags);
  convertPseudoOps(g);
  normalizeJumps(g);
  let lbl = 0;
  const labelOf = new Map<BasicBlock, number>();
  for (let b: BasicBlock | null = g.entry; b; b = b.next) labelOf.set(b, lbl++);
  const instrs: FinalInstr[] = [];
  const labelMap: number[] = [];
  for (let b: BasicBlock | null = g.entry; b; b = b.next) {
    labelMap[labelOf.get(b)!] = instrs.length;
    for (const i of b.instrs) {
      i.targetLabel = HAS_TARGET(i.opcode) ? labelOf.get(i.target!)! : -1;
      i.handlerLabel = i.except !== null ? labelOf.get(i.except)! : -1;
      i.handlerStartdepth = i.except !== null ? i.except.startdepth : 0;
      i.handlerPreserveLasti = i.except !== null ? i.except.preserveLasti : false;
      instrs.push(i);
    }
  }
  return { instrs, labelMap, stackdepth, nlocalsplus };
}
