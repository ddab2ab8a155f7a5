// The "tokens" differential mode: `typhon --dump-tokens FILE` against `python3.13 -m tokenize -e FILE`.
import type { DiffMode } from "./mode.js";
import { dumpTokens } from "../../src/debug/dump_tokens.js";
import { DebugDumpFailure } from "../../src/debug/dump_failure.js";

export const mode: DiffMode = {
  name: "tokens",
  cpythonScript: "tools/diff_modes/tokens.py",
  typhon(path, data) {
    try {
      return { status: "ok", text: dumpTokens(path, data) };
    } catch (e) {
      if (e instanceof DebugDumpFailure) return { status: "error", text: e.stderr };
      throw e;
    }
  },
};
