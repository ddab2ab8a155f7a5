// The z_stream record and the return codes shared by deflate and inflate (zlib's zlib.h and zutil.h).
// CPython links the zlib library (1.2.13 here); Typhon implements it in this folder. See docs/modules.md.

export const Z_NO_FLUSH = 0;
export const Z_PARTIAL_FLUSH = 1;
export const Z_SYNC_FLUSH = 2;
export const Z_FULL_FLUSH = 3;
export const Z_FINISH = 4;
export const Z_BLOCK = 5;
export const Z_TREES = 6;

export const Z_OK = 0;
export const Z_STREAM_END = 1;
export const Z_NEED_DICT = 2;
export const Z_ERRNO = -1;
export const Z_STREAM_ERROR = -2;
export const Z_DATA_ERROR = -3;
export const Z_MEM_ERROR = -4;
export const Z_BUF_ERROR = -5;
export const Z_VERSION_ERROR = -6;

export const Z_NO_COMPRESSION = 0;
export const Z_BEST_SPEED = 1;
export const Z_BEST_COMPRESSION = 9;
export const Z_DEFAULT_COMPRESSION = -1;

export const Z_FILTERED = 1;
export const Z_HUFFMAN_ONLY = 2;
export const Z_RLE = 3;
export const Z_FIXED = 4;
export const Z_DEFAULT_STRATEGY = 0;

export const Z_BINARY = 0;
export const Z_TEXT = 1;
export const Z_UNKNOWN = 2;

export const Z_DEFLATED = 8;
export const MAX_WBITS = 15;
export const MAX_MEM_LEVEL = 9;
export const DEF_MEM_LEVEL = 8;

export const ZLIB_VERSION = "1.2.13";

/** zlib's z_stream: input and output are windows (array, index, count) into caller-owned byte arrays. */
export class ZStream {
  next_in: Uint8Array;
  next_in_index: number;
  avail_in: number;
  total_in: number;
  next_out: Uint8Array;
  next_out_index: number;
  avail_out: number;
  total_out: number;
  msg: string | null;
  adler: number;
  data_type: number;
  constructor() {
    this.next_in = EMPTY;
    this.next_in_index = 0;
    this.avail_in = 0;
    this.total_in = 0;
    this.next_out = EMPTY;
    this.next_out_index = 0;
    this.avail_out = 0;
    this.total_out = 0;
    this.msg = null;
    this.adler = 0;
    this.data_type = Z_UNKNOWN;
  }
}

export const EMPTY = new Uint8Array(0);
