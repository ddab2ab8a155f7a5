// The itertools module (Modules/itertoolsmodule.c): every iterator type, each a native type with CPython's
// constructor checks and messages, implemented over a JS generator held by the object. See docs/imports.md.
// DEVIATION: an iterator whose function raised is finished afterwards (CPython's may be resumed).
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE, METH_NOARGS,
  METH_O, METH_CLASS, Py_EQ, PyUnicodeObject, type PyVal, type PyMethodDef,
} from "../objects/object.js";
import { PyTuple_New, PyTupleObject } from "../objects/tupleobject.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyLong_Check, longValue } from "../objects/longobject.js";
import { PyFloat_Check } from "../objects/floatobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError } from "../objects/exceptions.js";
import { PyObject_GetIter, PyIter_Next, PyObject_Vectorcall, PyObject_IsTrue, PyNumber_Add, PyObject_Repr,
  PyObject_RichCompareBool, PySequence_List, PyNumber_Index, PyNumber_AsSsize_t, PyObject_CallOneArg } from "../objects/abstract.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs, unpackArgs, checkNoKwargs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { unexpectedKeywordMessage } from "../runtime/suggestions.js";

/** One itertools iterator: the generator that produces its items, and what its repr shows (count, repeat). */
export class PyItertoolObject extends PyObject {
  gen: Iterator<PyVal> | null;
  repr: (() => string) | null;
  lengthHint: (() => number) | null;
  constructor(type: PyTypeObject) {
    super(type);
    this.gen = null;
    this.repr = null;
    this.lengthHint = null;
  }
}

function next(it: PyVal): PyVal | undefined {
  return PyIter_Next(it);
}

function iternext(self: PyVal): PyVal | undefined {
  const o = self as PyItertoolObject;
  if (o.gen === null) return undefined;
  let r: IteratorResult<PyVal>;
  try {
    r = o.gen.next();
  } catch (e) {
    // A JS generator's next() reentered from the Python code it runs (an item's __eq__ or __next__ calling back):
    // what a generator written in Python raises, not an internal fault. (pairwise, whose reentrancy CPython's tests
    // pin down, is a state machine instead.)
    if (e instanceof TypeError && /already running/.test(e.message)) return PyErr_Format(PyExc_ValueError, "generator already executing");
    throw e;
  }
  if (r.done) {
    o.gen = null;
    return undefined;
  }
  return r.value;
}

type Maker = (type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null, o: PyItertoolObject) => Iterator<PyVal>;

function declare(t: PyTypeObject, name: string, doc: string, make: Maker, extra: { methods?: PyMethodDef[] } = {}): void {
  PyType_FromSpecStatic({
    name: `itertools.${name}`,
    flags: Py_TPFLAGS_BASETYPE,
    doc,
    slots: {
      tp_new: (type, args, kwnames) => {
        const o = new PyItertoolObject(type);
        o.gen = make(type, args, kwnames, o);
        return o;
      },
      tp_iter: (s) => s,
      tp_iternext: iternext,
      tp_repr: (s) => {
        const o = s as PyItertoolObject;
        if (o.repr !== null) return PyUnicode_FromString(o.repr());
        return PyUnicode_FromString(`<itertools.${name} object at ${addressOfHook(s)}>`);
      },
    },
    methods: [
      ...(extra.methods ?? []),
      { name: "__length_hint__", meth: (s: PyVal) => {
        const o = s as PyItertoolObject;
        return o.lengthHint !== null ? o.lengthHint() : PyErr_Format(PyExc_TypeError, `object of type '${name}' has no len()`);
      }, flags: METH_NOARGS },
    ],
  }, t);
}

let addressOfHook: (o: PyVal) => string = () => "0x0";
export function _PyItertools_InstallAddressOf(f: (o: PyVal) => string): void {
  addressOfHook = f;
}

function noKw(name: string, t: PyTypeObject, self: PyTypeObject, kwnames: readonly PyVal[] | null): void {
  if (t === self) checkNoKwargs(name, kwnames);
}

function positional(args: readonly PyVal[], kwnames: readonly PyVal[] | null): readonly PyVal[] {
  return kwnames === null ? args : args.slice(0, args.length - kwnames.length);
}

function* iterate(it: PyVal): Generator<PyVal> {
  for (let x = next(it); x !== undefined; x = next(it)) yield x;
}

// ---- the types ----

export const count_Type = PyType_Declare("itertools.count");
export const cycle_Type = PyType_Declare("itertools.cycle");
export const repeat_Type = PyType_Declare("itertools.repeat");
export const accumulate_Type = PyType_Declare("itertools.accumulate");
export const chain_Type = PyType_Declare("itertools.chain");
export const compress_Type = PyType_Declare("itertools.compress");
export const dropwhile_Type = PyType_Declare("itertools.dropwhile");
export const takewhile_Type = PyType_Declare("itertools.takewhile");
export const filterfalse_Type = PyType_Declare("itertools.filterfalse");
export const groupby_Type = PyType_Declare("itertools.groupby");
export const grouper_Type = PyType_Declare("itertools._grouper");
export const islice_Type = PyType_Declare("itertools.islice");
export const starmap_Type = PyType_Declare("itertools.starmap");
export const tee_Type = PyType_Declare("itertools._tee");
export const zip_longest_Type = PyType_Declare("itertools.zip_longest");
export const product_Type = PyType_Declare("itertools.product");
export const permutations_Type = PyType_Declare("itertools.permutations");
export const combinations_Type = PyType_Declare("itertools.combinations");
export const cwr_Type = PyType_Declare("itertools.combinations_with_replacement");
export const pairwise_Type = PyType_Declare("itertools.pairwise");
export const batched_Type = PyType_Declare("itertools.batched");

function isNumber(v: PyVal): boolean {
  const t = Py_TYPE(v);
  return t.nb_add !== null || PyLong_Check(v) || PyFloat_Check(v);
}

declare(count_Type, "count", "Return a count object whose .__next__() method returns consecutive values.", (t, args, kw, o) => {
  const [start, step] = parseArgs("count", args, kw, ["start", "step"], 0, 2);
  let cur: PyVal = start ?? 0;
  const st: PyVal = step ?? 1;
  if (!isNumber(cur) || !isNumber(st)) return PyErr_Format(PyExc_TypeError, "a number is required");
  const stepIsOne = typeof st === "number" && st === 1 && step === undefined || (typeof st === "number" && st === 1 && PyLong_Check(st));
  o.repr = () => {
    const tn = Py_TYPE(o).tp_name.replace(/^itertools\./, "");
    if (stepIsOne) return `${tn}(${PyObject_Repr(cur).value})`;
    return `${tn}(${PyObject_Repr(cur).value}, ${PyObject_Repr(st).value})`;
  };
  void t;
  return (function* () {
    for (;;) {
      const v = cur;
      cur = PyNumber_Add(cur, st);
      yield v;
    }
  })();
});

declare(cycle_Type, "cycle", "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.", (t, args, kw) => {
  noKw("cycle", t, cycle_Type, kw);
  const [iterable] = unpackArgs("cycle", positional(args, kw), 1, 1);
  const it = PyObject_GetIter(iterable!);
  return (function* () {
    const saved: PyVal[] = [];
    for (const x of iterate(it)) {
      saved.push(x);
      yield x;
    }
    if (saved.length === 0) return;
    for (;;) for (const x of saved) yield x;
  })();
});

declare(repeat_Type, "repeat", "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly.", (t, args, kw, o) => {
  const [obj, times] = parseArgs("repeat", args, kw, ["object", "times"], 1, 2);
  let n = times === undefined ? -1 : Math.max(0, PyNumber_AsSsize_t(times, PyExc_OverflowError));
  const tn = () => Py_TYPE(o).tp_name.replace(/^itertools\./, "");
  o.repr = () => (n < 0 ? `${tn()}(${PyObject_Repr(obj!).value})` : `${tn()}(${PyObject_Repr(obj!).value}, ${n})`);
  if (n >= 0) o.lengthHint = () => n;
  void t;
  return (function* () {
    if (n < 0) for (;;) yield obj!;
    while (n > 0) {
      n--;
      yield obj!;
    }
  })();
}, {});

declare(accumulate_Type, "accumulate", "Return series of accumulated sums (or other binary function results).", (_t, args, kw) => {
  const [iterable, func, initial] = parseArgs("accumulate", args, kw, ["iterable", "func", "*initial"], 1, 2);
  const it = PyObject_GetIter(iterable!);
  const f = func === undefined || func === Py_None ? null : func;
  return (function* () {
    let total: PyVal | undefined = initial === undefined || initial === Py_None ? undefined : initial;
    if (total !== undefined) yield total;
    for (const x of iterate(it)) {
      total = total === undefined ? x : f === null ? PyNumber_Add(total, x) : PyObject_Vectorcall(f, [total, x], null);
      yield total;
    }
  })();
});

function chainGen(iterables: PyVal): Generator<PyVal> {
  return (function* () {
    for (const src of iterate(iterables)) {
      const it = PyObject_GetIter(src);
      yield* iterate(it);
    }
  })();
}

declare(chain_Type, "chain", "Return a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted.", (t, args, kw) => {
  noKw("chain", t, chain_Type, kw);
  return chainGen(PyObject_GetIter(PyTuple_New(positional(args, kw).slice())));
}, { methods: [
  { name: "from_iterable", meth: ((cls: PyVal, iterable: PyVal) => {
    const o = new PyItertoolObject(cls as PyTypeObject);
    o.gen = chainGen(PyObject_GetIter(iterable));
    return o;
  }), flags: METH_O | METH_CLASS },
  { name: "__class_getitem__", meth: ((cls: PyVal, a: PyVal) => genericAliasHook(cls, a)), flags: METH_O | METH_CLASS },
] });

let genericAliasHook: (cls: PyVal, a: PyVal) => PyVal = (cls) => cls;
export function _PyItertools_InstallGenericAlias(f: (cls: PyVal, a: PyVal) => PyVal): void {
  genericAliasHook = f;
}

declare(compress_Type, "compress", "Return data elements corresponding to true selector elements.", (_t, args, kw) => {
  const [data, selectors] = parseArgs("compress", args, kw, ["data", "selectors"], 2, 2);
  const d = PyObject_GetIter(data!), s = PyObject_GetIter(selectors!);
  return (function* () {
    for (;;) {
      const x = next(d);
      if (x === undefined) return;
      const sel = next(s);
      if (sel === undefined) return;
      if (PyObject_IsTrue(sel)) yield x;
    }
  })();
});

function predTool(name: string, kind: "drop" | "take" | "filterfalse"): Maker {
  return (t, args, kw) => {
    noKw(name, t, t, kw);
    const [pred, seq] = unpackArgs(name, positional(args, kw), 2, 2);
    const it = PyObject_GetIter(seq!);
    return (function* () {
      if (kind === "drop") {
        let dropping = true;
        for (const x of iterate(it)) {
          if (dropping && PyObject_IsTrue(PyObject_CallOneArg(pred!, x))) continue;
          dropping = false;
          yield x;
        }
      } else if (kind === "take") {
        for (const x of iterate(it)) {
          if (!PyObject_IsTrue(PyObject_CallOneArg(pred!, x))) return;
          yield x;
        }
      } else {
        for (const x of iterate(it)) {
          const keep = pred === Py_None ? !PyObject_IsTrue(x) : !PyObject_IsTrue(PyObject_CallOneArg(pred!, x));
          if (keep) yield x;
        }
      }
    })();
  };
}
declare(dropwhile_Type, "dropwhile", "Drop items from the iterable while predicate(item) is true.", predTool("dropwhile", "drop"));
declare(takewhile_Type, "takewhile", "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.", predTool("takewhile", "take"));
declare(filterfalse_Type, "filterfalse", "Return those items of iterable for which function(item) is false.", predTool("filterfalse", "filterfalse"));

// groupby: the groups share the parent's iterator; a group is only valid until the parent advances.
interface GroupState { it: PyVal; keyfunc: PyVal | null; tgtkey: PyVal | undefined; currkey: PyVal | undefined; currvalue: PyVal | undefined; generation: number }

function groupbyStep(g: GroupState): boolean {
  const v = next(g.it);
  if (v === undefined) return false;
  g.currvalue = v;
  g.currkey = g.keyfunc === null ? v : PyObject_CallOneArg(g.keyfunc, v);
  return true;
}

declare(groupby_Type, "groupby", "make an iterator that returns consecutive keys and groups from the iterable", (_t, args, kw) => {
  const [iterable, key] = parseArgs("groupby", args, kw, ["iterable", "key"], 1, 2);
  const g: GroupState = { it: PyObject_GetIter(iterable!), keyfunc: key === undefined || key === Py_None ? null : key,
    tgtkey: undefined, currkey: undefined, currvalue: undefined, generation: 0 };
  return (function* () {
    for (;;) {
      g.generation++;
      // Skip to the next key (the rest of the current group, if the caller did not consume it).
      if (g.currkey === undefined) {
        if (!groupbyStep(g)) return;
      } else if (g.tgtkey !== undefined) {
        while (PyObject_RichCompareBool(g.tgtkey, g.currkey, Py_EQ)) {
          if (!groupbyStep(g)) return;
        }
      }
      g.tgtkey = g.currkey;
      const gen = g.generation;
      const grouper = new PyItertoolObject(grouper_Type);
      grouper.gen = (function* () {
        for (;;) {
          if (gen !== g.generation) return;
          if (g.currvalue === undefined) {
            if (!groupbyStep(g)) return;
          }
          if (!PyObject_RichCompareBool(g.tgtkey!, g.currkey!, Py_EQ)) return;
          const v = g.currvalue!;
          g.currvalue = undefined;
          yield v;
        }
      })();
      yield PyTuple_New([g.currkey!, grouper]);
      if (g.currvalue === undefined && gen === g.generation) {
        // the group was consumed up to a value of another key (or the end): advance
        if (!groupbyStep(g)) return;
      }
    }
  })();
});
declare(grouper_Type, "_grouper", "", () => PyErr_Format(PyExc_TypeError, "cannot create 'itertools._grouper' instances"));

function isliceArg(v: PyVal | undefined, msg: string): number {
  if (v === undefined || v === Py_None) return -1;
  let n: number | bigint;
  try {
    n = longValue(PyNumber_Index(v));
  } catch {
    return PyErr_Format(PyExc_ValueError, msg);
  }
  if (typeof n === "bigint") n = n < 0n ? -1 : Number.MAX_SAFE_INTEGER;
  if (n < 0) return PyErr_Format(PyExc_ValueError, msg);
  return n;
}

declare(islice_Type, "islice", "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object", (t, args, kw) => {
  noKw("islice", t, islice_Type, kw);
  const a = positional(args, kw);
  const [seq, a1, a2, a3] = unpackArgs("islice", a, 2, 4);
  let start = 0, stop: number, step = 1;
  if (a.length === 2) {
    stop = isliceArg(a1, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  } else {
    start = a1 === Py_None ? 0 : isliceArg(a1, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    stop = isliceArg(a2, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    if (a3 !== undefined && a3 !== Py_None) {
      step = isliceArg(a3, "Step for islice() must be a positive integer or None.");
      if (step < 1) return PyErr_Format(PyExc_ValueError, "Step for islice() must be a positive integer or None.");
    }
    if (a2 !== undefined && a2 !== Py_None && stop < 0) stop = -1;
  }
  if ((a1 !== undefined && a1 !== Py_None && a.length > 2 && start < 0)) start = 0;
  const it = PyObject_GetIter(seq!);
  return (function* () {
    let i = 0;
    let nextIndex = start;
    while (stop < 0 || nextIndex < stop) {
      let x: PyVal | undefined;
      while (i <= nextIndex) {
        x = next(it);
        if (x === undefined) return;
        i++;
      }
      yield x!;
      nextIndex += step;
    }
    // CPython consumes up to stop when the last step overshoots it.
    while (stop >= 0 && i < stop) {
      if (next(it) === undefined) return;
      i++;
    }
  })();
});

declare(starmap_Type, "starmap", "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.", (t, args, kw) => {
  noKw("starmap", t, starmap_Type, kw);
  const [func, seq] = unpackArgs("starmap", positional(args, kw), 2, 2);
  const it = PyObject_GetIter(seq!);
  return (function* () {
    for (const x of iterate(it)) {
      const argv = x instanceof PyTupleObject ? x.ob_item : PySequence_List(x, "iterator should return tuples");
      yield PyObject_Vectorcall(func!, argv, null);
    }
  })();
});

// tee: n iterators over one shared buffer.
interface TeeShared { it: PyVal; buf: PyVal[]; base: number; positions: number[]; done: boolean }

function teeIterator(shared: TeeShared, idx: number): PyItertoolObject {
  const o = new PyItertoolObject(tee_Type);
  o.gen = (function* () {
    for (;;) {
      let pos = shared.positions[idx];
      if (pos - shared.base >= shared.buf.length) {
        if (shared.done) return;
        const v = next(shared.it);
        if (v === undefined) {
          shared.done = true;
          return;
        }
        shared.buf.push(v);
      }
      const v = shared.buf[pos - shared.base];
      pos++;
      shared.positions[idx] = pos;
      // Drop what every iterator has seen.
      const min = Math.min(...shared.positions);
      if (min > shared.base) {
        shared.buf.splice(0, min - shared.base);
        shared.base = min;
      }
      yield v;
    }
  })();
  return o;
}
declare(tee_Type, "_tee", "Iterator wrapped to make it copyable.", (_t, args, kw) => {
  const [iterable] = unpackArgs("_tee", positional(args, kw), 1, 1);
  const shared: TeeShared = { it: PyObject_GetIter(iterable!), buf: [], base: 0, positions: [0], done: false };
  return teeIterator(shared, 0).gen!;
});

function itertools_tee(_m: PyVal, args: PyVal[]): PyVal {
  const [iterable, nArg] = unpackArgs("tee", args, 1, 2);
  const n = nArg === undefined ? 2 : PyNumber_AsSsize_t(nArg, PyExc_OverflowError);
  if (n < 0) return PyErr_Format(PyExc_ValueError, "n must be >= 0");
  const shared: TeeShared = { it: PyObject_GetIter(iterable!), buf: [], base: 0, positions: [], done: false };
  const out: PyVal[] = [];
  for (let i = 0; i < n; i++) {
    shared.positions.push(0);
    out.push(teeIterator(shared, i));
  }
  return PyTuple_New(out);
}

declare(zip_longest_Type, "zip_longest", "Return a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument.", (_t, args, kw) => {
  let fill: PyVal = Py_None;
  const nkw = kw === null ? 0 : kw.length;
  if (nkw > 0) {
    // zip_longest_new: only a lone fillvalue= is accepted, and the message names no keyword.
    if (nkw !== 1 || (kw![0] as PyUnicodeObject).value !== "fillvalue") {
      return PyErr_Format(PyExc_TypeError, "zip_longest() got an unexpected keyword argument");
    }
    fill = args[args.length - 1];
  }
  const its = positional(args, kw).map((x) => PyObject_GetIter(x));
  return (function* () {
    if (its.length === 0) return;
    const active = its.map(() => true);
    let nactive = its.length;
    for (;;) {
      const row: PyVal[] = [];
      for (let i = 0; i < its.length; i++) {
        if (!active[i]) { row.push(fill); continue; }
        const v = next(its[i]);
        if (v === undefined) {
          active[i] = false;
          nactive--;
          if (nactive === 0) return;
          row.push(fill);
        } else row.push(v);
      }
      yield PyTuple_New(row);
    }
  })();
});

declare(product_Type, "product", "Cartesian product of input iterables.  Equivalent to nested for-loops.", (_t, args, kw) => {
  let rep = 1;
  const nkw = kw === null ? 0 : kw.length;
  for (let i = 0; i < nkw; i++) {
    const k = (kw![i] as PyUnicodeObject).value;
    if (k !== "repeat") return PyErr_Format(PyExc_TypeError, unexpectedKeywordMessage("product", k, ["repeat"]));
    rep = PyNumber_AsSsize_t(args[args.length - nkw + i], PyExc_OverflowError);
    if (rep < 0) return PyErr_Format(PyExc_ValueError, "repeat argument cannot be negative");
  }
  const pools0 = positional(args, kw).map((x) => PySequence_List(x));
  const pools: PyVal[][] = [];
  for (let r = 0; r < rep; r++) pools.push(...pools0);
  return (function* () {
    if (pools.some((p) => p.length === 0)) return;
    const idx = pools.map(() => 0);
    for (;;) {
      yield PyTuple_New(idx.map((k, i) => pools[i][k]));
      let i = pools.length - 1;
      while (i >= 0) {
        idx[i]++;
        if (idx[i] < pools[i].length) break;
        idx[i] = 0;
        i--;
      }
      if (i < 0) return;
    }
  })();
});

function rArg(v: PyVal | undefined, dflt: number): number {
  if (v === undefined || v === Py_None) return dflt;
  const r = PyNumber_AsSsize_t(v, PyExc_OverflowError);
  if (r < 0) return PyErr_Format(PyExc_ValueError, "r must be non-negative");
  return r;
}

declare(permutations_Type, "permutations", "Return successive r-length permutations of elements in the iterable.", (_t, args, kw) => {
  const [iterable, rv] = parseArgs("permutations", args, kw, ["iterable", "r"], 1, 2);
  const pool = PySequence_List(iterable!);
  const n = pool.length;
  const r = rArg(rv, n);
  return (function* () {
    if (r > n) return;
    const indices = Array.from({ length: n }, (_, i) => i);
    const cycles = Array.from({ length: r }, (_, i) => n - i);
    yield PyTuple_New(indices.slice(0, r).map((i) => pool[i]));
    if (n === 0) return;
    for (;;) {
      let i = r - 1;
      for (; i >= 0; i--) {
        cycles[i]--;
        if (cycles[i] === 0) {
          const x = indices[i];
          indices.splice(i, 1);
          indices.push(x);
          cycles[i] = n - i;
        } else {
          const j = cycles[i];
          [indices[i], indices[n - j]] = [indices[n - j], indices[i]];
          yield PyTuple_New(indices.slice(0, r).map((k) => pool[k]));
          break;
        }
      }
      if (i < 0) return;
    }
  })();
});

function combos(withReplacement: boolean): Maker {
  return (_t, args, kw) => {
    const name = withReplacement ? "combinations_with_replacement" : "combinations";
    const [iterable, rv] = parseArgs(name, args, kw, ["iterable", "r"], 2, 2);
    const pool = PySequence_List(iterable!);
    const n = pool.length;
    const r = rArg(rv, 0);
    return (function* () {
      if (!withReplacement && r > n) return;
      if (withReplacement && n === 0 && r > 0) return;
      const indices = withReplacement ? new Array<number>(r).fill(0) : Array.from({ length: r }, (_, i) => i);
      yield PyTuple_New(indices.map((i) => pool[i]));
      for (;;) {
        let i = r - 1;
        if (withReplacement) {
          while (i >= 0 && indices[i] === n - 1) i--;
          if (i < 0) return;
          const v = indices[i] + 1;
          for (let k = i; k < r; k++) indices[k] = v;
        } else {
          while (i >= 0 && indices[i] === i + n - r) i--;
          if (i < 0) return;
          indices[i]++;
          for (let j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
        }
        yield PyTuple_New(indices.map((k) => pool[k]));
      }
    })();
  };
}
declare(combinations_Type, "combinations", "Return successive r-length combinations of elements in the iterable.", combos(false));
declare(cwr_Type, "combinations_with_replacement", "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.", combos(true));

declare(pairwise_Type, "pairwise", "Return an iterator of overlapping pairs taken from the input iterator.", (t, args, kw) => {
  noKw("pairwise", t, pairwise_Type, kw);
  const [iterable] = unpackArgs("pairwise", positional(args, kw), 1, 1);
  // pairwise_next's state machine (not a JS generator): the iterator may call back into this pairwise from its
  // __next__, and each reentry sees the state as CPython's does (test_itertools' test_pairwise_reenter).
  let src: PyVal | null = PyObject_GetIter(iterable!);
  let old: PyVal | null = null;
  const done: IteratorResult<PyVal> = { done: true, value: undefined };
  return {
    next(): IteratorResult<PyVal> {
      let it = src;
      if (it === null) return done;
      let first = old;
      if (first === null) {
        const v = next(it);
        old = v ?? null;
        if (v === undefined) { src = null; return done; }
        first = v;
        it = src;
        if (it === null) { old = null; return done; }
      }
      const v = next(it);
      if (v === undefined) { src = null; old = null; return done; }
      old = v;
      return { done: false, value: PyTuple_New([first, v]) };
    },
  };
});

declare(batched_Type, "batched", "Batch data into tuples of length n. The last batch may be shorter than n.", (_t, args, kw) => {
  const [iterable, nArg, strict] = parseArgs("batched", args, kw, ["iterable", "n", "*strict"], 2, 2);
  const n = PyNumber_AsSsize_t(nArg!, PyExc_OverflowError);
  if (n < 1) return PyErr_Format(PyExc_ValueError, "n must be at least one");
  const isStrict = strict !== undefined && PyObject_IsTrue(strict);
  const it = PyObject_GetIter(iterable!);
  return (function* () {
    for (;;) {
      const batch: PyVal[] = [];
      while (batch.length < n) {
        const x = next(it);
        if (x === undefined) break;
        batch.push(x);
      }
      if (batch.length === 0) return;
      if (isStrict && batch.length < n) return PyErr_Format(PyExc_ValueError, "batched(): incomplete batch");
      yield PyTuple_New(batch);
      if (batch.length < n) return;
    }
  })();
});

export const itertoolsmodule: PyModuleDef = {
  m_name: "itertools",
  m_doc: "Functional tools for creating and using iterators.",
  m_methods: [
    { name: "tee", meth: itertools_tee, flags: 0x0080 },
  ],
  m_exec: (m) => {
    const types: [string, PyTypeObject][] = [["count", count_Type], ["cycle", cycle_Type], ["repeat", repeat_Type],
      ["accumulate", accumulate_Type], ["chain", chain_Type], ["compress", compress_Type], ["dropwhile", dropwhile_Type],
      ["takewhile", takewhile_Type], ["filterfalse", filterfalse_Type], ["groupby", groupby_Type],
      ["_grouper", grouper_Type], ["islice", islice_Type], ["starmap", starmap_Type], ["_tee", tee_Type],
      ["zip_longest", zip_longest_Type], ["product", product_Type], ["permutations", permutations_Type],
      ["combinations", combinations_Type], ["combinations_with_replacement", cwr_Type], ["pairwise", pairwise_Type],
      ["batched", batched_Type]];
    for (const [n, t] of types) PyModule_Add(m, n, t);
  },
};
