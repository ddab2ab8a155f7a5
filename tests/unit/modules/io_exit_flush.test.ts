// Files a program leaves open are flushed at exit (docs/imports.md, "Start-up", step 2): CPython closes
// them as their last references go at shutdown; Typhon flushes every writable buffered or text stream still open
// after the atexit callbacks (src/modules/_io/iobase.ts, _PyIO_FlushWritersAtExit). Runs bin/typhon.js.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..", "..", "..", "..");

function runIn(dir: string, src: string): { err: string; status: number | null } {
  const p = spawnSync(process.execPath, [join(ROOT, "bin", "typhon.js"), "-c", src], {
    cwd: dir, encoding: "utf8", timeout: 60000,
  });
  return { err: p.stderr, status: p.status };
}

test("exit flush: binary, text and appended files never closed keep what was written", () => {
  const dir = mkdtempSync(join(tmpdir(), "typhon-exit-flush-"));
  try {
    const r = runIn(dir, `
open("a.bin", "wb").write(b"x" * 100)
f = open("b.txt", "w"); f.write("pending line\\n"); f.write("and more")
g = open("c.txt", "a", encoding="utf-8"); g.write("\\u00e9" * 10)
class Holder: pass
h = Holder(); h.f = open("d.txt", "w", buffering=1 << 20); h.f.write("kept" * 1000)
done = open("e.txt", "w"); done.write("closed"); done.close()
`);
    assert.equal(r.err, "");
    assert.equal(r.status, 0);
    assert.equal(readFileSync(join(dir, "a.bin"), "latin1"), "x".repeat(100));
    assert.equal(readFileSync(join(dir, "b.txt"), "utf8"), "pending line\nand more");
    assert.equal(readFileSync(join(dir, "c.txt"), "utf8"), "\u00e9".repeat(10));
    assert.equal(readFileSync(join(dir, "d.txt"), "utf8"), "kept".repeat(1000));
    assert.equal(readFileSync(join(dir, "e.txt"), "utf8"), "closed");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("exit flush: also after an uncaught exception and after sys.exit", () => {
  const dir = mkdtempSync(join(tmpdir(), "typhon-exit-flush-"));
  try {
    const a = runIn(dir, `f = open("x.txt", "w"); f.write("before the error"); 1 / 0`);
    assert.equal(a.status, 1);
    assert.match(a.err, /ZeroDivisionError: division by zero/);
    assert.equal(readFileSync(join(dir, "x.txt"), "utf8"), "before the error");
    const b = runIn(dir, `import sys; f = open("y.txt", "w"); f.write("before exit"); sys.exit(3)`);
    assert.equal(b.status, 3);
    assert.equal(readFileSync(join(dir, "y.txt"), "utf8"), "before exit");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
