// Build step after tsc and the freeze (no CPython counterpart: CPython's start-up is a C binary). Bundles the
// command's ES modules into one script, dist/typhon.cjs (Node loads and compiles one file, not ~150), then has node
// build a V8 start-up snapshot of it, dist/typhon.blob, that bin/typhon.js uses when valid. See docs/cli.md.
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

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
  buildSync(options: Record<string, unknown>): { errors: unknown[]; warnings: { text: string }[] };
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
  esbuild.buildSync({
    entryPoints: [path.join(dist, "src", "host", "node_main.js")],
    // An IIFE, exported by a footer: node's snapshot builder runs the script without a `module` object.
    bundle: true, platform: "node", format: "iife", globalName: "typhonBundle", target: "node20",
    outfile: path.join(dist, BUNDLE), banner: { js: BANNER }, footer: { js: FOOTER },
    define: { "import.meta.url": "globalThis.__typhonMetaUrl" },
    logLevel: "error", legalComments: "none",
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
  process.stdout.write(`bundle: dist/${BUNDLE} ${mb(BUNDLE)} MB (${t1 - t0} ms), dist/${BLOB} ${mb(BLOB)} MB `
    + `(${Date.now() - t1} ms)\n`);
  return true;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
}
