// The in-memory host (src/host/memory.ts): MemoryFS's POSIX behaviour, and a whole Typhon run on it, with the
// frozen modules and the stdlib zip placed in the in-memory file system as an embedder would.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import "../../../src/runtime/main.js";
import { MemoryFS, createMemoryHost } from "../../../src/host/memory.js";
import { HostError } from "../../../src/host/host.js";
import { Py_Main } from "../../../src/runtime/main.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0o100, O_EXCL = 0o200, O_TRUNC = 0o1000, O_APPEND = 0o2000;

function errnoOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof HostError) return e.errno;
    throw e;
  }
  return "no error";
}

test("MemoryFS: files, directories, descriptors and errno names", () => {
  const m = new MemoryFS({ files: { "/a/b.txt": "hello" }, cwd: "/a" });
  assert.equal(m.getcwd(), "/a");
  assert.deepEqual(m.listdir("/a"), ["b.txt"]);
  assert.equal(new TextDecoder().decode(m.readFile("b.txt")), "hello");
  const fd = m.open("c.bin", O_RDWR | O_CREAT | O_EXCL, 0o666);
  assert.equal(m.write(fd, new Uint8Array([1, 2, 3, 4])), 4);
  assert.equal(m.lseek(fd, 1, 0), 1);
  assert.deepEqual([...m.read(fd, 2)], [2, 3]);
  assert.equal(m.lseek(fd, 0, 2), 4);
  m.ftruncate(fd, 2);
  assert.equal(m.fstat(fd).size, 2);
  m.close(fd);
  assert.equal(errnoOf(() => m.close(fd)), "EBADF");
  assert.equal(errnoOf(() => m.open("c.bin", O_WRONLY | O_CREAT | O_EXCL, 0o666)), "EEXIST");
  assert.equal(errnoOf(() => m.open("missing", O_RDONLY, 0)), "ENOENT");
  assert.equal(errnoOf(() => m.open("/a", O_WRONLY, 0)), "EISDIR");
  const afd = m.open("c.bin", O_WRONLY | O_APPEND, 0);
  m.write(afd, new Uint8Array([9]));
  m.close(afd);
  assert.deepEqual([...m.readFile("c.bin")], [1, 2, 9]);
  m.mkdir("d", 0o777);
  assert.equal(errnoOf(() => m.mkdir("d", 0o777)), "EEXIST");
  m.rename("c.bin", "d/e.bin");
  assert.deepEqual(m.listdir("d"), ["e.bin"]);
  assert.equal(errnoOf(() => m.rmdir("d")), "ENOTEMPTY");
  m.symlink("/a/d", "/a/link");
  assert.equal(m.readlink("/a/link"), "/a/d");
  assert.deepEqual(m.listdir("/a/link"), ["e.bin"]);
  assert.equal((m.stat("/a/link", false).mode & 0o170000), 0o120000);
  assert.equal((m.stat("/a/link", true).mode & 0o170000), 0o040000);
  m.unlink("d/e.bin");
  m.rmdir("d");
  assert.equal(errnoOf(() => m.stat("/a/d", true)), "ENOENT");
  const tfd = m.open("b.txt", O_WRONLY | O_TRUNC, 0);
  m.close(tfd);
  assert.equal(m.stat("b.txt", true).size, 0);
  m.chdir("/");
  assert.equal(m.getcwd(), "/");
  assert.equal(m.umask(0o077), 0o022);
});

test("a Typhon program runs on the in-memory host: imports from an in-memory stdlib zip, file I/O, stdout", () => {
  const frozen = path.join(root, "dist", "frozen.bin");
  const zip = path.join(root, "node_modules", "pyodide", "python_stdlib.zip");
  let out = "", err = "";
  const dec = new TextDecoder();
  const host = createMemoryHost({
    files: {
      "/typhon/dist/frozen.bin": new Uint8Array(fs.readFileSync(frozen)),
      "/typhon/node_modules/pyodide/python_stdlib.zip": new Uint8Array(fs.readFileSync(zip)),
      "/home/main.py": "import os, json\nwith open('data.json', 'w') as f:\n    json.dump({'a': [1, 2]}, f)\n"
        + "print(sorted(os.listdir('.')), open('data.json').read(), os.getcwd())\n"
        + "import sys; print(sys.implementation.cache_tag, sys.path[-1].endswith('python_stdlib.zip'))\n",
    },
    cwd: "/home",
    home: "/typhon/dist",
    stdout: (b) => { out += dec.decode(b); },
    stderr: (b) => { err += dec.decode(b); },
    env: { PYTHONHASHSEED: "0" },
  });
  const status = Py_Main(host, ["main.py"]);
  assert.equal(err, "");
  assert.equal(status, 0);
  assert.equal(out, "['data.json', 'main.py'] {\"a\": [1, 2]} /home\ntyphon-313 True\n");
  // The compiled-code cache went into the in-memory file system, not to disk.
  assert.ok(host.fs.listdir("/typhon/dist/pycache/python_stdlib.zip").some((n) => n.startsWith("json.")));
});
