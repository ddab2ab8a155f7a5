// --dump-tokens FILE: the output of `python3.13 -m tokenize -e FILE` (Lib/tokenize.py's main()).
import type { Host } from "../host/host.js";

export function dumpTokensCommand(host: Host, args: readonly string[]): string {
  void host;
  void args;
  throw new Error("--dump-tokens: the tokenizer is not built yet"); // TODO(#2)
}
