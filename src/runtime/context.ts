// Context variables (Python/context.c, PEP 567): Context, ContextVar, Token and the current context of each thread
// state. Contexts are immutable maps copied on write (CPython uses a HAMT). Generators and coroutines do not switch
// contexts; asyncio's Tasks do, through Context.run. See docs/modules.md (_contextvars).
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE,
  METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS, METH_CLASS, PyUnicodeObject, PyBaseObject_Type, type PyVal,
} from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyObject_Vectorcall, PyObject_Repr, PyObject_RichCompareBool } from "../objects/abstract.js";
import { Py_GenericAlias } from "../objects/genericaliasobject.js";
import { addressOf } from "../objects/methodobject.js";
import {
  PyExc_TypeError, PyExc_RuntimeError, PyExc_ValueError, PyExc_LookupError,
} from "../objects/exceptions.js";
import { PyErr_Format, PyErr_SetObject, PyErr_SetKeyError } from "./errors.js";
import { _PyThreadState_GET, type PyThreadState } from "./pystate.js";
import { unexpectedKeywordMessage } from "./suggestions.js";
import { _PyGC_AddRoot, _PyGC_AllThreadStates } from "./gc.js";

export const PyContext_Type = PyType_Declare("_contextvars.Context");
export const PyContextVar_Type = PyType_Declare("_contextvars.ContextVar");
export const PyContextToken_Type = PyType_Declare("_contextvars.Token");
const PyContextTokenMissing_Type = PyType_Declare("Token.MISSING");
const PyContextKeys_Type = PyType_Declare("keys");
const PyContextValues_Type = PyType_Declare("values");
const PyContextItems_Type = PyType_Declare("items");

/** A context: an immutable variable -> value map (ctx_vars) and whether it is entered (ctx_entered). */
export class PyContext extends PyObject {
  ctx_vars: ReadonlyMap<PyContextVar, PyVal>;
  ctx_prev: PyContext | null;
  ctx_entered: boolean;
  constructor(vars: ReadonlyMap<PyContextVar, PyVal>) {
    super(PyContext_Type);
    this.ctx_vars = vars;
    this.ctx_prev = null;
    this.ctx_entered = false;
  }
}

export class PyContextVar extends PyObject {
  readonly var_name: PyUnicodeObject;
  readonly var_default: PyVal | null;
  constructor(name: PyUnicodeObject, def: PyVal | null) {
    super(PyContextVar_Type);
    this.var_name = name;
    this.var_default = def;
  }
}

export class PyContextToken extends PyObject {
  readonly tok_ctx: PyContext;
  readonly tok_var: PyContextVar;
  /** The previous value, or null (Token.MISSING) when the variable had none. */
  readonly tok_oldval: PyVal | null;
  tok_used: boolean;
  constructor(ctx: PyContext, v: PyContextVar, old: PyVal | null) {
    super(PyContextToken_Type);
    this.tok_ctx = ctx;
    this.tok_var = v;
    this.tok_oldval = old;
    this.tok_used = false;
  }
}

/** Token.MISSING. */
export const _PyContextTokenMissing = new PyObject(PyContextTokenMissing_Type);

// The current context of each thread state (CPython's tstate->context), created lazily.
const currentContexts = new WeakMap<PyThreadState, PyContext>();
_PyGC_AddRoot("contextvars", () => _PyGC_AllThreadStates().map((ts) => currentContexts.get(ts)));

/** context_get: the current context, creating an empty one on first use. */
export function PyContext_Get(): PyContext {
  const ts = _PyThreadState_GET();
  let ctx = currentContexts.get(ts);
  if (ctx === undefined) {
    ctx = new PyContext(new Map());
    currentContexts.set(ts, ctx);
  }
  return ctx;
}

/** PyContext_CopyCurrent (copy_context()). */
export function PyContext_CopyCurrent(): PyContext {
  return new PyContext(PyContext_Get().ctx_vars);
}

export function PyContext_Enter(ctx: PyContext): void {
  if (ctx.ctx_entered) {
    PyErr_Format(PyExc_RuntimeError, `cannot enter context: ${PyObject_Repr(ctx).value} is already entered`);
  }
  ctx.ctx_prev = PyContext_Get();
  ctx.ctx_entered = true;
  currentContexts.set(_PyThreadState_GET(), ctx);
}

export function PyContext_Exit(ctx: PyContext): void {
  if (!ctx.ctx_entered) PyErr_Format(PyExc_RuntimeError, `cannot exit context: ${PyObject_Repr(ctx).value} has not been entered`);
  currentContexts.set(_PyThreadState_GET(), ctx.ctx_prev!);
  ctx.ctx_prev = null;
  ctx.ctx_entered = false;
}

/** Context.run(callable, *args, **kwargs) (context_run): the call runs with ctx as the current context. */
export function PyContext_Run(ctx: PyContext, callable: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  PyContext_Enter(ctx);
  try {
    return PyObject_Vectorcall(callable, args, kwnames);
  } finally {
    PyContext_Exit(ctx);
  }
}

function contextvar_set(v: PyContextVar, value: PyVal): void {
  const ctx = PyContext_Get();
  const vars = new Map(ctx.ctx_vars);
  vars.set(v, value);
  ctx.ctx_vars = vars;
}

function contextvar_del(v: PyContextVar): void {
  const ctx = PyContext_Get();
  if (!ctx.ctx_vars.has(v)) PyErr_SetObject(PyExc_LookupError, v);
  const vars = new Map(ctx.ctx_vars);
  vars.delete(v);
  ctx.ctx_vars = vars;
}

/** PyContextVar_Get: the value, else `def`, else the variable's default; undefined when there is none. */
export function PyContextVar_Get(v: PyContextVar, def: PyVal | null): PyVal | undefined {
  const found = PyContext_Get().ctx_vars.get(v);
  if (found !== undefined) return found;
  if (def !== null) return def;
  return v.var_default ?? undefined;
}

function checkVar(ctx: PyVal, key: PyVal): PyContextVar {
  void ctx;
  if (!(key instanceof PyContextVar)) {
    return PyErr_Format(PyExc_TypeError, `a ContextVar key was expected, got ${PyObject_Repr(key).value}`);
  }
  return key;
}

// ---- Context ----

type IterKind = "keys" | "values" | "items";

class PyContextIter extends PyObject {
  readonly it: Iterator<[PyContextVar, PyVal]>;
  readonly kind: IterKind;
  constructor(type: PyTypeObject, vars: ReadonlyMap<PyContextVar, PyVal>, kind: IterKind) {
    super(type);
    this.it = vars.entries();
    this.kind = kind;
  }
}

function ctxIter(ctx: PyVal, kind: IterKind): PyContextIter {
  const type = kind === "keys" ? PyContextKeys_Type : kind === "values" ? PyContextValues_Type : PyContextItems_Type;
  return new PyContextIter(type, (ctx as PyContext).ctx_vars, kind);
}

function ctxiter_next(s: PyVal): PyVal | undefined {
  const self = s as PyContextIter;
  const r = self.it.next();
  if (r.done === true) return undefined;
  const [k, v] = r.value;
  switch (self.kind) {
    case "keys": return k;
    case "values": return v;
    case "items": return PyTuple_New([k, v]);
    default: { const never: never = self.kind; return never; }
  }
}

for (const t of [PyContextKeys_Type, PyContextValues_Type, PyContextItems_Type]) {
  PyType_FromSpecStatic({
    name: t.tp_name,
    slots: { tp_iter: (s) => s, tp_iternext: ctxiter_next },
  }, t);
}

function context_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (!(a instanceof PyContext) || !(b instanceof PyContext) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  let eq = a.ctx_vars.size === b.ctx_vars.size;
  if (eq) {
    for (const [k, v] of a.ctx_vars) {
      const w = b.ctx_vars.get(k);
      if (w === undefined || !PyObject_RichCompareBool(v, w, Py_EQ)) { eq = false; break; }
    }
  }
  return PyBool_FromLong(op === Py_EQ ? eq : !eq);
}

function noKwargs(name: string, kwnames: readonly PyVal[] | null): void {
  if (kwnames !== null && kwnames.length > 0) PyErr_Format(PyExc_TypeError, `${name}() takes no keyword arguments`);
}

function argCount(name: string, args: readonly PyVal[], min: number, max: number): void {
  if (args.length < min) PyErr_Format(PyExc_TypeError, `${name} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${args.length}`);
  if (args.length > max) PyErr_Format(PyExc_TypeError, `${name} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${args.length}`);
}

PyType_FromSpecStatic({
  name: "_contextvars.Context",
  doc: null,
  slots: {
    tp_new: (_t, args, kwnames) => {
      if (args.length > 0 || (kwnames !== null && kwnames.length > 0)) {
        return PyErr_Format(PyExc_TypeError, "Context() does not accept any arguments");
      }
      return new PyContext(new Map());
    },
    tp_richcompare: context_richcompare,
    tp_iter: (s) => ctxIter(s, "keys"),
    mp_length: (s) => (s as PyContext).ctx_vars.size,
    mp_subscript: (s, key) => {
      const v = checkVar(s, key);
      const r = (s as PyContext).ctx_vars.get(v);
      return r === undefined ? PyErr_SetKeyError(key) : r;
    },
    sq_contains: (s, key) => (s as PyContext).ctx_vars.has(checkVar(s, key)),
  },
  methods: [
    { name: "run", meth: (s: PyVal, args: PyVal[], kwnames: PyVal[] | null) => {
      const npos = args.length - (kwnames === null ? 0 : kwnames.length);
      if (npos < 1) return PyErr_Format(PyExc_TypeError, "run() missing 1 required positional argument");
      return PyContext_Run(s as PyContext, args[0], args.slice(1), kwnames);
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "get", meth: (s: PyVal, args: PyVal[], kwnames: PyVal[] | null) => {
      noKwargs("Context.get", kwnames);
      argCount("get", args, 1, 2);
      const v = checkVar(s, args[0]);
      return (s as PyContext).ctx_vars.get(v) ?? (args.length > 1 ? args[1] : Py_None);
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "items", meth: (s: PyVal) => ctxIter(s, "items"), flags: METH_NOARGS },
    { name: "keys", meth: (s: PyVal) => ctxIter(s, "keys"), flags: METH_NOARGS },
    { name: "values", meth: (s: PyVal) => ctxIter(s, "values"), flags: METH_NOARGS },
    { name: "copy", meth: (s: PyVal) => new PyContext((s as PyContext).ctx_vars), flags: METH_NOARGS },
  ],
}, PyContext_Type);

// ---- ContextVar ----

function contextvar_repr(s: PyVal): PyUnicodeObject {
  const v = s as PyContextVar;
  const def = v.var_default === null ? "" : ` default=${PyObject_Repr(v.var_default).value}`;
  return PyUnicode_FromString(`<ContextVar name=${PyObject_Repr(v.var_name).value}${def} at ${addressOf(v)}>`);
}

function contextvar_new(_t: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos > 1) return PyErr_Format(PyExc_TypeError, `ContextVar() takes at most 1 positional argument (${npos} given)`);
  let name: PyVal | undefined = npos === 1 ? args[0] : undefined;
  let def: PyVal | null = null;
  for (let k = 0; k < nkw; k++) {
    const key = (kwnames![k] as PyUnicodeObject).value;
    if (key === "default") def = args[npos + k];
    else if (key === "name" && name === undefined) name = args[npos + k];
    else return PyErr_Format(PyExc_TypeError, unexpectedKeywordMessage("ContextVar", key, ["default"]));
  }
  if (name === undefined) return PyErr_Format(PyExc_TypeError, "ContextVar() takes exactly 1 positional argument (0 given)");
  if (!PyUnicode_Check(name)) return PyErr_Format(PyExc_TypeError, "context variable name must be a str");
  return new PyContextVar(name, def);
}

PyType_FromSpecStatic({
  name: "_contextvars.ContextVar",
  slots: { tp_new: contextvar_new, tp_repr: contextvar_repr, tp_hash: (s) => PyBaseObject_Type.tp_hash!(s) },
  members: [{ name: "name", get: (s: PyVal) => (s as PyContextVar).var_name }],
  methods: [
    { name: "get", meth: (s: PyVal, args: PyVal[], kwnames: PyVal[] | null) => {
      noKwargs("ContextVar.get", kwnames);
      argCount("get", args, 0, 1);
      const r = PyContextVar_Get(s as PyContextVar, args.length > 0 ? args[0] : null);
      return r === undefined ? PyErr_SetObject(PyExc_LookupError, s) : r;
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "set", meth: (s: PyVal, value: PyVal) => {
      const v = s as PyContextVar;
      const ctx = PyContext_Get();
      const tok = new PyContextToken(ctx, v, ctx.ctx_vars.get(v) ?? null);
      contextvar_set(v, value);
      return tok;
    }, flags: METH_O },
    { name: "reset", meth: (s: PyVal, token: PyVal) => {
      if (!(token instanceof PyContextToken)) {
        return PyErr_Format(PyExc_TypeError, `expected an instance of Token, got ${PyObject_Repr(token).value}`);
      }
      const tr = () => PyObject_Repr(token).value;
      if (token.tok_used) return PyErr_Format(PyExc_RuntimeError, `${tr()} has already been used once`);
      if (token.tok_var !== s) return PyErr_Format(PyExc_ValueError, `${tr()} was created by a different ContextVar`);
      if (token.tok_ctx !== PyContext_Get()) return PyErr_Format(PyExc_ValueError, `${tr()} was created in a different Context`);
      token.tok_used = true;
      if (token.tok_oldval === null) contextvar_del(s as PyContextVar);
      else contextvar_set(s as PyContextVar, token.tok_oldval);
      return Py_None;
    }, flags: METH_O },
    { name: "__class_getitem__", meth: (cls: PyVal, arg: PyVal) => Py_GenericAlias(cls, arg), flags: METH_O | METH_CLASS },
  ],
}, PyContextVar_Type);

// ---- Token ----

PyType_FromSpecStatic({
  name: "_contextvars.Token",
  slots: {
    tp_new: () => PyErr_Format(PyExc_RuntimeError, "Tokens can only be created by ContextVars"),
    tp_hash: (s) => PyBaseObject_Type.tp_hash!(s),
    tp_repr: (s) => {
      const t = s as PyContextToken;
      return PyUnicode_FromString(`<Token${t.tok_used ? " used" : ""} var=${PyObject_Repr(t.tok_var).value} at ${addressOf(t)}>`);
    },
  },
  getset: [
    { name: "var", get: (s: PyVal) => (s as PyContextToken).tok_var },
    { name: "old_value", get: (s: PyVal) => (s as PyContextToken).tok_oldval ?? _PyContextTokenMissing },
  ],
  methods: [
    { name: "__class_getitem__", meth: (cls: PyVal, arg: PyVal) => Py_GenericAlias(cls, arg), flags: METH_O | METH_CLASS },
  ],
}, PyContextToken_Type);

PyType_FromSpecStatic({
  name: "Token.MISSING",
  slots: { tp_repr: () => PyUnicode_FromString("<Token.MISSING>") },
}, PyContextTokenMissing_Type);
