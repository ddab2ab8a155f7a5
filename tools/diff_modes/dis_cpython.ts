// The "dis_cpython" differential mode: the dis formatter alone. CPython's own code objects (tools/code_json.py)
// formatted by src/debug/dump_dis.ts against `python3.13 -m dis FILE`; any difference is a formatter bug, since
// the code objects are identical by construction. See docs/compiler.md.
import type { DiffMode } from "./mode.js";
import { disCode } from "../../src/debug/dump_dis.js";
import { cpythonCodeCached } from "../code_json.js";

export const mode: DiffMode = {
  name: "dis_cpython",
  cpythonScript: "tools/diff_modes/dis.py",
  typhon(path) {
    const co = cpythonCodeCached(path);
    if ("error" in co) return { status: "error", text: co.error };
    // The exported frozensets already list their items in CPython's (seed 0) iteration order.
    return { status: "ok", text: disCode(co, { frozensetOrder: (items) => [...items] }) };
  },
};
