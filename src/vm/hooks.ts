// Services the evaluation loop needs from the runtime (imports, sets, the display hook, the eval breaker),
// installed at start-up by src/runtime/pylifecycle.ts so that src/vm does not depend on the runtime's modules.
import type { PyVal, PyUnicodeObject } from "../objects/object.js";
import type { PyFrameObject } from "../objects/frameobject.js";
import { type PyThreadState, _PY_STEP_BUDGET_BIT, _PY_ASYNC_EXCEPTION_BIT } from "../runtime/pystate.js";

function missing(what: string): never {
  throw new Error(`vm hook not installed: ${what}`);
}

/** Raise a pending asynchronous exception or enforce the step budget (see docs/interpreter.md, the eval breaker). */
function defaultEvalBreaker(ts: PyThreadState): void {
  if (ts.step_budget >= 0 && (ts.eval_breaker & _PY_STEP_BUDGET_BIT)) {
    if (--ts.step_budget <= 0) {
      ts.eval_breaker &= ~_PY_STEP_BUDGET_BIT;
      ts.step_budget = -1;
      if (ts.async_exc === null) ts.async_exc = vmHooks.budgetExceeded();
    }
  }
  if (ts.async_exc !== null) {
    const e = ts.async_exc;
    ts.async_exc = null;
    ts.eval_breaker &= ~_PY_ASYNC_EXCEPTION_BIT;
    throw e;
  }
}

export const vmHooks = {
  handleEvalBreaker: defaultEvalBreaker,
  /** The exception raised when the step budget runs out (the embedder decides; default KeyboardInterrupt-like). */
  budgetExceeded: (): PyVal => missing("budgetExceeded"),
  setUpdate: (set: PyVal, iterable: PyVal): void => { void set; void iterable; missing("setUpdate"); },
  setAdd: (set: PyVal, v: PyVal): void => { void set; void v; missing("setAdd"); },
  buildSet: (items: PyVal[]): PyVal => { void items; return missing("buildSet"); },
  importName: (f: PyFrameObject, name: PyUnicodeObject, fromlist: PyVal, level: PyVal): PyVal => {
    void f; void name; void fromlist; void level;
    return missing("importName");
  },
  importFrom: (module: PyVal, name: PyUnicodeObject): PyVal => { void module; void name; return missing("importFrom"); },
  importStar: (f: PyFrameObject, module: PyVal): void => { void f; void module; missing("importStar"); },
  displayHook: (v: PyVal): PyVal => { void v; return missing("displayHook"); },
  intrinsic1: (oparg: number, v: PyVal): PyVal => { void v; return missing(`intrinsic1 ${oparg}`); },
  intrinsic2: (oparg: number, a: PyVal, b: PyVal): PyVal => { void a; void b; return missing(`intrinsic2 ${oparg}`); },
  intern: (s: string): PyUnicodeObject => { void s; return missing("intern"); },
  /** A Python callable wrapping a JS predicate (for exception-group splitting). */
  predicate: (f: (x: PyVal) => boolean): PyVal => { void f; return missing("predicate"); },
  /** A fresh private object (a sentinel). */
  dummy: (): PyVal => missing("dummy"),
};
