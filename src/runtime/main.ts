// The `typhon` command line: CPython's option parsing (Python/getopt.c, Python/initconfig.c) and entry (Modules/main.c).
// Typhon adds debug options (--dump-tokens, --dump-ast, ...) that print each front-end stage as CPython's tools do.
// See docs/cli.md.
import type { Host } from "../host/host.js";
import { FrontEndError, FrontEndSyntaxError, formatSyntaxError } from "../parser/errors.js";
import { TYPHON_VERSION, PY_VERSION } from "./version.js";
import { DEBUG_DUMPS, type DebugDump } from "../debug/index.js";
import { Py_RunMain } from "./pythonrun.js";
import { DebugDumpFailure } from "../debug/dump_failure.js";
import { configureImports } from "./import.js";

const encoder = new TextEncoder();

const USAGE_LINE = (prog: string) => `usage: ${prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n`;

const HELP_TEXT = `Options (and corresponding environment variables):
-b     : issue warnings about converting bytes/bytearray to str and comparing
         bytes/bytearray with str or bytes with int. (-bb: issue errors)
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-d     : turn on parser debugging output (for experts only, only works on
         debug builds); also PYTHONDEBUG=x
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements; add .opt-1 before
         .pyc extension; also PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings; add .opt-2 before
         .pyc extension
-P     : don't prepend a potentially unsafe path to sys.path; also
         PYTHONSAFEPATH
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE=x
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered;
         this option has no effect on stdin; also PYTHONUNBUFFERED=x
-v     : verbose (trace import statements); also PYTHONVERBOSE=x
         can be supplied multiple times to increase verbosity
-V     : print the Python version number and exit (also --version)
         when given twice, print more information about the build
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-X opt : set implementation-specific option
--check-hash-based-pycs always|default|never:
         control how Python invalidates hash-based .pyc files
--help-env: print help about Python environment variables and exit
--help-xoptions: print help about implementation-specific -X options and exit
--help-all: print complete help information and exit

Typhon's debug options (each prints one stage of the pipeline and exits):
${"__DUMPS__"}
Arguments:
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
`;

/** The parsed command line, as CPython's PyConfig holds it. */
export interface CommandLine {
  bytesWarning: number;
  dontWriteBytecode: boolean;
  ignoreEnvironment: boolean;
  inspect: boolean;
  isolated: boolean;
  optimize: number;
  safePath: boolean;
  quiet: boolean;
  noUserSite: boolean;
  noSite: boolean;
  unbuffered: boolean;
  verbose: number;
  warnOptions: string[];
  skipFirstLine: boolean;
  xOptions: string[];
  checkHashBasedPycs: string;
  /** Typhon's --stdlib DIR: another CPython 3.13 Lib directory (or zip) instead of pyodide's zip. */
  stdlib: string | null;
  /** What to run: a command string, a module name, a file path, or stdin. */
  run: { kind: "command"; command: string } | { kind: "module"; module: string } | { kind: "file"; path: string } | { kind: "stdin" };
  /** sys.argv as Python sees it. */
  argv: string[];
}

class UsageError extends Error {}

function helpText(): string {
  const rows = DEBUG_DUMPS.map((d: DebugDump) => {
    const left = `${d.option} ${d.args}`;
    return left.length <= 22 ? `${left.padEnd(22)} : ${d.help}` : `${left}\n${" ".repeat(22)} : ${d.help}`;
  });
  return HELP_TEXT.replace("__DUMPS__", rows.join("\n"));
}

/** Parse argv the way CPython's _PyOS_GetOpt does: short options may be bundled, -c/-m end the option list. */
export function parseCommandLine(args: readonly string[]): CommandLine {
  const cl: CommandLine = {
    bytesWarning: 0, dontWriteBytecode: false, ignoreEnvironment: false, inspect: false, isolated: false,
    optimize: 0, safePath: false, quiet: false, noUserSite: false, noSite: false, unbuffered: false, verbose: 0,
    warnOptions: [], skipFirstLine: false, xOptions: [], checkHashBasedPycs: "default", stdlib: null,
    run: { kind: "stdin" }, argv: [""],
  };
  let i = 0;
  while (i < args.length) {
    const arg = args[i];
    if (arg === "--") { i++; break; }
    if (!arg.startsWith("-") || arg === "-") break;
    if (arg.startsWith("--")) {
      if (arg === "--stdlib") {
        const v = args[i + 1];
        if (v === undefined) throw new UsageError("Argument expected for the --stdlib option");
        cl.stdlib = v;
        i += 2;
        continue;
      }
      if (arg === "--check-hash-based-pycs") {
        const v = args[i + 1];
        if (v === undefined) throw new UsageError("Argument expected for the --check-hash-based-pycs option");
        cl.checkHashBasedPycs = v;
        i += 2;
        continue;
      }
      throw new UsageError(`unknown option ${arg}`);
    }
    // Bundled short options, e.g. -OOc 'code'.
    let j = 1;
    let consumedNext = false;
    while (j < arg.length) {
      const ch = arg[j++];
      const takesArg = ch === "c" || ch === "m" || ch === "W" || ch === "X";
      let value: string | undefined;
      if (takesArg) {
        if (j < arg.length) value = arg.slice(j);
        else { value = args[i + 1]; consumedNext = true; }
        if (value === undefined) throw new UsageError(`Argument expected for the -${ch} option`);
        j = arg.length;
      }
      switch (ch) {
        case "b": cl.bytesWarning++; break;
        case "B": cl.dontWriteBytecode = true; break;
        case "d": break;
        case "E": cl.ignoreEnvironment = true; break;
        case "i": cl.inspect = true; break;
        case "I": cl.isolated = true; cl.ignoreEnvironment = true; cl.noUserSite = true; cl.safePath = true; break;
        case "O": cl.optimize++; break;
        case "P": cl.safePath = true; break;
        case "q": cl.quiet = true; break;
        case "s": cl.noUserSite = true; break;
        case "S": cl.noSite = true; break;
        case "u": cl.unbuffered = true; break;
        case "v": cl.verbose++; break;
        case "x": cl.skipFirstLine = true; break;
        case "W": cl.warnOptions.push(value!); break;
        case "X": cl.xOptions.push(value!); break;
        case "c": {
          cl.run = { kind: "command", command: value! };
          const rest = args.slice(i + (consumedNext ? 2 : 1));
          cl.argv = ["-c", ...rest];
          return cl;
        }
        case "m": {
          cl.run = { kind: "module", module: value! };
          const rest = args.slice(i + (consumedNext ? 2 : 1));
          cl.argv = ["-m", ...rest];
          return cl;
        }
        default:
          throw new UsageError(`Unknown option: -${ch}`);
      }
    }
    i += consumedNext ? 2 : 1;
  }
  if (i < args.length) {
    const target = args[i];
    cl.run = target === "-" ? { kind: "stdin" } : { kind: "file", path: target };
    cl.argv = [target, ...args.slice(i + 1)];
  }
  return cl;
}

function out(host: Host, s: string): void {
  host.writeStdout(encoder.encode(s));
}

function err(host: Host, s: string): void {
  host.writeStderr(encoder.encode(s));
}

/** Report a front-end syntax error as CPython does for a script that fails to compile, and return exit status 1. */
export function reportSyntaxError(host: Host, e: FrontEndSyntaxError): number {
  err(host, formatSyntaxError(e));
  return 1;
}

/** Entry point of the `typhon` command; returns the process exit status. */
export function Py_Main(host: Host, args: readonly string[], prog = "typhon"): number {
  // Typhon's debug options come first and take their own arguments.
  const dump = DEBUG_DUMPS.find((d) => d.option === args[0]);
  if (dump) {
    try {
      const text = dump.run(host, args.slice(1));
      out(host, text);
      return 0;
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) return reportSyntaxError(host, e);
      if (e instanceof FrontEndError) { err(host, `${e.kind}: ${e.msg}\n`); return 1; }
      if (e instanceof DebugDumpFailure) { err(host, e.stderr); return e.status; }
      if (e instanceof UsageError) { err(host, `${e.message}\n`); return 2; }
      err(host, `${prog}: internal error: ${(e as Error).stack ?? String(e)}\n`);
      return 70;
    }
  }
  let cl: CommandLine;
  try {
    if (args.includes("-h") || args.includes("-?") || args.includes("--help") || args.includes("--help-all")) {
      const firstRun = args.findIndex((a) => a === "-c" || a === "-m" || !a.startsWith("-"));
      const helpAt = args.findIndex((a) => a === "-h" || a === "-?" || a === "--help" || a === "--help-all");
      if (firstRun === -1 || helpAt < firstRun) {
        out(host, USAGE_LINE(prog) + helpText());
        return 0;
      }
    }
    if (args[0] === "-V" || args[0] === "--version" || args[0] === "-VV") {
      const verbose = args[0] === "-VV" || args[1] === "-V" || args[1] === "--version";
      out(host, verbose ? `Python ${PY_VERSION} (Typhon ${TYPHON_VERSION})\n` : `Python ${PY_VERSION}\n`);
      return 0;
    }
    cl = parseCommandLine(args);
  } catch (e) {
    if (e instanceof UsageError) {
      err(host, `${e.message}\n${USAGE_LINE(prog)}Try \`python -h' for more information.\n`);
      return 2;
    }
    throw e;
  }
  return runProgram(host, cl, prog, args);
}

function runProgram(host: Host, cl: CommandLine, prog: string, args: readonly string[]): number {
  if (cl.run.kind === "file") {
    try {
      host.readFile(cl.run.path);
    } catch (e) {
      const code = (e as { errno?: string }).errno;
      const path = cl.run.path.startsWith("/") ? cl.run.path : `${host.cwd()}/${cl.run.path}`;
      if (code === "ENOENT") {
        err(host, `${prog}: can't open file '${path}': [Errno 2] No such file or directory\n`);
        return 2;
      }
      throw e;
    }
  }
  configureImports(host, cl);
  // CPython makes the script's path absolute (config->run_filename): __main__.__file__ and tracebacks show it so.
  const runPath = cl.run.kind === "file" ? (cl.run.path.startsWith("/") ? cl.run.path : `${host.cwd()}/${cl.run.path}`) : undefined;
  return Py_RunMain(host, { kind: cl.run.kind, path: runPath,
    command: cl.run.kind === "command" ? cl.run.command : undefined,
    module: cl.run.kind === "module" ? cl.run.module : undefined, argv: cl.argv, origArgs: args });
}
