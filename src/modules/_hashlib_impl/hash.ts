// The interface every native hash object offers hashlib (name, digest_size, block_size, update, digest, copy),
// and the block buffering shared by MD5, SHA-1 and SHA-2 (Merkle-Damgard with a length suffix).
// CPython: Modules/md5module.c, sha1module.c, sha2module.c (HACL* cores). See docs/modules.md.

export interface HashObject {
  readonly name: string;
  readonly digest_size: number;
  readonly block_size: number;
  update(data: Uint8Array): void;
  /** For SHAKE the length is required (CPython's shake.digest(length)); others ignore it. */
  digest(length?: number): Uint8Array;
  hexdigest(length?: number): string;
  copy(): HashObject;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function toHex(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) s += HEX[b[i]!]!;
  return s;
}

/** Buffering for 64- or 128-byte block hashes; subclasses compress whole blocks and lay out the padding. */
export abstract class BlockHash implements HashObject {
  abstract readonly name: string;
  abstract readonly digest_size: number;
  readonly block_size: number;
  protected buf: Uint8Array;
  protected buflen: number;
  /** Total bytes hashed (exact up to 2^53). */
  protected total: number;

  constructor(block_size: number) {
    this.block_size = block_size;
    this.buf = new Uint8Array(block_size);
    this.buflen = 0;
    this.total = 0;
  }

  protected abstract compress(block: Uint8Array, offset: number): void;
  protected abstract output(): Uint8Array;
  protected abstract cloneState(): BlockHash;
  /** MD5 stores the bit length little-endian; the SHA family big-endian. */
  protected abstract readonly littleEndianLength: boolean;
  /** Width of the length field in bytes: 8 (MD5, SHA-1, SHA-256) or 16 (SHA-512). */
  protected abstract readonly lengthBytes: number;

  update(data: Uint8Array): void {
    let i = 0;
    const n = data.length;
    this.total += n;
    const bs = this.block_size;
    if (this.buflen) {
      const take = Math.min(bs - this.buflen, n);
      this.buf.set(data.subarray(0, take), this.buflen);
      this.buflen += take;
      i = take;
      if (this.buflen < bs) return;
      this.compress(this.buf, 0);
      this.buflen = 0;
    }
    for (; i + bs <= n; i += bs) this.compress(data, i);
    if (i < n) {
      this.buf.set(data.subarray(i), 0);
      this.buflen = n - i;
    }
  }

  digest(): Uint8Array {
    const c = this.cloneState();
    const bs = c.block_size;
    const bits = c.total * 8;
    const pad = new Uint8Array((c.buflen + 1 + c.lengthBytes <= bs ? bs : 2 * bs) - c.buflen);
    pad[0] = 0x80;
    const hi = Math.floor(bits / 0x100000000);
    const lo = bits >>> 0;
    const p = pad.length;
    for (let k = 0; k < 4; k++) {
      if (c.littleEndianLength) {
        pad[p - 8 + k] = (lo >>> (8 * k)) & 0xff;
        pad[p - 4 + k] = (hi >>> (8 * k)) & 0xff;
      } else {
        pad[p - 1 - k] = (lo >>> (8 * k)) & 0xff;
        pad[p - 5 - k] = (hi >>> (8 * k)) & 0xff;
      }
    }
    c.update(pad);
    return c.output();
  }

  hexdigest(): string {
    return toHex(this.digest());
  }

  copy(): HashObject {
    return this.cloneState();
  }

  protected copyBufferInto(o: BlockHash): void {
    o.buf.set(this.buf);
    o.buflen = this.buflen;
    o.total = this.total;
  }
}
