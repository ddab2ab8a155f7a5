// A bundle-time rewrite (tools/bundle.ts): `const [a, b] = unpackArgs(...)` becomes indexed loads from a temporary.
// V8 11.3's interpreter and baseline tiers destructure through the iterator protocol (an iterator object, a call
// and a result object per element), and most native functions start this way while their code is still cold.
// Only calls to ARRAY_FUNCTIONS, which always return a plain array (or raise), are rewritten: indexing gives what
// destructuring would. See docs/cli.md ("Start-up").

/** Functions that return a fresh plain array (or throw): destructuring their result is indexing it. */
export const ARRAY_FUNCTIONS: ReadonlySet<string> = new Set([
  "parseArgs", "unpackArgs", "PySlice_Unpack", "PySlice_AdjustIndices", "_PyObject_GetMethod", "sliceArgs",
]);

const DECL = /\b(const|let) \[([^\][{}=.]*)\] = ([A-Za-z_$][\w$]*)\(/g;

/** The index just past the parenthesis that closes the one at `open`, skipping strings, template literals (with
 *  their `${}` parts, nested) and comments; -1 when the text ends first. */
function closeParen(js: string, open: number): number {
  let depth = 0;
  let braces = 0;
  const outer: number[] = []; // the brace depth of the code around each open `${`
  let i = open;
  /** From inside a template literal: past its end (returns the index after the backquote), or into a `${`. */
  const template = (k: number): number => {
    while (k < js.length) {
      if (js[k] === "\\") k += 2;
      else if (js[k] === "`") return k + 1;
      else if (js[k] === "$" && js[k + 1] === "{") {
        outer.push(braces);
        braces = 0;
        return k + 2;
      } else k++;
    }
    return k;
  };
  while (i < js.length) {
    const c = js[i];
    if (c === "(") {
      depth++;
      i++;
    } else if (c === ")") {
      depth--;
      i++;
      if (depth === 0) return i;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < js.length && js[i] !== c) i += js[i] === "\\" ? 2 : 1;
      i++;
    } else if (c === "`") {
      i = template(i + 1);
    } else if (c === "{") {
      braces++;
      i++;
    } else if (c === "}") {
      if (braces === 0 && outer.length > 0) {
        braces = outer.pop()!;
        i = template(i + 1);
      } else {
        braces--;
        i++;
      }
    } else if (c === "/" && js[i + 1] === "/") {
      while (i < js.length && js[i] !== "\n") i++;
    } else if (c === "/" && js[i + 1] === "*") {
      const end = js.indexOf("*/", i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else i++;
  }
  return -1;
}

/** The rewritten module text and how many declarations were rewritten. */
export function lowerArrayDestructuring(js: string): { text: string; count: number } {
  let out = "";
  let last = 0;
  let count = 0;
  DECL.lastIndex = 0;
  for (let m = DECL.exec(js); m !== null; m = DECL.exec(js)) {
    const [whole, kind, elems, fn] = m;
    if (!ARRAY_FUNCTIONS.has(fn)) continue;
    const names = elems.split(",").map((e) => e.trim());
    if (!names.every((n) => n === "" || /^[A-Za-z_$][\w$]*$/.test(n))) continue;
    const open = m.index + whole.length - 1;
    const close = closeParen(js, open);
    if (close < 0 || js[close] !== ";") continue;
    const tmp = `__ds${count}`;
    const loads = names.map((n, i) => (n === "" ? "" : `, ${n} = ${tmp}[${i}]`)).join("");
    out += js.slice(last, m.index) + `${kind} ${tmp} = ${fn}${js.slice(open, close)}${loads};`;
    last = close + 1;
    DECL.lastIndex = close + 1;
    count++;
  }
  return { text: out + js.slice(last), count };
}
