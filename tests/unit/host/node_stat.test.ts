// The Node host's stat (src/host/node.ts): a missing path is reported as HostError ENOENT without Node's exception,
// a dangling symlink differs between stat and lstat, and HostError carries no stack trace (its capture is costly).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createNodeFS } from "../../../src/host/node.js";
import { HostError } from "../../../src/host/host.js";

function errorOf(f: () => unknown): HostError {
  try {
    f();
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  assert.fail("no HostError raised");
}

test("node host stat: missing paths raise ENOENT (stat and lstat), other errors keep their errno", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "typhon-stat-"));
  try {
    const hfs = createNodeFS();
    const missing = path.join(dir, "missing");
    const e1 = errorOf(() => hfs.stat(missing, true));
    assert.equal(e1.errno, "ENOENT");
    assert.equal(e1.message, `ENOENT: no such file or directory, stat '${missing}'`);
    assert.equal(errorOf(() => hfs.stat(missing, false)).errno, "ENOENT");
    const file = path.join(dir, "f");
    fs.writeFileSync(file, "abc");
    assert.equal(errorOf(() => hfs.stat(path.join(file, "x"), true)).errno, "ENOTDIR");
    const link = path.join(dir, "dangling");
    fs.symlinkSync(missing, link);
    assert.equal(errorOf(() => hfs.stat(link, true)).errno, "ENOENT");
    assert.equal(hfs.stat(link, false).mode & 0o170000, 0o120000);
    const st = hfs.stat(file, true), ref = fs.statSync(file, { bigint: true });
    assert.equal(st.size, 3);
    assert.equal(st.mtimeNs, ref.mtimeNs);
    assert.equal(st.ino, ref.ino);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("HostError has no stack frames and leaves Error.stackTraceLimit as it was", () => {
  const before = Error.stackTraceLimit;
  const e = new HostError("ENOENT", "gone");
  assert.equal(Error.stackTraceLimit, before);
  assert.equal(e.stack, "Error: gone");
  assert.equal(e.message, "gone");
});
