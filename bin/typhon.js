#!/bin/sh
":" //; case "$0" in */*) p="$0" ;; *) p="./$0" ;; esac; [ -L "$p" ] && p="$(readlink -f "$p")"; d="${p%/*}/../dist"
":" //; n="$(command -v node)"; b="$d/typhon.blob"; [ -z "$TYPHON_NO_SNAPSHOT" ] && [ -f "$b" ] && [ "$b" -nt "$d/src/runtime/main.js" ] && read -r s < "$b.node" && { [ "$s" = "$n" ] || [ "$s" = "$(readlink -f "$n")" ]; } && [ ! "$n" -nt "$b" ] && { [ -n "${GLIBC_TUNABLES+x}" ] || { GLIBC_TUNABLES=glibc.malloc.hugetlb=1 TYPHON_SET_TUNABLES=1; export GLIBC_TUNABLES TYPHON_SET_TUNABLES; }; exec "$n" --snapshot-blob "$b" -- "$d" "$@"; }
":" //; exec "$n" "$p" "$@"
// The `typhon` command (docs/cli.md), a file that is both a shell script and an ES module. As a script (`typhon`,
// `npx typhon`) it starts node from the V8 start-up snapshot dist/typhon.blob when `npm run build` made one with this
// node binary and after the last tsc (tools/bundle.ts); otherwise, and under `node bin/typhon.js`, it runs the bundle
// dist/typhon.cjs if it is current, else the unbundled modules. TYPHON_NO_SNAPSHOT=1 skips the snapshot. With the
// snapshot, glibc's malloc is asked for huge pages (fewer page faults reading the blob) unless GLIBC_TUNABLES is set.
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

function mtime(url) {
  try {
    return statSync(url).mtimeMs;
  } catch {
    return -1;
  }
}

const dist = new URL("../dist/", import.meta.url);
const bundle = new URL("typhon.cjs", dist);
// require, not import(): importing CommonJS from an ES module scans the whole 3 MB bundle for its export names.
const main = mtime(bundle) >= mtime(new URL("src/runtime/main.js", dist)) && mtime(bundle) > 0
  ? createRequire(import.meta.url)(fileURLToPath(bundle))
  : await import(new URL("src/host/node_main.js", dist).href);
main.runTyphon(process.argv.slice(2));
