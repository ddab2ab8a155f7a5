// Test helpers for the flowgraph passes: instruction lists in a small text form ("LOAD_CONST 1 @3", "JUMP L2",
// "L2:"), turned into a CFG the way optimize_and_assemble does, and CFGs printed back in the same form.
import * as O from "../../../src/opcode/opcode_metadata.js";
import { HAS_TARGET } from "../../../src/opcode/opcode_utils.js";
import { InstrSequence, LOCATION, NO_LOCATION } from "../../../src/compiler/instruction_sequence.js";
import {
  instrSequenceToCfg, labelExceptionTargets, markExceptHandlers, translateJumpLabelsToTargets,
  type BasicBlock, type CfgBuilder,
} from "../../../src/compiler/flowgraph.js";

const OPMAP = O.opmap as Readonly<Record<string, number>>;

/**
 * An instruction sequence from lines "OPNAME [arg|Ln] [@line]" and "Ln:" (label definitions). Without "@line" an
 * instruction has NO_LOCATION; with it, the location (line, line, 0, 1).
 */
export function seqOf(lines: readonly string[]): InstrSequence {
  const seq = new InstrSequence();
  const labels = new Map<string, number>();
  const label = (name: string): number => {
    let l = labels.get(name);
    if (l === undefined) {
      l = seq.newLabel();
      labels.set(name, l);
    }
    return l;
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line.endsWith(":")) {
      seq.useLabel(label(line.slice(0, -1)));
      continue;
    }
    const parts = line.split(/\s+/);
    const name = parts[0]!;
    const op = OPMAP[name];
    if (op === undefined) throw new Error(`unknown opcode ${name}`);
    let oparg = 0;
    let loc = NO_LOCATION;
    for (const p of parts.slice(1)) {
      if (p.startsWith("@")) {
        const n = Number(p.slice(1));
        loc = LOCATION(n, n, 0, 1);
      } else if (/^L\w+$/.test(p)) {
        oparg = label(p);
      } else {
        oparg = Number(p);
      }
    }
    seq.addop(op, oparg, loc);
  }
  return seq;
}

/** The CFG of a sequence after the first steps of _PyCfg_OptimizeCodeUnit (labels, handlers, except targets). */
export function cfgOf(lines: readonly string[]): CfgBuilder {
  const g = instrSequenceToCfg(seqOf(lines));
  translateJumpLabelsToTargets(g.entry);
  markExceptHandlers(g.entry);
  labelExceptionTargets(g.entry);
  return g;
}

/** The CFG's instructions in block order; jump targets print as "L<k>" (k = index among non-empty labelled blocks). */
export function listing(g: CfgBuilder, withLines = true): string[] {
  const targets = new Set<BasicBlock>();
  for (let b: BasicBlock | null = g.entry; b; b = b.next) {
    for (const i of b.instrs) if (HAS_TARGET(i.opcode) && i.target !== null) targets.add(i.target);
  }
  const names = new Map<BasicBlock, string>();
  let k = 1;
  for (let b: BasicBlock | null = g.entry; b; b = b.next) if (targets.has(b)) names.set(b, `L${k++}`);
  const out: string[] = [];
  for (let b: BasicBlock | null = g.entry; b; b = b.next) {
    if (names.has(b)) out.push(`${names.get(b)!}:`);
    for (const i of b.instrs) {
      let s = O.opname[i.opcode]!;
      if (HAS_TARGET(i.opcode)) {
        let t: BasicBlock | null = i.target;
        while (t !== null && t.instrs.length === 0 && !names.has(t)) t = t.next;
        s += ` ${t !== null ? names.get(t) ?? "?" : "?"}`;
      } else if (i.opcode >= O.HAVE_ARGUMENT || i.oparg !== 0) {
        s += ` ${i.oparg}`;
      }
      if (withLines && i.loc.lineno >= 0) s += ` @${i.loc.lineno}`;
      out.push(s);
    }
  }
  return out;
}
