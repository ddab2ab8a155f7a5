// The registry of Typhon's debug dumpers: one row per command-line option, each printing one pipeline stage
// in the format of the CPython tool it mirrors. The same functions back the playground. See docs/cli.md.
import type { Host } from "../host/host.js";
import { dumpTokensCommand } from "./dump_tokens.js";
import { dumpAstCommand } from "./dump_ast.js";
import { dumpSymtableCommand } from "./dump_symtable.js";
import { dumpDisCommand } from "./dump_dis.js";
import { compileCommand } from "../runtime/py_compile.js";

export interface DebugDump {
  /** The command-line option, e.g. "--dump-tokens". */
  readonly option: string;
  /** Its arguments, for the help text. */
  readonly args: string;
  readonly help: string;
  /** Run the dump; returns the text for stdout. Throws FrontEndSyntaxError on bad input. */
  run(host: Host, args: readonly string[]): string;
}

export const DEBUG_DUMPS: readonly DebugDump[] = [
  { option: "--dump-tokens", args: "FILE", help: "print the tokens as `python -m tokenize -e FILE` does", run: dumpTokensCommand },
  { option: "--dump-ast", args: "FILE", help: "print ast.dump(ast.parse(...), include_attributes=True)", run: dumpAstCommand },
  { option: "--dump-symtable", args: "FILE", help: "print the symbol table (tools/symtable_dump.py prints CPython's)", run: dumpSymtableCommand },
  { option: "--compile", args: "[--invalidation-mode MODE] [-O|-OO] FILE OUT", help: "write a CPython 3.13 .pyc of FILE to OUT, as py_compile.compile(FILE, OUT)", run: compileCommand },
  { option: "--dump-dis", args: "[-C] [-O] [FILE]", help: "print what `python -m dis [-C] [-O] [FILE]` prints", run: dumpDisCommand },
];
