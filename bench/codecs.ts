// Throughput of Typhon's native codecs against Node's own (C) zlib and crypto, side by side: inflating every
// member of pyodide's python_stdlib.zip, deflate at levels 1/6/9, adler32/crc32 and each hash. MB/s counts
// uncompressed bytes. Usage: npm run bench:codecs. See docs/modules.md.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as nodeZlib from "node:zlib";
import { constructors, type HashName } from "../src/modules/_hashlib_impl/index.js";
import { adler32 } from "../src/modules/zlib/adler32.js";
import { crc32 } from "../src/modules/zlib/crc32.js";
import { compress } from "../src/modules/zlib/zlibmodule.js";
import { ZipArchive } from "../src/runtime/stdlib_zip.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const zipBytes = new Uint8Array(readFileSync(resolve(ROOT, "node_modules/pyodide/python_stdlib.zip")));

/** Best of `runs` timings (ms) after one warm-up run. */
function time(runs: number, f: () => void): number {
  f();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function row(label: string, bytes: number, typhonMs: number, nodeMs: number): void {
  const mbs = (ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(1).padStart(8);
  console.log(`${label.padEnd(28)} ${mbs(typhonMs)} MB/s ${mbs(nodeMs)} MB/s   ${(typhonMs / nodeMs).toFixed(2).padStart(6)}x`);
}

console.log(`${"".padEnd(28)} ${"Typhon".padStart(13)} ${"Node (C)".padStart(13)}   ratio`);

// Inflate: the whole stdlib zip, member by member (what zipimport does).
const zip = new ZipArchive(zipBytes);
const members = zip.names().map((n) => zip.entries.get(n)!).filter((e) => e.method === 8);
let inflated = 0;
for (const e of members) inflated += e.size;
const raws = members.map((e) => {
  const p = e.localHeaderOffset;
  const view = new DataView(zipBytes.buffer, zipBytes.byteOffset);
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  return zipBytes.subarray(start, start + e.compressedSize);
});
row(`inflate stdlib zip (${members.length})`, inflated,
  time(5, () => { for (const e of members) zip.read(e.name); }),
  time(5, () => { for (const r of raws) nodeZlib.inflateRawSync(r); }));

// Deflate: a 4 MB slice of the stdlib's text.
const corpusParts: Uint8Array[] = [];
let size = 0;
for (const e of members) {
  if (size >= 4_000_000) break;
  const d = zip.read(e.name);
  corpusParts.push(d);
  size += d.length;
}
const corpus = new Uint8Array(size);
let pos = 0;
for (const p of corpusParts) corpus.set(p, pos), (pos += p.length);
for (const level of [1, 6, 9]) {
  const ours = compress(corpus, level);
  const theirs = nodeZlib.deflateSync(corpus, { level });
  const same = Buffer.from(ours).equals(theirs) ? "same bytes" : `differs (${ours.length} vs ${theirs.length})`;
  row(`deflate level ${level}`, corpus.length, time(2, () => compress(corpus, level)), time(2, () => nodeZlib.deflateSync(corpus, { level })));
  console.log(`${"".padEnd(28)} output vs Node's zlib ${process.versions.zlib}: ${same}`);
}

const nodeCrc = (nodeZlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
row("crc32", corpus.length, time(5, () => crc32(0, corpus)), nodeCrc ? time(5, () => nodeCrc(corpus)) : NaN);
row("adler32", corpus.length, time(5, () => adler32(1, corpus)), NaN);

// Hashes over 4 MB.
const nodeNames: Partial<Record<HashName, string>> = {
  md5: "md5", sha1: "sha1", sha224: "sha224", sha256: "sha256", sha384: "sha384", sha512: "sha512", sha3_224: "sha3-224",
  sha3_256: "sha3-256", sha3_384: "sha3-384", sha3_512: "sha3-512", shake_128: "shake128", shake_256: "shake256",
  blake2b: "blake2b512", blake2s: "blake2s256",
};
for (const name of Object.keys(constructors) as HashName[]) {
  const f = constructors[name];
  const nn = nodeNames[name]!;
  const ours = f(corpus).hexdigest(32);
  const theirs = createHash(nn, nn.startsWith("shake") ? { outputLength: 32 } : {}).update(corpus).digest("hex");
  if (!name.startsWith("shake") && ours !== theirs) throw new Error(`${name} digest differs from Node's`);
  row(name, corpus.length, time(3, () => f(corpus).digest(32)), time(3, () => createHash(nn).update(corpus).digest()));
}
