// The host door's calls of issue #5 (pipes, dup, blocking and inheritable flags, chown, statvfs, exact utime, the
// user and group databases): tests/golden/os_host/os_host_cases.py against CPython's output on the Node host (in a
// temporary directory) and on the in-memory host, and pipe.ts / MemoryFS through their TypeScript API.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import "../../../src/runtime/main.js";
import { MemoryFS, createMemoryHost, createMemoryProcess } from "../../../src/host/memory.js";
import { HostError } from "../../../src/host/host.js";
import { Py_Main } from "../../../src/runtime/main.js";
import { assertCasesMatchCPython } from "../modules/golden_program.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const O_NONBLOCK = 0o4000, O_CLOEXEC = 0o2000000, O_RDWR = 2, O_CREAT = 0o100;

/** Lines of the cases program whose output differs from CPython's, with the reason. */
const KNOWN = new Map<string, string>([]);

function errnoOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof HostError) return e.errno;
    throw e;
  }
  return "no error";
}

test("os_host_cases.py on the Node host matches CPython", () => {
  assertCasesMatchCPython("os_host", KNOWN);
});

test("os_host_cases.py on the in-memory host matches CPython", () => {
  const dir = path.join(root, "tests", "golden", "os_host");
  const expected = gunzipSync(fs.readFileSync(path.join(dir, "expected.txt.gz"))).toString().split("\n");
  let out = "", err = "";
  const dec = new TextDecoder();
  const host = createMemoryHost({
    files: {
      "/typhon/dist/frozen.bin": new Uint8Array(fs.readFileSync(path.join(root, "dist", "frozen.bin"))),
      "/typhon/node_modules/pyodide/python_stdlib.zip":
        new Uint8Array(fs.readFileSync(path.join(root, "node_modules", "pyodide", "python_stdlib.zip"))),
      "/home/os_host_cases.py": new Uint8Array(fs.readFileSync(path.join(dir, "os_host_cases.py"))),
      "/tmp/.keep": "",
    },
    cwd: "/home",
    home: "/typhon/dist",
    stdout: (b) => { out += dec.decode(b, { stream: true }); },
    stderr: (b) => { err += dec.decode(b, { stream: true }); },
    env: { PYTHONHASHSEED: "0", HOME: "/root" },
  });
  const status = Py_Main(host, ["os_host_cases.py"]);
  assert.equal(err, "");
  assert.equal(status, 0);
  const got = out.split("\n");
  assert.equal(got.length, expected.length, "line count");
  const diffs: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const label = expected[i].split(" = ")[0];
    if (got[i] !== expected[i] && !KNOWN.has(label)) diffs.push(`line ${i + 1}:\n  expected ${expected[i]}\n  got      ${got[i]}`);
  }
  assert.deepEqual(diffs, []);
});

test("MemoryFS pipes: EOF, EAGAIN, EPIPE, EBADF, 16 pages of capacity, dup and its reference counts", () => {
  const m = new MemoryFS();
  const [r, w] = m.pipe(O_CLOEXEC);
  assert.deepEqual([r, w], [3, 4]); // the lowest free descriptors
  assert.equal(m.getInheritable(r), false);
  assert.equal(m.write(w, new TextEncoder().encode("abc")), 3);
  assert.deepEqual(m.poll(r), { read: true, write: false });
  assert.deepEqual([...m.read(r, 2)], [97, 98]);
  assert.deepEqual([...m.read(r, 5)], [99]);
  assert.equal(m.wouldBlock(r, false), true);
  m.setBlocking(r, false);
  assert.equal(errnoOf(() => m.read(r, 1)), "EAGAIN");
  assert.equal(errnoOf(() => m.read(w, 1)), "EBADF");
  assert.equal(errnoOf(() => m.write(r, new Uint8Array(1))), "EBADF");
  assert.equal(errnoOf(() => m.lseek(r, 0, 0)), "ESPIPE");
  assert.equal(errnoOf(() => m.ftruncate(w, 0)), "EINVAL");
  assert.equal(m.fstat(r).mode, 0o010600);
  const w2 = m.dup(w);
  m.close(w);
  assert.equal(errnoOf(() => m.read(r, 1)), "EAGAIN"); // a copy of the write end is still open
  m.close(w2);
  assert.equal(m.read(r, 1).length, 0); // EOF
  m.close(r);
  assert.equal(errnoOf(() => m.close(r)), "EBADF");
  const [r2, w3] = m.pipe(O_NONBLOCK);
  let n = 0;
  for (;;) {
    try { n += m.write(w3, new Uint8Array(1000)); } catch (e) { assert.equal((e as HostError).errno, "EAGAIN"); break; }
  }
  assert.equal(n, 64000); // 4 writes of 1000 bytes per page, 16 pages
  assert.equal(m.read(r2, 100000).length, 64000);
  m.close(r2);
  assert.equal(errnoOf(() => m.write(w3, new Uint8Array(1))), "EPIPE");
  assert.deepEqual(m.poll(w3), { read: true, write: true }); // POLLERR
  assert.equal(errnoOf(() => m.pipe(0o1)), "EINVAL");
  assert.equal(m.dup2(w3, 10, true), 10);
  assert.equal(m.getInheritable(10), true);
});

test("MemoryFS owners, statvfs and times; the in-memory process's user database", () => {
  const m = new MemoryFS({ files: { "/a.txt": "x" }, uid: 1000, gid: 100 });
  assert.deepEqual([m.stat("/a.txt", true).uid, m.stat("/a.txt", true).gid], [1000, 100]);
  m.chown("/a.txt", 5, -1, true);
  assert.deepEqual([m.stat("/a.txt", true).uid, m.stat("/a.txt", true).gid], [5, 100]);
  m.symlink("/a.txt", "/l");
  m.chown("/l", 7, 8, false);
  assert.deepEqual([m.stat("/l", false).uid, m.stat("/a.txt", true).uid], [7, 5]);
  const fd = m.open("/a.txt", O_RDWR | O_CREAT, 0o644);
  m.fchown(fd, -1, 9);
  assert.equal(m.fstat(fd).gid, 9);
  m.futime(fd, 1n, 1700000000123456789n);
  assert.equal(m.stat("/a.txt", true).mtimeNs, 1700000000123456789n);
  m.utime("/l", 3n, 4n, false);
  assert.deepEqual([m.stat("/l", false).mtimeNs, m.stat("/a.txt", true).mtimeNs], [4n, 1700000000123456789n]);
  const v = m.statvfs("/");
  assert.equal(v.bsize, 4096);
  assert.ok(v.bfree <= v.blocks && v.ffree < v.files);
  assert.equal(errnoOf(() => m.statvfs("/nope")), "ENOENT");
  const p = createMemoryProcess(() => 0n, { name: "ada", uid: 1000, gid: 1000, dir: "/home/ada" });
  assert.equal(p.getuid(), 1000);
  assert.deepEqual(p.users().map((u) => [u.name, u.uid, u.dir, u.shell]), [["ada", 1000, "/home/ada", "/bin/sh"]]);
  assert.deepEqual(p.groups(), [{ name: "ada", passwd: "x", gid: 1000, members: [] }]);
});

test("a Python program on the in-memory host sees its configured user (pwd, grp, expanduser without HOME)", () => {
  let out = "", err = "";
  const dec = new TextDecoder();
  const host = createMemoryHost({
    files: {
      "/typhon/dist/frozen.bin": new Uint8Array(fs.readFileSync(path.join(root, "dist", "frozen.bin"))),
      "/typhon/node_modules/pyodide/python_stdlib.zip":
        new Uint8Array(fs.readFileSync(path.join(root, "node_modules", "pyodide", "python_stdlib.zip"))),
      "/home/ada/main.py": "import os, pwd, grp, pathlib\n"
        + "print(os.getuid(), pwd.getpwuid(1000), grp.getgrgid(1000).gr_name, pathlib.Path('~').expanduser())\n"
        + "print(os.stat('main.py').st_uid, [u.pw_name for u in pwd.getpwall()])\n",
    },
    cwd: "/home/ada",
    home: "/typhon/dist",
    user: { name: "ada", uid: 1000, gid: 1000, gecos: "Ada", dir: "/home/ada" },
    stdout: (b) => { out += dec.decode(b); },
    stderr: (b) => { err += dec.decode(b); },
  });
  assert.equal(Py_Main(host, ["main.py"]), 0, err);
  assert.equal(out, "1000 pwd.struct_passwd(pw_name='ada', pw_passwd='x', pw_uid=1000, pw_gid=1000, pw_gecos='Ada', "
    + "pw_dir='/home/ada', pw_shell='/bin/sh') ada /home/ada\n1000 ['ada']\n");
});
