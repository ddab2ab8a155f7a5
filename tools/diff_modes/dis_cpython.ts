// The "dis_cpython" differential mode: the dis formatter alone. CPython's own code objects (tools/code_json.py)
// formatted by src/debug/dump_dis.ts against `python3.13 -m dis FILE`; any difference is a formatter bug, since
// the code objects are identical by construction. See docs/compiler.md.
import type { DiffMode } from "./mode.js";
import { disCode } from "../../src/debug/dump_dis.js";
import { cpythonCodeCached } from "../code_json.js";

/** `python -m dis` options to compare with (TYPHON_DIS_OPTIONS="-C -O"): inline caches, offsets. */
const OPTIONS = (process.env.TYPHON_DIS_OPTIONS ?? "").split(/\s+/);
const DIS_OPTIONS = { showCaches: OPTIONS.includes("-C"), showOffsets: OPTIONS.includes("-O") };

export const mode: DiffMode = {
  name: "dis_cpython",
  cpythonScript: "tools/diff_modes/dis.py",
  typhon(path) {
    const co = cpythonCodeCached(path);
    if ("error" in co) return { status: "error", text: co.error };
    // The exported frozensets already list their items in CPython's (seed 0) iteration order.
    return { status: "ok", text: disCode(co, { ...DIS_OPTIONS, frozensetOrder: (items) => [...items] }) };
  },
};
