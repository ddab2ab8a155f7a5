// --dump-ast FILE: what `print(ast.dump(ast.parse(data, FILE), include_attributes=True))` prints in CPython 3.13.
import type { Host } from "../host/host.js";

export function dumpAstCommand(host: Host, args: readonly string[]): string {
  void host;
  void args;
  throw new Error("--dump-ast: the parser is not built yet"); // TODO(#2)
}
