// The _random module (Modules/_randommodule.c): the Mersenne Twister MT19937 behind random.Random, seeded from
// ints of any size (init_by_array over the absolute value's 32-bit words), hashes, or the host's entropy;
// random(), getrandbits(), getstate()/setstate() with CPython's messages. See docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE, METH_NOARGS,
  METH_O, METH_FASTCALL, Py_HashHi, type PyVal,
} from "../objects/object.js";
import { PyFloat_FromDouble } from "../objects/floatobject.js";
import { PyLong_Check, PyLong_CheckExact, PyLong_FromBigInt, PyLong_Type, longValue } from "../objects/longobject.js";
import { PyTuple_New, PyTupleObject } from "../objects/tupleobject.js";
import { PyObject_Hash, PyNumber_Index, PyObject_CallOneArg, PyObject_GetAttrStr } from "../objects/abstract.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError } from "../objects/exceptions.js";
import { PyErr_Format } from "../runtime/errors.js";
import { unpackArgs } from "../runtime/getargs.js";
import { hostProc } from "../host/current.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

const N = 624, M = 397;
const MATRIX_A = 0x9908b0df, UPPER_MASK = 0x80000000, LOWER_MASK = 0x7fffffff;

export const Random_Type = PyType_Declare("_random.Random");

class RandomObject extends PyObject {
  index: number;
  readonly state: Uint32Array;
  constructor(type: PyTypeObject) {
    super(type);
    this.index = 0;
    this.state = new Uint32Array(N);
  }
}

function genrand_uint32(self: RandomObject): number {
  const mt = self.state;
  if (self.index >= N) {
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    self.index = 0;
  }
  let y = mt[self.index++];
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

function init_genrand(self: RandomObject, s: number): void {
  const mt = self.state;
  mt[0] = s;
  for (let i = 1; i < N; i++) {
    const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = Math.imul(1812433253, p) + i;
  }
  self.index = N;
}

function init_by_array(self: RandomObject, key: Uint32Array): void {
  const mt = self.state;
  init_genrand(self, 19650218);
  let i = 1, j = 0;
  for (let k = Math.max(N, key.length); k; k--) {
    const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = ((mt[i] ^ Math.imul(p, 1664525)) >>> 0) + key[j] + j;
    i++; j++;
    if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k; k--) {
    const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = ((mt[i] ^ Math.imul(p, 1566083941)) >>> 0) - i;
    i++;
    if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
  }
  mt[0] = 0x80000000;
}

/** random_seed: None -> host entropy; int -> its absolute value's words; anything else -> its hash as size_t. */
function random_seed(self: RandomObject, arg: PyVal | undefined): void {
  if (arg === undefined || arg === Py_None) {
    const b = hostProc().urandom(N * 4);
    const key = new Uint32Array(N);
    for (let i = 0; i < N; i++) key[i] = (b[4 * i] | (b[4 * i + 1] << 8) | (b[4 * i + 2] << 16) | (b[4 * i + 3] << 24)) >>> 0;
    init_by_array(self, key);
    return;
  }
  let n: bigint;
  if (PyLong_CheckExact(arg)) {
    const v = longValue(arg);
    n = typeof v === "bigint" ? v : BigInt(v);
    if (n < 0n) n = -n;
  } else if (PyLong_Check(arg)) {
    // int.__abs__ called directly: a subclass's __abs__ may return anything (bpo-31478).
    const abs = PyObject_GetAttrStr(PyLong_Type, "__abs__")!;
    const r = longValue(PyNumber_Index(PyObject_CallOneArg(abs, arg)));
    n = typeof r === "bigint" ? r : BigInt(r);
  } else {
    const lo = PyObject_Hash(arg);
    n = (BigInt(Py_HashHi[0] >>> 0) << 32n) | BigInt(lo >>> 0);
  }
  let bits = 0;
  for (let t = n; t > 0n; t >>= 1n) bits++;
  const keyused = bits === 0 ? 1 : ((bits - 1) >> 5) + 1;
  const key = new Uint32Array(keyused);
  for (let i = 0; i < keyused; i++) { key[i] = Number(n & 0xffffffffn); n >>= 32n; }
  init_by_array(self, key);
}

function self_(s: PyVal): RandomObject { return s as RandomObject; }

function random_random(s: PyVal): PyVal {
  const self = self_(s);
  const a = genrand_uint32(self) >>> 5, b = genrand_uint32(self) >>> 6;
  return PyFloat_FromDouble((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

function random_getstate(s: PyVal): PyVal {
  const self = self_(s);
  const items: PyVal[] = Array.from(self.state, (x) => x);
  items.push(self.index);
  return PyTuple_New(items);
}

function random_setstate(s: PyVal, state: PyVal): PyVal {
  const self = self_(s);
  if (!(state instanceof PyTupleObject)) return PyErr_Format(PyExc_TypeError, "state vector must be a tuple");
  const items = state.ob_item;
  if (items.length !== N + 1) return PyErr_Format(PyExc_ValueError, "state vector is the wrong size");
  const next = new Uint32Array(N);
  for (let i = 0; i < N; i++) {
    const it = items[i];
    if (!PyLong_Check(it)) return PyErr_Format(PyExc_TypeError, "an integer is required");
    const v = longValue(it);
    if (v < 0) return PyErr_Format(PyExc_OverflowError, "can't convert negative value to unsigned int");
    if (v > 0xffffffffffffffffn) return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C unsigned long");
    next[i] = Number(BigInt(v) & 0xffffffffn);
  }
  const iv = items[N];
  if (!PyLong_Check(iv)) return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(iv).tp_name}' object cannot be interpreted as an integer`);
  const index = longValue(iv);
  if (index > 9223372036854775807n || index < -9223372036854775808n) {
    return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C long");
  }
  if (index < 0 || index > N) return PyErr_Format(PyExc_ValueError, "invalid state");
  self.index = Number(index);
  self.state.set(next);
  return Py_None;
}

function random_getrandbits(s: PyVal, kArg: PyVal): PyVal {
  const self = self_(s);
  const kv = longValue(PyNumber_Index(kArg));
  if (kv > 2147483647 || kv < -2147483648) return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
  let k = Number(kv);
  if (k < 0) return PyErr_Format(PyExc_ValueError, "number of bits must be non-negative");
  if (k === 0) return 0;
  if (k <= 32) return genrand_uint32(self) >>> (32 - k);
  const words = ((k - 1) >> 5) + 1;
  // Least significant word first; the last word keeps its top k bits.
  const parts: bigint[] = new Array(words);
  for (let i = 0; i < words; i++, k -= 32) {
    let r = genrand_uint32(self);
    if (k < 32) r >>>= 32 - k;
    parts[i] = BigInt(r);
  }
  let result = 0n;
  for (let i = words - 1; i >= 0; i--) result = (result << 32n) | parts[i];
  return PyLong_FromBigInt(result);
}

PyType_FromSpecStatic({
  name: "_random.Random",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Random() -> create a random number generator with its own internal state.",
  slots: {
    tp_new: (t) => new RandomObject(t),
    tp_init: (s, a, k) => {
      const t = Py_TYPE(s);
      const nkw = k === null ? 0 : k.length;
      if ((t === Random_Type || t.tp_init === Random_Type.tp_init) && nkw > 0) {
        return PyErr_Format(PyExc_TypeError, "Random() takes no keyword arguments");
      }
      const args = a.slice(0, a.length - nkw);
      if (args.length > 1) return PyErr_Format(PyExc_TypeError, "Random() requires 0 or 1 argument");
      random_seed(self_(s), args[0]);
    },
  },
  methods: [
    { name: "random", meth: random_random, flags: METH_NOARGS, doc: "random() -> x in the interval [0, 1)." },
    { name: "seed", meth: (s: PyVal, a: PyVal[]) => {
      const [n] = unpackArgs("seed", a, 0, 1);
      random_seed(self_(s), n);
      return Py_None;
    }, flags: METH_FASTCALL, doc: "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier." },
    { name: "getstate", meth: random_getstate, flags: METH_NOARGS, doc: "getstate() -> tuple containing the current state." },
    { name: "setstate", meth: random_setstate, flags: METH_O, doc: "setstate(state) -> None.  Restores generator state." },
    { name: "getrandbits", meth: random_getrandbits, flags: METH_O, doc: "getrandbits(k) -> x.  Generates an int with k random bits." },
  ],
}, Random_Type);

export const randommodule: PyModuleDef = {
  m_name: "_random",
  m_doc: "Module implements the Mersenne Twister random number generator.",
  m_methods: [],
  m_exec: (m) => {
    PyModule_Add(m, "Random", Random_Type);
  },
};
