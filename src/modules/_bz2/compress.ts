// The bzip2 1.0.8 block compressor (libbzip2's compress.c, blocksort.c, huffman.c, bzlib.c's stream framing).
// See docs/modules.md.
export class Bz2Encoder {
  readonly level: number;
  constructor(level: number) {
    this.level = level;
  }
  compress(_data: Uint8Array): Uint8Array {
    throw new Error("bz2 compression is not written yet");
  }
  finish(): Uint8Array {
    throw new Error("bz2 compression is not written yet");
  }
}
