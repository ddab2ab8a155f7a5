#!/usr/bin/env node
// Runs every compiled test file (dist/tests/**/*.test.js) with Node's built-in test runner. Only those whose source
// (tests/**/*.test.ts) still exists: tsc leaves the output of a deleted or renamed test behind in dist/.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

function collect(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) collect(p, out);
    else if (name.endsWith(".test.js")) out.push(p);
  }
  return out;
}

const files = collect("dist/tests", []).filter((f) => existsSync(f.replace(/^dist[\\/]/, "").replace(/\.js$/, ".ts")));
const filter = process.argv[2];
const chosen = filter ? files.filter((f) => f.includes(filter)) : files;
const r = spawnSync(process.execPath, ["--test", "--test-reporter=spec", ...chosen], { stdio: "inherit" });
process.exit(r.status ?? 1);
