// A ZIP archive reader over bytes (central directory, stored and deflated members, zip64), the format side of
// CPython's Lib/zipimport.py (_read_directory, _get_data); Typhon reads the stdlib from pyodide's
// python_stdlib.zip through it. It never touches the host: callers pass the archive's bytes. See docs/modules.md.
import { crc32 } from "../modules/zlib/crc32.js";
import { inflate, inflateEnd, inflateInit2 } from "../modules/zlib/inflate.js";
import { ZStream, Z_FINISH, Z_STREAM_END } from "../modules/zlib/zutil.js";
import { restoreEntry, restoreText, storedFacts } from "./stdlib_restore.js";

/** zipimport.ZipImportError's role; messages follow zipimport.py where it has one. */
export class ZipError extends Error {}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly externalAttr: number;
}

const END_CENTRAL_DIR_SIZE = 22;
const END_CENTRAL_DIR_SIZE_64 = 56;
const END_CENTRAL_DIR_LOCATOR_SIZE_64 = 20;
const MAX_COMMENT_LEN = (1 << 16) - 1;
const STRING_END_ARCHIVE = 0x06054b50;
const STRING_END_LOCATOR_64 = 0x07064b50;
const STRING_END_ARCHIVE_64 = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Code page 437, bytes 0x80-0xff: zip names without the UTF-8 flag (bit 11) use it (zipimport's cp437_table). */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀" +
  "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

function decodeCp437(b: Uint8Array): string {
  let s = "";
  for (const c of b) s += c < 0x80 ? String.fromCharCode(c) : CP437_HIGH[c - 0x80]!;
  return s;
}

const utf8 = new TextDecoder("utf-8", { fatal: false });

export class ZipArchive {
  readonly data: Uint8Array;
  readonly path: string;
  readonly entries: Map<string, ZipEntry>;
  private readonly view: DataView;

  constructor(data: Uint8Array, path = "<zip>") {
    this.data = data;
    this.path = path;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.entries = new Map();
    this.readDirectory();
  }

  private check(p: number, k: number): void {
    if (p < 0 || p + k > this.data.length) throw new ZipError("EOF read where not expected");
  }
  private u16(p: number): number {
    this.check(p, 2);
    return this.view.getUint16(p, true);
  }
  private u32(p: number): number {
    this.check(p, 4);
    return this.view.getUint32(p, true);
  }
  private u64(p: number): number {
    this.check(p, 8);
    const v = this.view.getBigUint64(p, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError(`bad zip64 value: ${this.path}`);
    return Number(v);
  }

  /** Find the end-of-central-directory record (zipimport's _read_directory), then parse every header. */
  private readDirectory(): void {
    const n = this.data.length;
    if (n < END_CENTRAL_DIR_SIZE) throw new ZipError(`not a Zip file: ${this.path}`);
    let eocd = -1;
    const lowest = Math.max(0, n - END_CENTRAL_DIR_SIZE - MAX_COMMENT_LEN);
    for (let p = n - END_CENTRAL_DIR_SIZE; p >= lowest; p--) {
      if (this.u32(p) === STRING_END_ARCHIVE && p + END_CENTRAL_DIR_SIZE + this.u16(p + 20) <= n) {
        eocd = p;
        break;
      }
    }
    if (eocd < 0) throw new ZipError(`not a Zip file: ${this.path}`);
    let count = this.u16(eocd + 10);
    let headerSize = this.u32(eocd + 12);
    let headerOffset = this.u32(eocd + 16);
    let eocdStart = eocd;
    const loc = eocd - END_CENTRAL_DIR_LOCATOR_SIZE_64;
    if (loc >= 0 && this.u32(loc) === STRING_END_LOCATOR_64) {
      const z64 = loc - END_CENTRAL_DIR_SIZE_64;
      if (z64 < 0 || this.u32(z64) !== STRING_END_ARCHIVE_64) throw new ZipError(`corrupt Zip64 file: ${this.path}`);
      count = this.u64(z64 + 32);
      headerSize = this.u64(z64 + 40);
      headerOffset = this.u64(z64 + 48);
      eocdStart = z64;
    }
    if (eocdStart < headerSize) throw new ZipError(`bad central directory size: ${this.path}`);
    if (eocdStart < headerOffset) throw new ZipError(`bad central directory offset: ${this.path}`);
    // Archives with a prefix (self-extracting) shift every offset by the prefix length.
    const arcOffset = eocdStart - headerSize - headerOffset;
    let p = headerOffset + arcOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > n) throw new ZipError(`EOF read where not expected`);
      if (this.u32(p) !== CENTRAL_HEADER) throw new ZipError(`bad central directory: ${this.path}`);
      const flags = this.u16(p + 8);
      const method = this.u16(p + 10);
      const dosTime = this.u16(p + 12);
      const dosDate = this.u16(p + 14);
      const crc = this.u32(p + 16);
      let compressedSize = this.u32(p + 20);
      let size = this.u32(p + 24);
      const nameLen = this.u16(p + 28);
      const extraLen = this.u16(p + 30);
      const commentLen = this.u16(p + 32);
      const externalAttr = this.u32(p + 38);
      let localHeaderOffset = this.u32(p + 42);
      const end = p + 46 + nameLen + extraLen + commentLen;
      if (end > n) throw new ZipError(`EOF read where not expected`);
      const rawName = this.data.subarray(p + 46, p + 46 + nameLen);
      const name = flags & 0x800 ? utf8.decode(rawName) : decodeCp437(rawName);
      // Zip64 extended information (header id 1): the 64-bit values of the fields that hold 0xffffffff.
      if (compressedSize === 0xffffffff || size === 0xffffffff || localHeaderOffset === 0xffffffff) {
        let q = p + 46 + nameLen;
        const qEnd = q + extraLen;
        while (q + 4 <= qEnd) {
          const id = this.u16(q);
          const len = this.u16(q + 2);
          if (id === 1) {
            let r = q + 4;
            if (size === 0xffffffff) (size = this.u64(r)), (r += 8);
            if (compressedSize === 0xffffffff) (compressedSize = this.u64(r)), (r += 8);
            if (localHeaderOffset === 0xffffffff) localHeaderOffset = this.u64(r);
            break;
          }
          q += 4 + len;
        }
      }
      // restoreEntry: pyodide's patched members read as CPython's text (stdlib_restore.ts).
      this.entries.set(name, restoreEntry({
        name, method, flags, crc, compressedSize, size, localHeaderOffset: localHeaderOffset + arcOffset, dosTime, dosDate, externalAttr,
      }));
      p = end;
    }
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The member's bytes, inflated if needed and checked against the central directory's size and CRC-32. */
  read(name: string): Uint8Array {
    const e = this.entries.get(name);
    if (!e) throw new ZipError(`There is no item named '${name}' in the archive`);
    const p = e.localHeaderOffset;
    if (p + 30 > this.data.length || this.u32(p) !== LOCAL_HEADER) throw new ZipError(`bad local file header: ${this.path}`);
    const start = p + 30 + this.u16(p + 26) + this.u16(p + 28);
    const raw = this.data.subarray(start, start + e.compressedSize);
    if (raw.length !== e.compressedSize) throw new ZipError(`zipimport: can't read data`);
    if (e.flags & 1) throw new ZipError(`encrypted member: ${name}`);
    let out: Uint8Array;
    const stored = storedFacts(e);
    if (e.method === 0) out = raw;
    else if (e.method === 8) out = inflateRaw(raw, stored.size, name);
    else throw new ZipError(`can't decompress data (method ${e.method}): ${name}`);
    if (out.length !== stored.size) throw new ZipError(`bad size for ${name}`);
    if (crc32(0, out) !== stored.crc) throw new ZipError(`bad CRC-32 for ${name}`);
    return restoreText(e, out);
  }

  readText(name: string): string {
    return utf8.decode(this.read(name));
  }
}

/** Raw DEFLATE into an output of the promised size, in one inflate call. */
function inflateRaw(raw: Uint8Array, size: number, name: string): Uint8Array {
  const zst = new ZStream();
  inflateInit2(zst, -15);
  const out = new Uint8Array(size);
  zst.next_in = raw;
  zst.next_in_index = 0;
  zst.avail_in = raw.length;
  zst.next_out = out;
  zst.next_out_index = 0;
  zst.avail_out = size;
  let ret = inflate(zst, Z_FINISH);
  let produced = zst.next_out_index;
  if (ret !== Z_STREAM_END && zst.avail_out === 0) {
    // The output is full but the end of the stream was not seen yet: one spare byte tells the two apart.
    zst.next_out = new Uint8Array(1);
    zst.next_out_index = 0;
    zst.avail_out = 1;
    ret = inflate(zst, Z_FINISH);
    if (zst.avail_out === 0) produced = size + 1;
  }
  inflateEnd(zst);
  if (ret !== Z_STREAM_END) throw new ZipError(`can't decompress ${name}: ${zst.msg ?? "incomplete or truncated stream"}`);
  if (produced !== size) throw new ZipError(`bad size for ${name}`);
  return out;
}
