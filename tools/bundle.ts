// Build step after tsc and the freeze (no CPython counterpart: CPython's start-up is a C binary). Bundles the
// command's ES modules into one script, dist/typhon.cjs (Node loads and compiles one file, not ~150), then has node
// build a V8 start-up snapshot of it, dist/typhon.blob, that bin/typhon.js uses when valid. See docs/cli.md.
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { lowerArrayDestructuring } from "./lower_destructuring.js";

export const BUNDLE = "typhon.cjs";
export const BLOB = "typhon.blob";
/** One line: the node binary (process.execPath) the blob was built by; bin/typhon.js compares it with its node. */
export const BLOB_STAMP = "typhon.blob.node";

// The bundle has no import.meta: src/host/node.ts's `import.meta.url` (how it finds dist/) reads this global instead,
// set from the bundle's own location here, and by the snapshot's main function from its command line.
const BANNER = `globalThis.__typhonMetaUrl = require("node:url").pathToFileURL(`
  + `require("node:path").join(__dirname, "src", "host", "node.js")).href;`;

const FOOTER = `if (typeof module !== "undefined") module.exports = typhonBundle;`;

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ errors: unknown[]; warnings: { text: string }[] }>;
}

/** Native modules whose code runs at their first import instead of being evaluated into the snapshot (a smaller heap
 *  for V8 to deserialise at every start; docs/cli.md). Leaf modules only: none installs a hook the core uses before
 *  the module is imported. A module another bundled file imports statically still runs when that file does. The
 *  modules of the common import lines (json, re, typing, asyncio, logging: _sre, _json, _functools, math, time,
 *  _socket, select, ...) stay in the snapshot: evaluating them at each import cost that line more than -c pass saves. */
const LAZY_MODULES: ReadonlySet<string> = new Set([
  "_decimal", "_pickle", "_lzma", "lzma", "_bz2", "_datetime", "_zoneinfo", "_csv", "pyexpat", "unicodedata", "_md5",
  "_sha1", "_sha2", "_sha3", "_blake2", "cmath", "array", "_struct", "binascii", "zlib", "_random", "_symtable",
  "_bisect", "pwd", "grp", "_locale", "gc",
]);

/** Rewrites src/modules/config.js (_PyImport_Inittab) for the bundle: the rows of LAZY_MODULES hold a function that
 *  require()s their file, which esbuild turns into a lazily initialised module, and the table calls it on first get. */
function lazyInittab(js: string): string {
  const from = new Map<string, string>(); // binding -> file, for the imports the lazy rows use
  const rows = [...js.matchAll(/^\s*\[("[^"]+"), (\w+)\],$/gm)];
  const lazyBindings = new Set(rows.filter((r) => LAZY_MODULES.has(JSON.parse(r[1]) as string)).map((r) => r[2]));
  let out = js.replace(/^import \{ ([\w, ]+) \} from ("[^"]+");$/gm, (line, names: string, file: string) => {
    const ns = names.split(",").map((n) => n.trim());
    if (!ns.every((n) => lazyBindings.has(n))) return line;
    for (const n of ns) from.set(n, file);
    return "";
  });
  out = out.replace(/^(\s*\[("[^"]+"), (\w+)\],)$/gm, (row, _r: string, _key: string, b: string) =>
    (from.has(b) ? row.replace(`, ${b}]`, `, () => require(${from.get(b)!}).${b}]`) : row));
  const decl = "export const _PyImport_Inittab = new Map(";
  if (!out.includes(decl) || from.size === 0) throw new Error("bundle: src/modules/config.js has changed shape");
  // The module's static types are declared as its file runs, after start-up readied the others: ready them too.
  return 'import { _PyTypes_InitTypes as __readyTypes } from "../objects/typeobject.js";\n'
    + out.replace(decl, "export const _PyImport_Inittab = new (class extends Map {\n  get(k) {\n    let v = super.get(k);\n"
    + "    if (typeof v === \"function\") { v = v(); __readyTypes(); this.set(k, v); }\n    return v;\n  }\n})(");
}

async function loadEsbuild(): Promise<EsbuildLike | null> {
  try {
    // A devDependency: an install without dev packages still runs, from the unbundled ES modules.
    return (await import("esbuild")) as unknown as EsbuildLike;
  } catch {
    return null;
  }
}

export async function bundle(dist: string): Promise<boolean> {
  const esbuild = await loadEsbuild();
  for (const f of [BUNDLE, BLOB, BLOB_STAMP]) fs.rmSync(path.join(dist, f), { force: true });
  if (esbuild === null) {
    process.stderr.write("bundle: esbuild is not installed; bin/typhon.js runs the unbundled modules\n");
    return false;
  }
  const t0 = Date.now();
  let destructured = 0;
  await esbuild.build({
    entryPoints: [path.join(dist, "src", "host", "node_main.js")],
    // An IIFE, exported by a footer: node's snapshot builder runs the script without a `module` object.
    bundle: true, platform: "node", format: "iife", globalName: "typhonBundle", target: "node20",
    outfile: path.join(dist, BUNDLE), banner: { js: BANNER }, footer: { js: FOOTER },
    define: { "import.meta.url": "globalThis.__typhonMetaUrl" },
    // The bundle's source text is part of the snapshot's heap (V8 compiles functions from it lazily), so it is
    // minified: 2.9 -> 2.1 MB, blob 11.0 -> 10.2 MB, `-c pass` -2.8% instructions / -1.1 ms wall, the import line -3%
    // (fewer bytes to deserialize, checksum and parse). TYPHON_READABLE_BUNDLE=1 keeps the names, for CPU profiles
    // and JS stack traces of internal faults (docs/cli.md, "Start-up").
    logLevel: "error", legalComments: "none", minifyWhitespace: true,
    ...(process.env.TYPHON_READABLE_BUNDLE ? {} : { minifyIdentifiers: true, minifySyntax: true }),
    plugins: [{
      name: "lazy-inittab-and-destructuring",
      setup(b: { onLoad(o: { filter: RegExp }, f: (a: { path: string }) => { contents: string; loader: string }): void }) {
        // Every module: array destructuring of the argument parsers' results as indexed loads (tools/
        // lower_destructuring.ts); src/modules/config.js: the lazy rows of the inittab.
        b.onLoad({ filter: /[\\/]src[\\/].*\.js$/ }, (a) => {
          let js = fs.readFileSync(a.path, "utf8");
          if (/[\\/]src[\\/]modules[\\/]config\.js$/.test(a.path)) js = lazyInittab(js);
          const lowered = lowerArrayDestructuring(js);
          destructured += lowered.count;
          return { contents: lowered.text, loader: "js" };
        });
      },
    }],
  });
  const t1 = Date.now();
  // The snapshot belongs to this node binary only: it is a build output, never committed.
  const r = spawnSync(process.execPath, ["--snapshot-blob", path.join(dist, BLOB), "--build-snapshot",
    path.join(dist, BUNDLE)], { stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" });
  if (r.status !== 0) {
    fs.rmSync(path.join(dist, BLOB), { force: true });
    process.stderr.write(`bundle: no start-up snapshot (node --build-snapshot failed):\n${r.stderr}`);
    return true;
  }
  fs.writeFileSync(path.join(dist, BLOB_STAMP), process.execPath + "\n");
  const mb = (f: string) => (fs.statSync(path.join(dist, f)).size / 1e6).toFixed(1);
  process.stdout.write(`bundle: dist/${BUNDLE} ${mb(BUNDLE)} MB (${t1 - t0} ms; ${destructured} destructurings lowered), dist/${BLOB} ${mb(BLOB)} MB `
    + `(${Date.now() - t1} ms)\n`);
  return true;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
}
