// The hash modules hashlib falls back on without OpenSSL (Modules/md5module.c, sha1module.c, sha2module.c,
// sha3module.c, blake2module.c): Python types over the cores in src/modules/_hashlib_impl. See docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, METH_NOARGS, METH_O,
  METH_FASTCALL, METH_KEYWORDS, PyUnicodeObject, type PyVal,
} from "../objects/object.js";
import { PyBytes_FromArray, PyBytesObject } from "../objects/bytesobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { longValue } from "../objects/longobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError } from "../objects/exceptions.js";
import { PyNumber_Index, PyObject_IsTrue } from "../objects/abstract.js";
import { PyObject_GetBufferData } from "../objects/memoryobject.js";
import { addressOf } from "../objects/methodobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { constructors, Blake2ArgumentError, type HashObject, type HashName, type Blake2Params } from "./_hashlib_impl/index.js";

class PyHashObject extends PyObject {
  h: HashObject;
  constructor(type: PyTypeObject, h: HashObject) {
    super(type);
    this.h = h;
  }
}

function dataArg(v: PyVal): Uint8Array {
  if (PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, "Strings must be encoded before hashing");
  if (v instanceof PyBytesObject) return v.ob_bytes;
  const b = PyObject_GetBufferData(v);
  if (b !== null) return b;
  return PyErr_Format(PyExc_TypeError, `object supporting the buffer API required`);
}

function lengthArg(v: PyVal | undefined): number {
  if (v === undefined) return PyErr_Format(PyExc_TypeError, "digest() missing required argument 'length' (pos 1)");
  const n = longValue(PyNumber_Index(v));
  if (typeof n !== "number" || n >= 2 ** 31) return PyErr_Format(PyExc_ValueError, "length is too large");
  if (n < 0) return PyErr_Format(PyExc_ValueError, "value must be positive");
  return n;
}

const types = new Map<string, PyTypeObject>();

/** One hash type: `name` is the Python type name (e.g. "_sha2.SHA256Type"), `algo` the core's constructor key. */
function hashType(typeName: string, algo: HashName, isShake: boolean, constructible: boolean): PyTypeObject {
  const t = PyType_Declare(typeName);
  PyType_FromSpecStatic({
    name: typeName,
    slots: {
      tp_repr: (s) => PyUnicode_FromString(`<${Py_TYPE(s).tp_name} object at ${addressOf(s)}>`),
      ...(constructible ? { tp_new: (tt: PyTypeObject, a: readonly PyVal[], k: readonly PyVal[] | null) => newHash(tt, algo, a, k) } : {}),
    },
    methods: [
      { name: "update", meth: (s: PyVal, d: PyVal) => { (s as PyHashObject).h.update(dataArg(d)); return Py_None; }, flags: METH_O },
      { name: "copy", meth: (s: PyVal) => new PyHashObject(Py_TYPE(s), (s as PyHashObject).h.copy()), flags: METH_NOARGS },
      isShake
        ? { name: "digest", meth: (s: PyVal, a: PyVal[], k: PyVal[] | null) => PyBytes_FromArray((s as PyHashObject).h.digest(lengthArg(parseArgs("digest", a, k, ["length"], 1, 1)[0]))), flags: METH_FASTCALL | METH_KEYWORDS }
        : { name: "digest", meth: (s: PyVal) => PyBytes_FromArray((s as PyHashObject).h.digest()), flags: METH_NOARGS },
      isShake
        ? { name: "hexdigest", meth: (s: PyVal, a: PyVal[], k: PyVal[] | null) => PyUnicode_FromString((s as PyHashObject).h.hexdigest(lengthArg(parseArgs("hexdigest", a, k, ["length"], 1, 1)[0]))), flags: METH_FASTCALL | METH_KEYWORDS }
        : { name: "hexdigest", meth: (s: PyVal) => PyUnicode_FromString((s as PyHashObject).h.hexdigest()), flags: METH_NOARGS },
    ],
    getset: [
      { name: "name", get: (s) => PyUnicode_FromString((s as PyHashObject).h.name) },
      { name: "digest_size", get: (s) => (s as PyHashObject).h.digest_size },
      { name: "block_size", get: (s) => (s as PyHashObject).h.block_size },
    ],
  }, t);
  types.set(algo, t);
  return t;
}

function newHash(type: PyTypeObject, algo: HashName, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  if (algo === "blake2b" || algo === "blake2s") return newBlake2(type, algo, args, kwnames);
  const [data, , string] = parseArgs(algo, args, kwnames, ["data", "*usedforsecurity", "*string"], 0, 1);
  if (data !== undefined && string !== undefined) {
    return PyErr_Format(PyExc_TypeError, "'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.");
  }
  const d = data ?? string;
  const f = constructors[algo] as (d?: Uint8Array) => HashObject;
  return new PyHashObject(type, f(d === undefined ? undefined : dataArg(d)));
}

function newBlake2(type: PyTypeObject, algo: "blake2b" | "blake2s", args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [data, digest_size, key, salt, person, fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node] =
    parseArgs(algo, args, kwnames, ["", "*digest_size", "*key", "*salt", "*person", "*fanout", "*depth", "*leaf_size",
      "*node_offset", "*node_depth", "*inner_size", "*last_node", "*usedforsecurity"], 0, 1);
  const num = (v: PyVal | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = longValue(PyNumber_Index(v));
    if (typeof n !== "number") return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C long");
    return n;
  };
  const p: Blake2Params = {
    digest_size: num(digest_size), key: key === undefined ? undefined : dataArg(key),
    salt: salt === undefined ? undefined : dataArg(salt), person: person === undefined ? undefined : dataArg(person),
    fanout: num(fanout), depth: num(depth), leaf_size: num(leaf_size),
    node_offset: node_offset === undefined ? undefined : BigInt(longValue(PyNumber_Index(node_offset))),
    node_depth: num(node_depth), inner_size: num(inner_size),
    last_node: last_node === undefined ? undefined : PyObject_IsTrue(last_node),
  };
  try {
    return new PyHashObject(type, constructors[algo](data === undefined ? undefined : dataArg(data), p));
  } catch (e) {
    if (e instanceof Blake2ArgumentError) return PyErr_Format(e.kind === "OverflowError" ? PyExc_OverflowError : PyExc_ValueError, e.message);
    throw e;
  }
}

const MD5Type = hashType("_md5.md5", "md5", false, false);
const SHA1Type = hashType("_sha1.sha1", "sha1", false, false);
const SHA224Type = hashType("_sha2.SHA224Type", "sha224", false, false);
const SHA256Type = hashType("_sha2.SHA256Type", "sha256", false, false);
const SHA384Type = hashType("_sha2.SHA384Type", "sha384", false, false);
const SHA512Type = hashType("_sha2.SHA512Type", "sha512", false, false);
const SHA3_224 = hashType("_sha3.sha3_224", "sha3_224", false, true);
const SHA3_256 = hashType("_sha3.sha3_256", "sha3_256", false, true);
const SHA3_384 = hashType("_sha3.sha3_384", "sha3_384", false, true);
const SHA3_512 = hashType("_sha3.sha3_512", "sha3_512", false, true);
const SHAKE_128 = hashType("_sha3.shake_128", "shake_128", true, true);
const SHAKE_256 = hashType("_sha3.shake_256", "shake_256", true, true);
const BLAKE2B = hashType("_blake2.blake2b", "blake2b", false, true);
const BLAKE2S = hashType("_blake2.blake2s", "blake2s", false, true);

function ctor(t: PyTypeObject, algo: HashName) {
  return { name: algo, meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => newHash(t, algo, a, k), flags: METH_FASTCALL | METH_KEYWORDS,
    doc: `Return a new ${algo.toUpperCase()} hash object; optionally initialized with a string.` };
}

export const md5module: PyModuleDef = {
  m_name: "_md5", m_methods: [ctor(MD5Type, "md5")], m_exec: (m) => PyModule_Add(m, "MD5Type", MD5Type),
};
export const sha1module: PyModuleDef = {
  m_name: "_sha1", m_methods: [ctor(SHA1Type, "sha1")], m_exec: (m) => PyModule_Add(m, "SHA1Type", SHA1Type),
};
export const sha2module: PyModuleDef = {
  m_name: "_sha2",
  m_methods: [ctor(SHA224Type, "sha224"), ctor(SHA256Type, "sha256"), ctor(SHA384Type, "sha384"), ctor(SHA512Type, "sha512")],
  m_exec: (m) => {
    PyModule_Add(m, "SHA224Type", SHA224Type);
    PyModule_Add(m, "SHA256Type", SHA256Type);
    PyModule_Add(m, "SHA384Type", SHA384Type);
    PyModule_Add(m, "SHA512Type", SHA512Type);
  },
};
export const sha3module: PyModuleDef = {
  m_name: "_sha3",
  m_exec: (m) => {
    for (const [n, t] of [["sha3_224", SHA3_224], ["sha3_256", SHA3_256], ["sha3_384", SHA3_384], ["sha3_512", SHA3_512],
      ["shake_128", SHAKE_128], ["shake_256", SHAKE_256]] as const) PyModule_Add(m, n, t);
    PyModule_Add(m, "implementation", PyUnicode_FromString("tiny_sha3"));
  },
};
export const blake2module: PyModuleDef = {
  m_name: "_blake2",
  m_exec: (m) => {
    PyModule_Add(m, "blake2b", BLAKE2B);
    PyModule_Add(m, "blake2s", BLAKE2S);
    for (const [k, v] of [["BLAKE2B_SALT_SIZE", 16], ["BLAKE2B_PERSON_SIZE", 16], ["BLAKE2B_MAX_KEY_SIZE", 64],
      ["BLAKE2B_MAX_DIGEST_SIZE", 64], ["BLAKE2S_SALT_SIZE", 8], ["BLAKE2S_PERSON_SIZE", 8], ["BLAKE2S_MAX_KEY_SIZE", 32],
      ["BLAKE2S_MAX_DIGEST_SIZE", 32]] as const) PyModule_Add(m, k, v);
    void PyUnicodeObject;
  },
};
