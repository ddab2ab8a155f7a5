// --dump-tokens FILE: the output of `python3.13 -m tokenize -e FILE` (Lib/tokenize.py's main()).
import type { Host } from "../host/host.js";
import { DebugDumpFailure } from "./dump_failure.js";

/** The text `python -m tokenize -e` prints for `data` read from `filename`; throws DebugDumpFailure on errors. */
export function dumpTokens(filename: string, data: Uint8Array): string {
  void data;
  throw new DebugDumpFailure(`${filename}: error: the tokenizer is not built yet\n`, 1); // TODO(#2)
}

export function dumpTokensCommand(host: Host, args: readonly string[]): string {
  const filename = args[0];
  return dumpTokens(filename, host.readFile(filename));
}
