// The algorithm side of CPython's zlib module (Modules/zlibmodule.c) over Uint8Array: compress, decompress,
// Compress and Decompress objects, driving deflate/inflate with CPython's own output-buffer growth so results
// (including level-0 stored block sizes) equal CPython's. Python bindings wrap these. See docs/modules.md.
import {
  deflate, deflateCopy, deflateEnd, deflateInit2, deflateSetDictionary,
} from "./deflate.js";
import { inflate, inflateCopy, inflateEnd, inflateInit2, inflateSetDictionary } from "./inflate.js";
import {
  DEF_MEM_LEVEL, MAX_WBITS, ZStream, Z_BUF_ERROR, Z_DATA_ERROR, Z_DEFAULT_COMPRESSION, Z_DEFAULT_STRATEGY, Z_DEFLATED,
  Z_FINISH, Z_MEM_ERROR, Z_NEED_DICT, Z_NO_FLUSH, Z_OK, Z_STREAM_END, Z_STREAM_ERROR, Z_SYNC_FLUSH,
} from "./zutil.js";

export const DEF_BUF_SIZE = 16 * 1024;

/** The exception CPython raises; `kind` names the Python class (zlib.error, ValueError, ...). */
export class ZlibModuleError extends Error {
  readonly kind: "error" | "ValueError" | "MemoryError" | "OverflowError" | "TypeError";
  constructor(kind: ZlibModuleError["kind"], message: string) {
    super(message);
    this.kind = kind;
  }
}

/** zlib_error: "Error <code> <doing>: <zlib's message>". */
function zlib_error(zst: ZStream, err: number, msg: string): ZlibModuleError {
  let zmsg: string | null = zst.msg;
  if (zmsg === null) {
    if (err === Z_BUF_ERROR) zmsg = "incomplete or truncated stream";
    else if (err === Z_STREAM_ERROR) zmsg = "inconsistent stream state";
    else if (err === Z_DATA_ERROR) zmsg = "invalid input data";
  }
  return new ZlibModuleError("error", zmsg === null ? `Error ${err} ${msg}` : `Error ${err} ${msg}: ${zmsg.slice(0, 200)}`);
}

const KB = 1024;
const MB = 1024 * 1024;
/** pycore_blocks_output_buffer.h's BUFFER_BLOCK_SIZE: the sizes of successive output blocks. */
const BUFFER_BLOCK_SIZE = [32 * KB, 64 * KB, 256 * KB, 1 * MB, 4 * MB, 8 * MB, 16 * MB, 16 * MB, 32 * MB, 32 * MB,
  32 * MB, 32 * MB, 64 * MB, 64 * MB, 128 * MB, 128 * MB, 256 * MB] as const;

/** _BlocksOutputBuffer: output grows by blocks whose sizes decide how much zlib sees as avail_out. */
class OutputBuffer {
  blocks: Uint8Array[];
  allocated: number;
  max_length: number;
  constructor() {
    this.blocks = [];
    this.allocated = 0;
    this.max_length = -1;
  }
  initAndGrow(zst: ZStream, max_length: number): void {
    const size = max_length >= 0 && max_length < BUFFER_BLOCK_SIZE[0] ? max_length : BUFFER_BLOCK_SIZE[0];
    this.pushBlock(zst, size);
    this.max_length = max_length;
  }
  initWithSize(zst: ZStream, size: number): void {
    this.pushBlock(zst, size);
  }
  grow(zst: ZStream): void {
    const n = this.blocks.length;
    let size: number = BUFFER_BLOCK_SIZE[Math.min(n, BUFFER_BLOCK_SIZE.length - 1)]!;
    if (this.max_length >= 0) size = Math.min(size, this.max_length - this.allocated);
    this.pushBlock(zst, size);
  }
  dataSize(zst: ZStream): number {
    return this.allocated - zst.avail_out;
  }
  private pushBlock(zst: ZStream, size: number): void {
    // Blocks are allocated lazily: a size-0 block is allowed (max_length reached), as in CPython.
    const b = new Uint8Array(size);
    this.blocks.push(b);
    this.allocated += size;
    zst.next_out = b;
    zst.next_out_index = 0;
    zst.avail_out = size;
  }
  finish(zst: ZStream): Uint8Array {
    const total = this.allocated - zst.avail_out;
    if (this.blocks.length === 1) return this.blocks[0]!.slice(0, total);
    const out = new Uint8Array(total);
    let pos = 0;
    for (const b of this.blocks) {
      const n = Math.min(b.length, total - pos);
      out.set(b.subarray(0, n), pos);
      pos += n;
    }
    return out;
  }
}

function setInput(zst: ZStream, data: Uint8Array): void {
  zst.next_in = data;
  zst.next_in_index = 0;
  zst.avail_in = data.length;
}

/** zlib.compress(data, /, level=-1, wbits=15). */
export function compress(data: Uint8Array, level: number = Z_DEFAULT_COMPRESSION, wbits: number = MAX_WBITS): Uint8Array {
  const zst = new ZStream();
  const buffer = new OutputBuffer();
  buffer.initAndGrow(zst, -1);
  let err = deflateInit2(zst, level, Z_DEFLATED, wbits, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY);
  if (err === Z_MEM_ERROR) throw new ZlibModuleError("MemoryError", "Out of memory while compressing data");
  if (err === Z_STREAM_ERROR) throw new ZlibModuleError("error", "Bad compression level");
  setInput(zst, data);
  do {
    if (zst.avail_out === 0) buffer.grow(zst);
    err = deflate(zst, Z_FINISH);
    if (err === Z_STREAM_ERROR) {
      deflateEnd(zst);
      throw zlib_error(zst, err, "while compressing data");
    }
  } while (zst.avail_out === 0);
  err = deflateEnd(zst);
  if (err !== Z_OK) throw zlib_error(zst, err, "while finishing compression");
  return buffer.finish(zst);
}

/** zlib.decompress(data, /, wbits=15, bufsize=16384). */
export function decompress(data: Uint8Array, wbits: number = MAX_WBITS, bufsize: number = DEF_BUF_SIZE): Uint8Array {
  if (bufsize < 0) throw new ZlibModuleError("ValueError", "bufsize must be non-negative");
  if (bufsize === 0) bufsize = 1;
  const zst = new ZStream();
  const buffer = new OutputBuffer();
  buffer.initWithSize(zst, bufsize);
  let err = inflateInit2(zst, wbits);
  if (err !== Z_OK) {
    if (err === Z_MEM_ERROR) throw new ZlibModuleError("MemoryError", "Out of memory while decompressing data");
    inflateEnd(zst);
    throw zlib_error(zst, err, "while preparing to decompress data");
  }
  setInput(zst, data);
  do {
    if (zst.avail_out === 0) buffer.grow(zst);
    err = inflate(zst, Z_FINISH);
    if (err !== Z_OK && err !== Z_BUF_ERROR && err !== Z_STREAM_END) {
      inflateEnd(zst);
      if (err === Z_MEM_ERROR) throw new ZlibModuleError("MemoryError", "Out of memory while decompressing data");
      throw zlib_error(zst, err, "while decompressing data");
    }
  } while (zst.avail_out === 0);
  if (err !== Z_STREAM_END) {
    inflateEnd(zst);
    throw zlib_error(zst, err, "while decompressing data");
  }
  inflateEnd(zst);
  return buffer.finish(zst);
}

/** zlib.Compress (what compressobj returns). */
export class Compress {
  zst: ZStream;
  is_initialised: boolean;
  constructor(zst: ZStream) {
    this.zst = zst;
    this.is_initialised = true;
  }

  compress(data: Uint8Array): Uint8Array {
    const zst = this.zst;
    this.checkInitialised("while compressing data");
    setInput(zst, data);
    const buffer = new OutputBuffer();
    buffer.initAndGrow(zst, -1);
    do {
      if (zst.avail_out === 0) buffer.grow(zst);
      const err = deflate(zst, Z_NO_FLUSH);
      if (err === Z_STREAM_ERROR) throw zlib_error(zst, err, "while compressing data");
    } while (zst.avail_out === 0);
    return buffer.finish(zst);
  }

  flush(mode: number = Z_FINISH): Uint8Array {
    if (mode === Z_NO_FLUSH) return new Uint8Array(0);
    const zst = this.zst;
    this.checkInitialised("while flushing");
    zst.avail_in = 0;
    const buffer = new OutputBuffer();
    buffer.initAndGrow(zst, -1);
    let err: number;
    do {
      if (zst.avail_out === 0) buffer.grow(zst);
      err = deflate(zst, mode);
      if (err === Z_STREAM_ERROR) throw zlib_error(zst, err, "while flushing");
    } while (zst.avail_out === 0);
    if (err === Z_STREAM_END && mode === Z_FINISH) {
      err = deflateEnd(zst);
      if (err !== Z_OK) throw zlib_error(zst, err, "while finishing compression");
      this.is_initialised = false;
    } else if (err !== Z_OK && err !== Z_BUF_ERROR) {
      throw zlib_error(zst, err, "while flushing");
    }
    return buffer.finish(zst);
  }

  copy(): Compress {
    if (!this.is_initialised) throw new ZlibModuleError("ValueError", "Inconsistent stream state");
    const dest = new ZStream();
    const err = deflateCopy(dest, this.zst);
    if (err !== Z_OK) throw zlib_error(this.zst, err, "while copying compression object");
    return new Compress(dest);
  }

  private checkInitialised(doing: string): void {
    // After flush(Z_FINISH) CPython has called deflateEnd; zlib then answers Z_STREAM_ERROR.
    if (!this.is_initialised) throw zlib_error(this.zst, Z_STREAM_ERROR, doing);
  }
}

/** zlib.compressobj(level=-1, method=8, wbits=15, memLevel=8, strategy=0, zdict=None). */
export function compressobj(level: number = Z_DEFAULT_COMPRESSION, method: number = Z_DEFLATED, wbits: number = MAX_WBITS,
    memLevel: number = DEF_MEM_LEVEL, strategy: number = Z_DEFAULT_STRATEGY, zdict: Uint8Array | null = null): Compress {
  const zst = new ZStream();
  const err = deflateInit2(zst, level, method, wbits, memLevel, strategy);
  if (err === Z_MEM_ERROR) throw new ZlibModuleError("MemoryError", "Can't allocate memory for compression object");
  if (err === Z_STREAM_ERROR) throw new ZlibModuleError("ValueError", "Invalid initialization option");
  if (err !== Z_OK) throw zlib_error(zst, err, "while creating compression object");
  if (zdict !== null) {
    const e = deflateSetDictionary(zst, zdict);
    if (e === Z_STREAM_ERROR) throw new ZlibModuleError("ValueError", "Invalid dictionary");
    if (e !== Z_OK) throw new ZlibModuleError("ValueError", "deflateSetDictionary()");
  }
  return new Compress(zst);
}

/** zlib.Decompress (what decompressobj returns): unused_data, unconsumed_tail and eof as CPython keeps them. */
export class Decompress {
  zst: ZStream;
  unused_data: Uint8Array;
  unconsumed_tail: Uint8Array;
  eof: boolean;
  zdict: Uint8Array | null;
  is_initialised: boolean;
  constructor(zst: ZStream, zdict: Uint8Array | null) {
    this.zst = zst;
    this.unused_data = new Uint8Array(0);
    this.unconsumed_tail = new Uint8Array(0);
    this.eof = false;
    this.zdict = zdict;
    this.is_initialised = true;
  }

  private setZdict(): void {
    const err = inflateSetDictionary(this.zst, this.zdict!);
    if (err !== Z_OK) throw zlib_error(this.zst, err, "while setting zdict");
  }

  /** save_unconsumed_input */
  private saveUnconsumed(data: Uint8Array, err: number): void {
    const zst = this.zst;
    if (err === Z_STREAM_END && zst.avail_in > 0) {
      const left = data.subarray(zst.next_in_index);
      const joined = new Uint8Array(this.unused_data.length + left.length);
      joined.set(this.unused_data);
      joined.set(left, this.unused_data.length);
      this.unused_data = joined;
      zst.avail_in = 0;
    }
    if (zst.avail_in > 0 || this.unconsumed_tail.length) this.unconsumed_tail = data.slice(zst.next_in_index);
  }

  decompress(data: Uint8Array, max_length = 0): Uint8Array {
    if (max_length < 0) throw new ZlibModuleError("ValueError", "max_length must be non-negative");
    if (max_length === 0) max_length = -1;
    const zst = this.zst;
    setInput(zst, data);
    const buffer = new OutputBuffer();
    buffer.initAndGrow(zst, max_length);
    let err = Z_OK;
    save: do {
      if (zst.avail_out === 0) {
        if (buffer.dataSize(zst) === max_length) break save;
        buffer.grow(zst);
      }
      err = this.is_initialised ? inflate(zst, Z_SYNC_FLUSH) : Z_STREAM_ERROR;
      if (err !== Z_OK && err !== Z_BUF_ERROR && err !== Z_STREAM_END) {
        if (err === Z_NEED_DICT && this.zdict !== null) {
          this.setZdict();
          continue;
        }
        break save;
      }
    } while (zst.avail_out === 0 || err === Z_NEED_DICT);
    this.saveUnconsumed(data, err);
    if (err === Z_STREAM_END) this.eof = true;
    else if (err !== Z_OK && err !== Z_BUF_ERROR) throw zlib_error(zst, err, "while decompressing data");
    return buffer.finish(zst);
  }

  flush(length: number = DEF_BUF_SIZE): Uint8Array {
    if (length <= 0) throw new ZlibModuleError("ValueError", "length must be greater than zero");
    const zst = this.zst;
    const data = this.unconsumed_tail;
    setInput(zst, data);
    const buffer = new OutputBuffer();
    buffer.initWithSize(zst, length);
    let err: number;
    do {
      if (zst.avail_out === 0) buffer.grow(zst);
      err = this.is_initialised ? inflate(zst, Z_FINISH) : Z_STREAM_ERROR;
    } while ((err === Z_OK || err === Z_BUF_ERROR || err === Z_STREAM_END) && zst.avail_out === 0);
    // Errors are not raised here (CPython's flush only saves the unconsumed input).
    this.saveUnconsumed(data, err);
    if (err === Z_STREAM_END) {
      this.eof = true;
      this.is_initialised = false;
      inflateEnd(zst);
    }
    return buffer.finish(zst);
  }

  copy(): Decompress {
    if (!this.is_initialised) throw new ZlibModuleError("ValueError", "Inconsistent stream state");
    const dest = new ZStream();
    const err = inflateCopy(dest, this.zst);
    if (err !== Z_OK) throw zlib_error(this.zst, err, "while copying decompression object");
    const d = new Decompress(dest, this.zdict);
    d.unused_data = this.unused_data;
    d.unconsumed_tail = this.unconsumed_tail;
    d.eof = this.eof;
    return d;
  }
}

/** zlib.decompressobj(wbits=15, zdict=b''). */
export function decompressobj(wbits: number = MAX_WBITS, zdict: Uint8Array | null = null): Decompress {
  const zst = new ZStream();
  const err = inflateInit2(zst, wbits);
  if (err === Z_STREAM_ERROR) throw new ZlibModuleError("ValueError", "Invalid initialization option");
  if (err === Z_MEM_ERROR) throw new ZlibModuleError("MemoryError", "Can't allocate memory for decompression object");
  if (err !== Z_OK) throw zlib_error(zst, err, "while creating decompression object");
  const d = new Decompress(zst, zdict);
  if (zdict !== null && wbits < 0) d["setZdict"]();
  return d;
}
