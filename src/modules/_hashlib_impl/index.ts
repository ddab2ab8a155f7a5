// The native hash constructors behind hashlib (CPython's _md5, _sha1, _sha2, _sha3, _blake2), by hashlib name.
// hashlib.py falls back on these when OpenSSL's _hashlib is absent, as it is in Typhon. See docs/modules.md.
import { Blake2b, Blake2s, type Blake2Params } from "./blake2module.js";
import type { HashObject } from "./hash.js";
import { MD5 } from "./md5module.js";
import { SHA1 } from "./sha1module.js";
import { sha224, sha256, sha384, sha512 } from "./sha2module.js";
import { sha3_224, sha3_256, sha3_384, sha3_512, shake_128, shake_256 } from "./sha3module.js";

export type { HashObject } from "./hash.js";
export type { Blake2Params } from "./blake2module.js";
export { Blake2ArgumentError } from "./blake2module.js";

export const constructors = {
  md5: (d?: Uint8Array): HashObject => new MD5(d),
  sha1: (d?: Uint8Array): HashObject => new SHA1(d),
  sha224, sha256, sha384, sha512,
  sha3_224, sha3_256, sha3_384, sha3_512, shake_128, shake_256,
  blake2b: (d?: Uint8Array, p?: Blake2Params): HashObject => new Blake2b(p, d),
  blake2s: (d?: Uint8Array, p?: Blake2Params): HashObject => new Blake2s(p, d),
} as const;

export type HashName = keyof typeof constructors;

/** hashlib.algorithms_guaranteed, in CPython's set order is irrelevant: callers sort. */
export const algorithms_guaranteed: readonly HashName[] = Object.keys(constructors) as HashName[];

export function newHash(name: string, data?: Uint8Array): HashObject | null {
  const key = name.toLowerCase().replace(/-/g, "_") as HashName;
  const f = constructors[key];
  return f ? f(data) : null;
}
