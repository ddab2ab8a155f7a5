// Generators, coroutines and async generators (Objects/genobject.c): a suspended frame re-entered by the
// evaluation loop. send/throw/close, yield-from delegation, gi_*/cr_*/ag_* attributes. See docs/interpreter.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, METH_NOARGS, METH_O, METH_FASTCALL,
  PyUnicode_InternFromString, type PyVal, PyUnicodeObject,
} from "./object.js";
import { PyFrameObject, FRAME_CREATED, FRAME_SUSPENDED, FRAME_SUSPENDED_YIELD_FROM, FRAME_EXECUTING, FRAME_COMPLETED,
  FRAME_CLEARED, PyFrame_GetLineNumber } from "./frameobject.js";
import { PyCodeObject, CO_COROUTINE, CO_ITERABLE_COROUTINE, CO_ASYNC_GENERATOR } from "./codeobject.js";
import { PyErr_Format, _PyErr_CreateException, _PyErr_ChainContext, PyErr_SetRaisedWithContext } from "../runtime/errors.js";
import {
  PyBaseExceptionObject, PyExc_TypeError, PyExc_DeprecationWarning, PyExc_ValueError, PyExc_RuntimeError, PyExc_StopIteration,
  PyExc_GeneratorExit, PyExc_StopAsyncIteration, PyStopIterationObject, PyExceptionClass_Check, PyExceptionInstance_Check,
} from "./exceptions.js";
import { hooks, PyObject_Vectorcall, _PyObject_LookupAttr, PyType_IsSubtype, isStopIteration, PyObject_GetIter } from "./abstract.js";
import { _PyErr_StackItem, _PyThreadState_GET } from "../runtime/pystate.js";
import { PyBool_FromLong } from "./boolobject.js";
import { addressOf } from "./methodobject.js";
import { PyTuple_New } from "./tupleobject.js";

export const PyGen_Type = PyType_Declare("generator");
export const PyCoro_Type = PyType_Declare("coroutine");
export const PyAsyncGen_Type = PyType_Declare("async_generator");
export const PyCoroWrapper_Type = PyType_Declare("coroutine_wrapper");
export const PyAsyncGenASend_Type = PyType_Declare("async_generator_asend");
export const PyAsyncGenAThrow_Type = PyType_Declare("async_generator_athrow");
export const PyAsyncGenWrappedValue_Type = PyType_Declare("async_generator_wrapped_value");

export class PyGenObject extends PyObject {
  gi_frame: PyFrameObject;
  gi_code: PyCodeObject;
  gi_name: PyUnicodeObject;
  gi_qualname: PyUnicodeObject;
  gi_frame_state: number;
  gi_exc_state: _PyErr_StackItem;
  /** Async generators: whether an asend/athrow is running, and whether aclose() has finished it. */
  ag_running_async: boolean;
  ag_closed: boolean;
  ag_hooks_inited: boolean;
  constructor(type: PyTypeObject, frame: PyFrameObject, name: PyUnicodeObject, qualname: PyUnicodeObject) {
    super(type);
    this.gi_frame = frame;
    this.gi_code = frame.f_code;
    this.gi_name = name;
    this.gi_qualname = qualname;
    this.gi_frame_state = FRAME_CREATED;
    this.gi_exc_state = new _PyErr_StackItem(null, null);
    this.ag_running_async = false;
    this.ag_closed = false;
    this.ag_hooks_inited = false;
  }
}

/** Installed by the evaluation loop: run a frame until it yields or returns (throwing `exc` into it first). */
export const genHooks = {
  evalFrame: (f: PyFrameObject, exc: PyBaseExceptionObject | null): PyVal => {
    void f; void exc;
    throw new Error("evaluation loop not installed");
  },
};

export const PYGEN_RETURN = 0;
export const PYGEN_NEXT = 1;

/** The value produced by the last gen_send_ex2 call (kind returned separately). */
export let genResult: PyVal = Py_None;

function kindName(g: PyGenObject): string {
  return g.ob_type === PyCoro_Type ? "coroutine" : g.ob_type === PyAsyncGen_Type ? "async generator" : "generator";
}

/** Resume a generator with `arg` (or throw `exc` into it). Returns PYGEN_NEXT (yielded) or PYGEN_RETURN. */
export function gen_send_ex2(gen: PyGenObject, arg: PyVal, exc: PyBaseExceptionObject | null, closing: boolean): number {
  const state = gen.gi_frame_state;
  if (state === FRAME_CREATED && arg !== Py_None && exc === null) {
    return PyErr_Format(PyExc_TypeError, `can't send non-None value to a just-started ${kindName(gen)}`);
  }
  if (state === FRAME_EXECUTING) {
    return PyErr_Format(PyExc_ValueError, `${kindName(gen)} already executing`);
  }
  if (state >= FRAME_COMPLETED) {
    if (gen.ob_type === PyCoro_Type && !closing) {
      return PyErr_Format(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
    }
    if (exc !== null) PyErr_SetRaisedWithContext(exc);
    genResult = Py_None;
    return PYGEN_RETURN;
  }
  const f = gen.gi_frame;
  if (state !== FRAME_CREATED || exc === null) {
    if (state !== FRAME_CREATED) f.localsplus[f.stacktop++] = arg;
    else f.localsplus[f.stacktop++] = Py_None;
  }

  const ts = _PyThreadState_GET();
  gen.gi_frame_state = FRAME_EXECUTING;
  gen.gi_exc_state.previous_item = ts.exc_info;
  ts.exc_info = gen.gi_exc_state;
  // _PyErr_ChainStackItem: an exception thrown into a generator suspended while it handles one gets that one as its
  // __context__ (only the generator's own: the caller's handled exception is not chained here).
  if (exc !== null) {
    const own = gen.gi_exc_state.exc_value;
    if (own !== null && own !== Py_None && own !== exc) _PyErr_ChainContext(exc);
  }
  let result: PyVal;
  try {
    result = genHooks.evalFrame(f, exc);
  } catch (e) {
    gen.gi_frame_state = FRAME_COMPLETED;
    throw e;
  } finally {
    ts.exc_info = gen.gi_exc_state.previous_item!;
    gen.gi_exc_state.previous_item = null;
  }
  genResult = result;
  if (gen.gi_frame_state === FRAME_SUSPENDED || gen.gi_frame_state === FRAME_SUSPENDED_YIELD_FROM) return PYGEN_NEXT;
  gen.gi_frame_state = FRAME_COMPLETED;
  return PYGEN_RETURN;
}

function stopIteration(value: PyVal): never {
  const e = _PyErr_CreateException(PyExc_StopIteration, value === Py_None ? [] : [value]) as PyStopIterationObject;
  e.value = value;
  _PyErr_ChainContext(e);
  throw e;
}

function gen_send(self: PyVal, arg: PyVal): PyVal {
  const g = self as PyGenObject;
  if (gen_send_ex2(g, arg, null, false) === PYGEN_NEXT) return genResult;
  if (g.ob_type === PyAsyncGen_Type) {
    const e = _PyErr_CreateException(PyExc_StopAsyncIteration, []);
    _PyErr_ChainContext(e);
    throw e;
  }
  return stopIteration(genResult);
}

/** tp_iternext of generators: undefined at exhaustion (the return value is in genResult). */
export function gen_iternext(self: PyVal): PyVal | undefined {
  const g = self as PyGenObject;
  if (gen_send_ex2(g, Py_None, null, false) === PYGEN_NEXT) return genResult;
  return undefined;
}

/** The sub-iterator a suspended `yield from`/`await` is delegating to (_PyGen_yf). */
export function _PyGen_yf(g: PyGenObject): PyVal | null {
  if (g.gi_frame_state === FRAME_SUSPENDED_YIELD_FROM) {
    const f = g.gi_frame;
    return f.localsplus[f.stacktop - 1];
  }
  return null;
}

function makeExc(typ: PyVal, val: PyVal, tb: PyVal): PyBaseExceptionObject {
  let e: PyVal;
  if (PyExceptionClass_Check(typ)) {
    // PyErr_NormalizeException: when making the instance fails, the error it raised is what gets thrown in (the
    // generator then finishes with it), not an error of throw() itself.
    try {
      if (val !== Py_None && PyExceptionInstance_Check(val) && PyType_IsSubtype(Py_TYPE(val), typ)) e = val;
      else if (val === Py_None) e = PyObject_Vectorcall(typ, [], null);
      else if (val instanceof PyObject && val.ob_type.tp_name === "tuple") e = PyObject_Vectorcall(typ, (val as unknown as { ob_item: PyVal[] }).ob_item, null);
      else e = PyObject_Vectorcall(typ, [val], null);
      if (!PyExceptionInstance_Check(e)) {
        return PyErr_Format(PyExc_TypeError, `calling ${PyObject_Repr_(typ)} should have returned an instance of BaseException, not ${Py_TYPE(e).tp_name}`);
      }
    } catch (err) {
      if (err instanceof PyBaseExceptionObject) return err;
      throw err;
    }
  } else if (PyExceptionInstance_Check(typ)) {
    if (val !== Py_None) return PyErr_Format(PyExc_TypeError, "instance exception may not have a separate value");
    e = typ;
  } else {
    return PyErr_Format(PyExc_TypeError, `exceptions must be classes or instances deriving from BaseException, not ${Py_TYPE(typ).tp_name}`);
  }
  const ex = e as PyBaseExceptionObject;
  if (tb !== Py_None) {
    if (!tracebackCheck(tb)) return PyErr_Format(PyExc_TypeError, "throw() third argument must be a traceback object");
    ex.traceback = tb;
  }
  return ex;
}

let tracebackCheck: (v: PyVal) => boolean = () => false;
let PyObject_Repr_: (v: PyVal) => string = () => "?";
export function _PyGen_InstallHooks(tb: (v: PyVal) => boolean, repr: (v: PyVal) => string): void {
  tracebackCheck = tb;
  PyObject_Repr_ = repr;
}

/** gen.throw(exc): delegate to a sub-iterator first if suspended in yield from (_gen_throw). */
export function _gen_throw(g: PyGenObject, closeOnGenExit: boolean, exc: PyBaseExceptionObject): number {
  const yf = _PyGen_yf(g);
  if (yf !== null) {
    if (PyType_IsSubtype(exc.ob_type, PyExc_GeneratorExit) && closeOnGenExit) {
      g.gi_frame_state = FRAME_EXECUTING;
      try {
        gen_close_iter(yf);
      } catch (e) {
        g.gi_frame_state = FRAME_SUSPENDED_YIELD_FROM;
        return gen_send_ex2(g, Py_None, asExc(e), false);
      }
      g.gi_frame_state = FRAME_SUSPENDED_YIELD_FROM;
      return gen_send_ex2(g, Py_None, exc, false);
    }
    let ret: PyVal;
    try {
      if (yf instanceof PyGenObject && (yf.ob_type === PyGen_Type || yf.ob_type === PyCoro_Type)) {
        // The delegating generator's frame is current while the inner one runs (so a frame the inner one looks at
        // has it as f_back, as in CPython's _gen_throw, which skips the eval loop here too).
        const ts = _PyThreadState_GET();
        const prev = ts.current_frame;
        g.gi_frame.f_back = prev as PyFrameObject | null;
        ts.current_frame = g.gi_frame;
        g.gi_frame_state = FRAME_EXECUTING;
        let k: number;
        try {
          k = _gen_throw(yf, closeOnGenExit, exc);
        } finally {
          ts.current_frame = prev;
          g.gi_frame.f_back = null;
          g.gi_frame_state = FRAME_SUSPENDED_YIELD_FROM;
        }
        if (k === PYGEN_RETURN) {
          // The inner generator returned: its StopIteration is thrown into this one (gen_send_ex with the error).
          const e = _PyErr_CreateException(PyExc_StopIteration, genResult === Py_None ? [] : [genResult]) as PyStopIterationObject;
          e.value = genResult;
          return gen_send_ex2(g, Py_None, e, false);
        }
        return PYGEN_NEXT;
      }
      const meth = _PyObject_LookupAttr(yf, PyUnicode_InternFromString("throw"));
      if (meth === undefined) return gen_send_ex2(g, Py_None, exc, false);
      g.gi_frame_state = FRAME_EXECUTING;
      try {
        ret = PyObject_Vectorcall(meth, [exc], null);
      } finally {
        g.gi_frame_state = FRAME_SUSPENDED_YIELD_FROM;
      }
    } catch (e) {
      return gen_send_ex2(g, Py_None, asExc(e), false);
    }
    genResult = ret;
    return PYGEN_NEXT;
  }
  return gen_send_ex2(g, Py_None, exc, false);
}

function asExc(e: unknown): PyBaseExceptionObject {
  if (e instanceof PyBaseExceptionObject) return e;
  throw e;
}

function gen_throw(self: PyVal, args: PyVal[]): PyVal {
  if (args.length < 1 || args.length > 3) {
    return PyErr_Format(PyExc_TypeError, `throw expected at least 1 argument, got ${args.length}`);
  }
  if (args.length > 1) {
    hooks.warn(PyExc_DeprecationWarning, "the (type, exc, tb) signature of throw() is deprecated, use the single-arg signature instead.", 1);
  }
  const g = self as PyGenObject;
  const exc = makeExc(args[0], args.length > 1 ? args[1] : Py_None, args.length > 2 ? args[2] : Py_None);
  if (_gen_throw(g, true, exc) === PYGEN_NEXT) return genResult;
  if (g.ob_type === PyAsyncGen_Type) {
    const e = _PyErr_CreateException(PyExc_StopAsyncIteration, []);
    _PyErr_ChainContext(e);
    throw e;
  }
  return stopIteration(genResult);
}

function gen_close_iter(yf: PyVal): void {
  if (yf instanceof PyGenObject) { gen_close(yf); return; }
  const meth = _PyObject_LookupAttr(yf, PyUnicode_InternFromString("close"));
  if (meth !== undefined) PyObject_Vectorcall(meth, [], null);
}

export function gen_close(self: PyVal): PyVal {
  const g = self as PyGenObject;
  if (g.gi_frame_state === FRAME_CREATED) {
    g.gi_frame_state = FRAME_COMPLETED;
    return Py_None;
  }
  if (g.gi_frame_state >= FRAME_COMPLETED) return Py_None;
  let err: PyBaseExceptionObject | null = null;
  const yf = _PyGen_yf(g);
  if (yf !== null) {
    const st = g.gi_frame_state;
    g.gi_frame_state = FRAME_EXECUTING;
    try {
      gen_close_iter(yf);
    } catch (e) {
      err = asExc(e);
    }
    g.gi_frame_state = st;
  }
  const exc = err ?? _PyErr_CreateException(PyExc_GeneratorExit, []);
  let k: number;
  try {
    k = gen_send_ex2(g, Py_None, exc, true);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject && (PyType_IsSubtype(e.ob_type, PyExc_GeneratorExit) || isStopIteration(e))) {
      return Py_None;
    }
    throw e;
  }
  if (k === PYGEN_NEXT) {
    return PyErr_Format(PyExc_RuntimeError, `${kindName(g)} ignored GeneratorExit`);
  }
  return genResult;
}

function gen_repr(self: PyVal): PyUnicodeObject {
  const g = self as PyGenObject;
  const kind = g.ob_type === PyCoro_Type ? "coroutine" : g.ob_type === PyAsyncGen_Type ? "async_generator" : "generator";
  return hooks.str(`<${kind} object ${g.gi_qualname.value} at ${addressOf(g)}>`);
}

function frameOrNone(g: PyGenObject): PyVal {
  return g.gi_frame_state >= FRAME_COMPLETED ? Py_None : g.gi_frame;
}

function strOrError(v: PyVal | null, what: string): PyUnicodeObject {
  if (v === null || !(v instanceof PyUnicodeObject)) return PyErr_Format(PyExc_TypeError, `${what} must be set to a string object`);
  return v;
}

function genGetset(prefix: string) {
  return [
    { name: "__name__", get: (s: PyVal) => (s as PyGenObject).gi_name,
      set: (s: PyVal, v: PyVal | null) => { (s as PyGenObject).gi_name = strOrError(v, "__name__"); } },
    { name: "__qualname__", get: (s: PyVal) => (s as PyGenObject).gi_qualname,
      set: (s: PyVal, v: PyVal | null) => { (s as PyGenObject).gi_qualname = strOrError(v, "__qualname__"); } },
    { name: `${prefix}_frame`, get: (s: PyVal) => frameOrNone(s as PyGenObject) },
    { name: `${prefix}_running`, get: (s: PyVal) => PyBool_FromLong((s as PyGenObject).gi_frame_state === FRAME_EXECUTING) },
    { name: `${prefix}_suspended`, get: (s: PyVal) => PyBool_FromLong((s as PyGenObject).gi_frame_state === FRAME_SUSPENDED || (s as PyGenObject).gi_frame_state === FRAME_SUSPENDED_YIELD_FROM) },
    { name: `${prefix}_code`, get: (s: PyVal) => (s as PyGenObject).gi_code },
    { name: prefix === "gi" ? "gi_yieldfrom" : prefix === "cr" ? "cr_await" : "ag_await",
      get: (s: PyVal) => _PyGen_yf(s as PyGenObject) ?? Py_None },
  ];
}

PyType_FromSpecStatic({
  name: "generator",
  slots: { tp_iter: (s) => s, tp_iternext: gen_iternext, tp_repr: gen_repr },
  methods: [
    { name: "send", meth: gen_send, flags: METH_O },
    { name: "throw", meth: gen_throw, flags: METH_FASTCALL },
    { name: "close", meth: gen_close, flags: METH_NOARGS },
    { name: "__sizeof__", meth: () => 200, flags: METH_NOARGS },
  ],
  getset: genGetset("gi"),
}, PyGen_Type);

// ---- coroutines ----

export class PyCoroWrapperObject extends PyObject {
  cw_coroutine: PyGenObject;
  constructor(c: PyGenObject) {
    super(PyCoroWrapper_Type);
    this.cw_coroutine = c;
  }
}

PyType_FromSpecStatic({
  name: "coroutine",
  slots: {
    tp_repr: gen_repr,
    am_await: (s) => new PyCoroWrapperObject(s as PyGenObject),
  },
  methods: [
    { name: "send", meth: gen_send, flags: METH_O },
    { name: "throw", meth: gen_throw, flags: METH_FASTCALL },
    { name: "close", meth: gen_close, flags: METH_NOARGS },
  ],
  getset: [...genGetset("cr"), { name: "cr_origin", get: () => Py_None }],
}, PyCoro_Type);

PyType_FromSpecStatic({
  name: "coroutine_wrapper",
  slots: {
    tp_iter: (s) => s,
    tp_iternext: (s) => gen_iternext((s as PyCoroWrapperObject).cw_coroutine),
  },
  methods: [
    { name: "send", meth: (s: PyVal, a: PyVal) => gen_send((s as PyCoroWrapperObject).cw_coroutine, a), flags: METH_O },
    { name: "throw", meth: (s: PyVal, a: PyVal[]) => gen_throw((s as PyCoroWrapperObject).cw_coroutine, a), flags: METH_FASTCALL },
    { name: "close", meth: (s: PyVal) => gen_close((s as PyCoroWrapperObject).cw_coroutine), flags: METH_NOARGS },
  ],
}, PyCoroWrapper_Type);

/** The object a generator-based frame becomes, by its code flags (RETURN_GENERATOR). */
export function PyGen_NewForFrame(f: PyFrameObject, name: PyUnicodeObject, qualname: PyUnicodeObject): PyGenObject {
  const flags = f.f_code.co_flags;
  const type = flags & CO_COROUTINE ? PyCoro_Type : flags & CO_ASYNC_GENERATOR ? PyAsyncGen_Type : PyGen_Type;
  const g = new PyGenObject(type, f, name, qualname);
  f.f_gen = g;
  void CO_ITERABLE_COROUTINE;
  return g;
}

// ---- async generators (a first version: asend/athrow awaitables driving the generator) ----

export class PyAsyncGenWrappedValue extends PyObject {
  agw_val: PyVal;
  constructor(v: PyVal) {
    super(PyAsyncGenWrappedValue_Type);
    this.agw_val = v;
  }
}

PyType_FromSpecStatic({ name: "async_generator_wrapped_value" }, PyAsyncGenWrappedValue_Type);

const AWAITABLE_STATE_INIT = 0, AWAITABLE_STATE_ITER = 1, AWAITABLE_STATE_CLOSED = 2;

export class PyAsyncGenASendObject extends PyObject {
  gen: PyGenObject;
  sendval: PyVal;
  state: number;
  /** athrow: the exception to throw (null: aclose()). */
  throwArgs: PyVal[] | null;
  isThrow: boolean;
  constructor(type: PyTypeObject, gen: PyGenObject, sendval: PyVal, throwArgs: PyVal[] | null, isThrow: boolean) {
    super(type);
    this.gen = gen;
    this.sendval = sendval;
    this.state = AWAITABLE_STATE_INIT;
    this.throwArgs = throwArgs;
    this.isThrow = isThrow;
  }
}

/** Unwrap what the async generator produced: a wrapped value means "yielded" (raise StopIteration(value)). */
function asyncGenUnwrap(gen: PyGenObject, k: number): PyVal {
  if (k === PYGEN_RETURN) {
    gen.ag_running_async = false;
    gen.ag_closed = true;
    const e = _PyErr_CreateException(PyExc_StopAsyncIteration, []);
    _PyErr_ChainContext(e);
    throw e;
  }
  const v = genResult;
  if (v instanceof PyAsyncGenWrappedValue) {
    gen.ag_running_async = false;
    return stopIteration(v.agw_val);
  }
  return v;
}

function asend_send(self: PyVal, arg: PyVal): PyVal {
  const o = self as PyAsyncGenASendObject;
  if (o.state === AWAITABLE_STATE_CLOSED) {
    return PyErr_Format(PyExc_RuntimeError, o.isThrow ? "cannot reuse already awaited aclose()/athrow()" : "cannot reuse already awaited __anext__()/asend()");
  }
  const g = o.gen;
  let k: number;
  try {
    if (o.state === AWAITABLE_STATE_INIT) {
      if (g.ag_running_async) {
        o.state = AWAITABLE_STATE_CLOSED;
        return PyErr_Format(PyExc_RuntimeError, o.isThrow ? "athrow(): asynchronous generator is already running" : "anext(): asynchronous generator is already running");
      }
      if (arg === Py_None) arg = o.sendval;
      o.state = AWAITABLE_STATE_ITER;
      g.ag_running_async = true;
      if (o.isThrow) {
        if (g.ag_closed || g.gi_frame_state >= FRAME_COMPLETED) {
          o.state = AWAITABLE_STATE_CLOSED;
          if (o.throwArgs === null) return stopIteration(Py_None);
          const e = _PyErr_CreateException(PyExc_StopAsyncIteration, []);
          throw e;
        }
        const exc = o.throwArgs === null ? _PyErr_CreateException(PyExc_GeneratorExit, [])
          : makeExc(o.throwArgs[0], o.throwArgs[1] ?? Py_None, o.throwArgs[2] ?? Py_None);
        k = _gen_throw(g, false, exc);
        if (o.throwArgs === null && k === PYGEN_NEXT && genResult instanceof PyAsyncGenWrappedValue) {
          g.ag_running_async = false;
          o.state = AWAITABLE_STATE_CLOSED;
          return PyErr_Format(PyExc_RuntimeError, "async generator ignored GeneratorExit");
        }
      } else {
        k = gen_send_ex2(g, arg, null, false);
      }
    } else {
      k = gen_send_ex2(g, arg, null, false);
    }
  } catch (e) {
    g.ag_running_async = false;
    o.state = AWAITABLE_STATE_CLOSED;
    if (o.isThrow && o.throwArgs === null && e instanceof PyBaseExceptionObject &&
      (PyType_IsSubtype(e.ob_type, PyExc_StopAsyncIteration) || PyType_IsSubtype(e.ob_type, PyExc_GeneratorExit))) {
      g.ag_closed = true;
      return stopIteration(Py_None);
    }
    if (e instanceof PyBaseExceptionObject && PyType_IsSubtype(e.ob_type, PyExc_StopAsyncIteration)) g.ag_closed = true;
    throw e;
  }
  try {
    return asyncGenUnwrap(g, k);
  } catch (e) {
    o.state = AWAITABLE_STATE_CLOSED;
    throw e;
  }
}

const asendMethods = [
  { name: "send", meth: asend_send, flags: METH_O },
  { name: "throw", meth: (s: PyVal, a: PyVal[]) => {
    const o = s as PyAsyncGenASendObject;
    const exc = makeExc(a[0], a[1] ?? Py_None, a[2] ?? Py_None);
    let k: number;
    try {
      k = _gen_throw(o.gen, false, exc);
    } catch (e) {
      o.gen.ag_running_async = false;
      o.state = AWAITABLE_STATE_CLOSED;
      throw e;
    }
    return asyncGenUnwrap(o.gen, k);
  }, flags: METH_FASTCALL },
  { name: "close", meth: (s: PyVal) => { (s as PyAsyncGenASendObject).state = AWAITABLE_STATE_CLOSED; return Py_None; }, flags: METH_NOARGS },
];

const asendSlots = {
  tp_iter: (s: PyVal) => s,
  tp_iternext: (s: PyVal): PyVal | undefined => {
    try {
      return asend_send(s, Py_None);
    } catch (e) {
      if (isStopIteration(e)) {
        lastAwaitValue = (e as PyStopIterationObject).value;
        return undefined;
      }
      throw e;
    }
  },
  am_await: (s: PyVal) => s,
};

/** The value carried by the StopIteration that ended the last asend/athrow iteration. */
export let lastAwaitValue: PyVal = Py_None;
export function takeLastAwaitValue(): PyVal {
  const v = lastAwaitValue;
  lastAwaitValue = Py_None;
  return v;
}

PyType_FromSpecStatic({ name: "async_generator_asend", slots: asendSlots, methods: asendMethods }, PyAsyncGenASend_Type);
PyType_FromSpecStatic({ name: "async_generator_athrow", slots: asendSlots, methods: asendMethods }, PyAsyncGenAThrow_Type);

/** async_gen_init_hooks: at the first __anext__/asend/athrow/aclose, call this thread's sys.set_asyncgen_hooks
 *  firstiter with the generator (asyncio tracks it for shutdown_asyncgens). DEVIATION: the finalizer hook is
 *  never called: Typhon cannot observe an unfinished async generator becoming garbage (docs/interpreter.md). */
function async_gen_init_hooks(g: PyGenObject): void {
  if (g.ag_hooks_inited) return;
  g.ag_hooks_inited = true;
  const firstiter = _PyThreadState_GET().async_gen_firstiter;
  if (firstiter !== null) PyObject_Vectorcall(firstiter, [g], null);
}

PyType_FromSpecStatic({
  name: "async_generator",
  slots: {
    tp_repr: gen_repr,
    am_aiter: (s) => s,
    am_anext: (s) => {
      async_gen_init_hooks(s as PyGenObject);
      return new PyAsyncGenASendObject(PyAsyncGenASend_Type, s as PyGenObject, Py_None, null, false);
    },
  },
  methods: [
    { name: "asend", meth: (s: PyVal, v: PyVal) => {
      async_gen_init_hooks(s as PyGenObject);
      return new PyAsyncGenASendObject(PyAsyncGenASend_Type, s as PyGenObject, v, null, false);
    }, flags: METH_O },
    { name: "athrow", meth: (s: PyVal, a: PyVal[]) => {
      if (a.length > 1) {
        hooks.warn(PyExc_DeprecationWarning, "the (type, exc, tb) signature of athrow() is deprecated, use the single-arg signature instead.", 1);
      }
      async_gen_init_hooks(s as PyGenObject);
      return new PyAsyncGenASendObject(PyAsyncGenAThrow_Type, s as PyGenObject, Py_None, a, true);
    }, flags: METH_FASTCALL },
    { name: "aclose", meth: (s: PyVal) => {
      async_gen_init_hooks(s as PyGenObject);
      return new PyAsyncGenASendObject(PyAsyncGenAThrow_Type, s as PyGenObject, Py_None, null, true);
    }, flags: METH_NOARGS },
  ],
  getset: [...genGetset("ag"), { name: "ag_running", get: (s: PyVal) => PyBool_FromLong((s as PyGenObject).ag_running_async) }],
}, PyAsyncGen_Type);

