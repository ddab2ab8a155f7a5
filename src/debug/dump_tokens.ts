// --dump-tokens FILE: the output of `python3.13 -m tokenize -e FILE` (Lib/tokenize.py main(): the ENCODING token,
// then the C tokenizer's extra-tokens stream; on failure "FILE:LINE:COL: error: MSG" on stderr and status 1).
import type { Host } from "../host/host.js";
import { DebugDumpFailure } from "./dump_failure.js";
import { Tokenizer } from "../parser/tokenizer.js";
import { ENCODING, ENDMARKER, OP, EXACT_TOKEN_TYPES, tok_name } from "../parser/token.js";
import { FrontEndSyntaxError } from "../parser/errors.js";
import { decodeForTokenize, pyStrRepr } from "../parser/tokenizer_helpers.js";

function pad(s: string, n: number): string {
  // Python's %-Ns pads by code points.
  let len = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || (s.charCodeAt(i - 1) & 0xfc00) !== 0xd800) len++;
  }
  return len >= n ? s : s + " ".repeat(n - len);
}

/** The text `python -m tokenize -e` prints for `data` read from `filename`; throws DebugDumpFailure on errors. */
export function dumpTokens(filename: string, data: Uint8Array): string {
  let out = "";
  try {
    const { text, encoding } = decodeForTokenize(data, filename);
    const line = (type: number, str: string, l0: number, c0: number, l1: number, c1: number) => {
      out += pad(`${l0},${c0}-${l1},${c1}:`, 20) + pad(tok_name[type], 15) + pad(pyStrRepr(str), 15) + "\n";
    };
    line(ENCODING, encoding, 0, 0, 0, 0);
    const tokenizer = new Tokenizer(text, { filename, extraTokens: true });
    for (;;) {
      const t = tokenizer.next();
      const type = t.type === OP ? (EXACT_TOKEN_TYPES.get(t.string) ?? OP) : t.type;
      line(type, t.string, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
      if (t.type === ENDMARKER) break;
    }
  } catch (e) {
    if (!(e instanceof FrontEndSyntaxError)) throw e;
    if (e.filename === "" && e.lineno === 0) {
      // detect_encoding's SyntaxError: main() prints "FILE: error: MSG".
      throw new DebugDumpFailure(`${filename}: error: ${e.msg}\n`, 1);
    }
    // IndentationError/TabError print (lineno, offset) of the error; a SyntaxError becomes a TokenError whose
    // message tokenize._transform_msg rewrites.
    let msg = e.msg;
    if (e.kind === "SyntaxError" && msg.includes("unterminated triple-quoted string literal")) msg = "EOF in multi-line string";
    throw new DebugDumpFailure(`${filename}:${e.lineno}:${e.offset}: error: ${msg}\n`, 1);
  }
  return out;
}

export function dumpTokensCommand(host: Host, args: readonly string[]): string {
  const filename = args[0];
  return dumpTokens(filename, host.readFile(filename));
}
