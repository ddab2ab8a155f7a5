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

/** A member's name: ASCII names (nearly all) without a decoder call, else UTF-8 (flag bit 11) or code page 437. */
function decodeName(data: Uint8Array, start: number, len: number, isUtf8: boolean): string {
  const end = start + len;
  for (let i = start; i < end; i++) {
    if (data[i]! >= 0x80) {
      const raw = data.subarray(start, end);
      return isUtf8 ? utf8.decode(raw) : decodeCp437(raw);
    }
  }
  // Why the cast: String.fromCharCode takes the bytes' array-like as its argument list.
  return String.fromCharCode.apply(null, data.subarray(start, end) as unknown as number[]);
}

export class ZipArchive {
  readonly data: Uint8Array;
  readonly path: string;
  /** The members by name; a member's header is parsed when it is first asked for (entry()). */
  readonly entries: ZipEntries;
  /** Member name -> offset of its central directory header. */
  readonly offsets: Map<string, number>;
  private readonly parsed: Map<string, ZipEntry>;
  private readonly view: DataView;
  private arcOffset: number;

  constructor(data: Uint8Array, path = "<zip>") {
    this.data = data;
    this.path = path;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.offsets = new Map();
    this.entries = new ZipEntries(this);
    this.parsed = new Map();
    this.arcOffset = 0;
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
    this.arcOffset = arcOffset;
    // One pass over the headers keeps each name and where its header starts; the other fields are parsed when a
    // member is first asked for (entry()): an import touches a few dozen of the zip's ~1000 members.
    const data = this.data;
    let p = headerOffset + arcOffset;
    for (let i = 0; i < count; i++) {
      if (p < 0 || p + 46 > n) throw new ZipError(`EOF read where not expected`);
      if (data[p] !== 0x50 || data[p + 1] !== 0x4b || data[p + 2] !== 0x01 || data[p + 3] !== 0x02) {
        throw new ZipError(`bad central directory: ${this.path}`);
      }
      const nameLen = data[p + 28]! | (data[p + 29]! << 8);
      const end = p + 46 + nameLen + (data[p + 30]! | (data[p + 31]! << 8)) + (data[p + 32]! | (data[p + 33]! << 8));
      if (end > n) throw new ZipError(`EOF read where not expected`);
      this.offsets.set(decodeName(data, p + 46, nameLen, (data[p + 9]! & 0x08) !== 0), p);
      p = end;
    }
  }

  /** The central directory's facts about a member, parsed at its first use; undefined if there is no such member. */
  entry(name: string): ZipEntry | undefined {
    let e = this.parsed.get(name);
    if (e !== undefined) return e;
    const p = this.offsets.get(name);
    if (p === undefined) return undefined;
    e = this.parseHeader(name, p);
    this.parsed.set(name, e);
    return e;
  }

  private parseHeader(name: string, p: number): ZipEntry {
    const flags = this.u16(p + 8);
    const method = this.u16(p + 10);
    const dosTime = this.u16(p + 12);
    const dosDate = this.u16(p + 14);
    const crc = this.u32(p + 16);
    let compressedSize = this.u32(p + 20);
    let size = this.u32(p + 24);
    const nameLen = this.u16(p + 28);
    const extraLen = this.u16(p + 30);
    const externalAttr = this.u32(p + 38);
    let localHeaderOffset = this.u32(p + 42);
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
    return restoreEntry({
      name, method, flags, crc, compressedSize, size, localHeaderOffset: localHeaderOffset + this.arcOffset, dosTime, dosDate,
      externalAttr,
    });
  }

  names(): string[] {
    return [...this.offsets.keys()];
  }

  has(name: string): boolean {
    return this.offsets.has(name);
  }

  /** The member's bytes, inflated if needed and checked against the central directory's size and CRC-32. */
  read(name: string): Uint8Array {
    const e = this.entry(name);
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

/** A read-only map view of the members (the part of Map's interface callers use), parsing headers on demand. */
export class ZipEntries {
  private readonly zip: ZipArchive;
  constructor(zip: ZipArchive) {
    this.zip = zip;
  }
  get size(): number {
    return this.zip.offsets.size;
  }
  has(name: string): boolean {
    return this.zip.offsets.has(name);
  }
  get(name: string): ZipEntry | undefined {
    return this.zip.entry(name);
  }
  keys(): IterableIterator<string> {
    return this.zip.offsets.keys();
  }
  *values(): IterableIterator<ZipEntry> {
    for (const name of this.zip.offsets.keys()) yield this.zip.entry(name)!;
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
