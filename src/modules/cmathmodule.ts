// The cmath module (Modules/cmathmodule.c): every function with C99 Annex G's special values (CPython's 7x7 tables
// indexed by the classes of the real and imaginary parts), its overflow-avoiding formulas, errno's
// 'math domain error'/'math range error', and the constants. libm calls go through src/runtime/libm.ts (glibc's
// algorithms where Typhon has them). See docs/modules.md.
import { METH_O, METH_FASTCALL, METH_KEYWORDS, Py_TYPE, PyUnicodeObject, type PyVal } from "../objects/object.js";
import { PyComplex_FromDoubles, PyComplex_AsCComplex, PyComplex_Check } from "../objects/complexobject.js";
import { PyLong_Check } from "../objects/longobject.js";
import { PyFloat_FromDouble, PyFloat_Type, PyFloatObject } from "../objects/floatobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyObject_CallOneArg, _PyObject_LookupSpecial } from "../objects/abstract.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError } from "../objects/exceptions.js";
import { PyErr_Format } from "../runtime/errors.js";
import { c_hypot, c_exp, c_log, c_sin, c_cos, c_atan2 } from "../runtime/libm.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { unexpectedKeywordMessage } from "../runtime/suggestions.js";

type C = [number, number];
const EDOM = 33, ERANGE = 34;
let errno = 0;

const DBL_MAX = Number.MAX_VALUE, DBL_MIN = 2.2250738585072014e-308, DBL_MANT_DIG = 53;
const CM_LARGE_DOUBLE = DBL_MAX / 4;
const CM_SQRT_LARGE_DOUBLE = Math.sqrt(CM_LARGE_DOUBLE);
const CM_LOG_LARGE_DOUBLE = Math.log(CM_LARGE_DOUBLE);
const CM_SQRT_DBL_MIN = Math.sqrt(DBL_MIN);
const CM_SCALE_UP = 2 * Math.floor(DBL_MANT_DIG / 2) + 1;
const CM_SCALE_DOWN = -Math.floor((CM_SCALE_UP + 1) / 2);
const M_LN2 = 0.6931471805599453094, M_LN10 = 2.302585092994045684;
const PI = Math.PI, E = Math.E;

function copysign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0) || (Number.isNaN(y) && false);
  return neg ? -Math.abs(x) : Math.abs(x);
}

function ldexp(x: number, e: number): number {
  return x * 2 ** e;
}

const isFinite = Number.isFinite;
const isNaN = Number.isNaN;
function isInf(x: number): boolean {
  return x === Infinity || x === -Infinity;
}

/** special_type: 0 -inf, 1 negative, 2 -0, 3 +0, 4 positive, 5 +inf, 6 nan. */
function special_type(d: number): number {
  if (isFinite(d)) {
    if (d !== 0) return d > 0 ? 4 : 1;
    return Object.is(d, -0) ? 2 : 3;
  }
  if (isNaN(d)) return 6;
  return d > 0 ? 5 : 0;
}

const P = PI, P14 = 0.25 * PI, P12 = 0.5 * PI, P34 = 0.75 * PI, INF = Infinity, N = NaN;
const U = -9.5426319407711027e33; // unreachable placeholder

/** A 7x7 table from its 49 (real, imag) pairs, row = class of the real part. */
function table(v: readonly number[]): C[][] {
  const t: C[][] = [];
  for (let i = 0; i < 7; i++) {
    const row: C[] = [];
    for (let j = 0; j < 7; j++) row.push([v[(i * 7 + j) * 2], v[(i * 7 + j) * 2 + 1]]);
    t.push(row);
  }
  return t;
}

// The special-value tables of Modules/cmathmodule.c.
const acos_special_values = table([
  P34, INF, P, INF, P, INF, P, -INF, P, -INF, P34, -INF, N, INF,
  P12, INF, U, U, U, U, U, U, U, U, P12, -INF, N, N,
  P12, INF, U, U, P12, 0, P12, -0, U, U, P12, -INF, P12, N,
  P12, INF, U, U, P12, 0, P12, -0, U, U, P12, -INF, P12, N,
  P12, INF, U, U, U, U, U, U, U, U, P12, -INF, N, N,
  P14, INF, 0, INF, 0, INF, 0, -INF, 0, -INF, P14, -INF, N, INF,
  N, INF, N, N, N, N, N, N, N, N, N, -INF, N, N,
]);
const acosh_special_values = table([
  INF, -P34, INF, -P, INF, -P, INF, P, INF, P, INF, P34, INF, N,
  INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N,
  INF, -P12, U, U, 0, -P12, 0, P12, U, U, INF, P12, N, N,
  INF, -P12, U, U, 0, -P12, 0, P12, U, U, INF, P12, N, N,
  INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N,
  INF, -P14, INF, -0, INF, -0, INF, 0, INF, 0, INF, P14, INF, N,
  INF, N, N, N, N, N, N, N, N, N, INF, N, N, N,
]);
const asinh_special_values = table([
  -INF, -P14, -INF, -0, -INF, -0, -INF, 0, -INF, 0, -INF, P14, -INF, N,
  -INF, -P12, U, U, U, U, U, U, U, U, -INF, P12, N, N,
  -INF, -P12, U, U, -0, -0, -0, 0, U, U, -INF, P12, N, N,
  INF, -P12, U, U, 0, -0, 0, 0, U, U, INF, P12, N, N,
  INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N,
  INF, -P14, INF, -0, INF, -0, INF, 0, INF, 0, INF, P14, INF, N,
  INF, N, N, N, N, -0, N, 0, N, N, INF, N, N, N,
]);
const atanh_special_values = table([
  -0, -P12, -0, -P12, -0, -P12, -0, P12, -0, P12, -0, P12, -0, N,
  -0, -P12, U, U, U, U, U, U, U, U, -0, P12, N, N,
  -0, -P12, U, U, -0, -0, -0, 0, U, U, -0, P12, -0, N,
  0, -P12, U, U, 0, -0, 0, 0, U, U, 0, P12, 0, N,
  0, -P12, U, U, U, U, U, U, U, U, 0, P12, N, N,
  0, -P12, 0, -P12, 0, -P12, 0, P12, 0, P12, 0, P12, 0, N,
  0, -P12, N, N, N, N, N, N, N, N, 0, P12, N, N,
]);
const cosh_special_values = table([
  INF, N, U, U, INF, 0, INF, -0, U, U, INF, N, INF, N,
  N, N, U, U, U, U, U, U, U, U, N, N, N, N,
  N, 0, U, U, 1, 0, 1, -0, U, U, N, 0, N, 0,
  N, 0, U, U, 1, -0, 1, 0, U, U, N, 0, N, 0,
  N, N, U, U, U, U, U, U, U, U, N, N, N, N,
  INF, N, U, U, INF, -0, INF, 0, U, U, INF, N, INF, N,
  N, N, N, N, N, 0, N, 0, N, N, N, N, N, N,
]);
const exp_special_values = table([
  0, 0, U, U, 0, -0, 0, 0, U, U, 0, 0, 0, 0,
  N, N, U, U, U, U, U, U, U, U, N, N, N, N,
  N, N, U, U, 1, -0, 1, 0, U, U, N, N, N, N,
  N, N, U, U, 1, -0, 1, 0, U, U, N, N, N, N,
  N, N, U, U, U, U, U, U, U, U, N, N, N, N,
  INF, N, U, U, INF, -0, INF, 0, U, U, INF, N, INF, N,
  N, N, N, N, N, -0, N, 0, N, N, N, N, N, N,
]);
const log_special_values = table([
  INF, -P34, INF, -P, INF, -P, INF, P, INF, P, INF, P34, INF, N,
  INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N,
  INF, -P12, U, U, -INF, -P, -INF, P, U, U, INF, P12, N, N,
  INF, -P12, U, U, -INF, -0, -INF, 0, U, U, INF, P12, N, N,
  INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N,
  INF, -P14, INF, -0, INF, -0, INF, 0, INF, 0, INF, P14, INF, N,
  INF, N, N, N, N, N, N, N, N, N, INF, N, N, N,
]);
const sinh_special_values = table([
  INF, N, U, U, -INF, -0, -INF, 0, U, U, INF, N, INF, N,
  N, N, U, U, U, U, U, U, U, U, N, N, N, N,
  0, N, U, U, -0, -0, -0, 0, U, U, 0, N, 0, N,
  0, N, U, U, 0, -0, 0, 0, U, U, 0, N, 0, N,
  N, N, U, U, U, U, U, U, U, U, N, N, N, N,
  INF, N, U, U, INF, -0, INF, 0, U, U, INF, N, INF, N,
  N, N, N, N, N, -0, N, 0, N, N, N, N, N, N,
]);
const sqrt_special_values = table([
  INF, -INF, 0, -INF, 0, -INF, 0, INF, 0, INF, INF, INF, N, INF,
  INF, -INF, U, U, U, U, U, U, U, U, INF, INF, N, N,
  INF, -INF, U, U, 0, -0, 0, 0, U, U, INF, INF, N, N,
  INF, -INF, U, U, 0, -0, 0, 0, U, U, INF, INF, N, N,
  INF, -INF, U, U, U, U, U, U, U, U, INF, INF, N, N,
  INF, -INF, INF, -0, INF, -0, INF, 0, INF, 0, INF, INF, INF, N,
  INF, -INF, N, N, N, N, N, N, N, N, INF, INF, N, N,
]);
const tanh_special_values = table([
  -1, 0, U, U, -1, -0, -1, 0, U, U, -1, 0, -1, 0,
  N, N, U, U, U, U, U, U, U, U, N, N, N, N,
  N, N, U, U, -0, -0, -0, 0, U, U, N, N, N, N,
  N, N, U, U, 0, -0, 0, 0, U, U, N, N, N, N,
  N, N, U, U, U, U, U, U, U, U, N, N, N, N,
  1, 0, U, U, 1, -0, 1, 0, U, U, 1, 0, 1, 0,
  N, N, N, N, N, -0, N, 0, N, N, N, N, N, N,
]);
const rect_special_values = table([
  INF, N, U, U, -INF, 0, -INF, -0, U, U, INF, N, INF, N,
  N, N, U, U, U, U, U, U, U, U, N, N, N, N,
  0, 0, U, U, -0, 0, -0, -0, U, U, 0, 0, 0, 0,
  0, 0, U, U, 0, -0, 0, 0, U, U, 0, 0, 0, 0,
  N, N, U, U, U, U, U, U, U, U, N, N, N, N,
  INF, N, U, U, INF, -0, INF, 0, U, U, INF, N, INF, N,
  N, N, N, N, N, 0, N, 0, N, N, N, N, N, N,
]);


// glibc's asinh, cosh, sinh and tanh are fdlibm's algorithms over its own exp and log; V8's Math versions use
// fdlibm's exp/log instead, which differ in the last bit now and then. These follow fdlibm over libm.ts's exp and
// log (glibc-accurate) and Math.log1p/expm1 (fdlibm's, as glibc's).
const LN2 = 6.93147180559945286227e-01;
function m_asinh(x: number): number {
  const ax = Math.abs(x);
  if (!isFinite(x)) return x + x;
  if (ax < 2 ** -28) return x;
  let w: number;
  if (ax > 2 ** 28) {
    w = c_log(ax) + LN2;
  } else if (ax > 2) {
    w = c_log(2 * ax + 1 / (Math.sqrt(x * x + 1) + ax));
  } else {
    const t = x * x;
    w = Math.log1p(ax + t / (1 + Math.sqrt(1 + t)));
  }
  return x > 0 ? w : -w;
}
const LOG_DBL_MAX = 7.09782712893383973096e+02;
function m_cosh(x: number): number {
  const ax = Math.abs(x);
  if (!isFinite(x)) return x * x;
  if (ax < 0.5 * LN2) {
    const t = Math.expm1(ax);
    const w = 1 + t;
    if (ax < 2 ** -55) return w;
    return 1 + (t * t) / (w + w);
  }
  if (ax < 22) {
    const t = c_exp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ax < LOG_DBL_MAX) return 0.5 * c_exp(ax);
  const w = c_exp(0.5 * ax);
  return 0.5 * w * w;
}
function m_sinh(x: number): number {
  if (!isFinite(x)) return x + x;
  const h = x < 0 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (ax < 22) {
    if (ax < 2 ** -28) return x;
    const t = Math.expm1(ax);
    if (ax < 1) return h * (2 * t - t * t / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ax < LOG_DBL_MAX) return h * c_exp(ax);
  const w = c_exp(0.5 * ax);
  const t = h * w;
  return t * w;
}
function m_tanh(x: number): number {
  if (!isFinite(x)) return isNaN(x) ? x : x > 0 ? 1 : -1;
  const ax = Math.abs(x);
  let z: number;
  if (ax < 22) {
    if (ax < 2 ** -55) return x * (1 + x);
    if (ax >= 1) {
      const t = Math.expm1(2 * ax);
      z = 1 - 2 / (t + 2);
    } else {
      const t = Math.expm1(-2 * ax);
      z = -t / (t + 2);
    }
  } else {
    z = 1;
  }
  return x >= 0 ? z : -z;
}

function special(z: C, t: C[][]): C | null {
  if (!isFinite(z[0]) || !isFinite(z[1])) {
    errno = 0;
    const r = t[special_type(z[0])][special_type(z[1])];
    return [r[0], r[1]];
  }
  return null;
}

function c_sqrt(z: C): C {
  const sv = special(z, sqrt_special_values);
  if (sv !== null) return sv;
  if (z[0] === 0 && z[1] === 0) { errno = 0; return [0, z[1]]; }
  let ax = Math.abs(z[0]);
  const ay = Math.abs(z[1]);
  let s: number;
  if (ax < DBL_MIN && ay < DBL_MIN && (ax > 0 || ay > 0)) {
    ax = ldexp(ax, CM_SCALE_UP);
    s = ldexp(Math.sqrt(ax + c_hypot(ax, ldexp(ay, CM_SCALE_UP))), CM_SCALE_DOWN);
  } else {
    ax /= 8;
    s = 2 * Math.sqrt(ax + c_hypot(ax, ay / 8));
  }
  const d = ay / (2 * s);
  errno = 0;
  return z[0] >= 0 ? [s, copysign(d, z[1])] : [d, copysign(s, z[1])];
}

function c_acos(z: C): C {
  const sv = special(z, acos_special_values);
  if (sv !== null) return sv;
  let r: C;
  if (Math.abs(z[0]) > CM_LARGE_DOUBLE || Math.abs(z[1]) > CM_LARGE_DOUBLE) {
    const re = c_atan2(Math.abs(z[1]), z[0]);
    const l = c_log(c_hypot(z[0] / 2, z[1] / 2)) + M_LN2 * 2;
    r = [re, z[0] < 0 ? -copysign(l, z[1]) : copysign(l, -z[1])];
  } else {
    const s1 = c_sqrt([1 - z[0], -z[1]]);
    const s2 = c_sqrt([1 + z[0], z[1]]);
    r = [2 * c_atan2(s1[0], s2[0]), m_asinh(s2[0] * s1[1] - s2[1] * s1[0])];
  }
  errno = 0;
  return r;
}

function c_acosh(z: C): C {
  const sv = special(z, acosh_special_values);
  if (sv !== null) return sv;
  let r: C;
  if (Math.abs(z[0]) > CM_LARGE_DOUBLE || Math.abs(z[1]) > CM_LARGE_DOUBLE) {
    r = [c_log(c_hypot(z[0] / 2, z[1] / 2)) + M_LN2 * 2, c_atan2(z[1], z[0])];
  } else {
    const s1 = c_sqrt([z[0] - 1, z[1]]);
    const s2 = c_sqrt([z[0] + 1, z[1]]);
    r = [m_asinh(s1[0] * s2[0] + s1[1] * s2[1]), 2 * c_atan2(s1[1], s2[0])];
  }
  errno = 0;
  return r;
}

function c_asinh(z: C): C {
  const sv = special(z, asinh_special_values);
  if (sv !== null) return sv;
  let r: C;
  if (Math.abs(z[0]) > CM_LARGE_DOUBLE || Math.abs(z[1]) > CM_LARGE_DOUBLE) {
    const l = c_log(c_hypot(z[0] / 2, z[1] / 2)) + M_LN2 * 2;
    r = [z[1] >= 0 ? copysign(l, z[0]) : -copysign(l, -z[0]), c_atan2(z[1], Math.abs(z[0]))];
  } else {
    const s1 = c_sqrt([1 + z[1], -z[0]]);
    const s2 = c_sqrt([1 - z[1], z[0]]);
    r = [m_asinh(s1[0] * s2[1] - s2[0] * s1[1]), c_atan2(z[1], s1[0] * s2[0] - s1[1] * s2[1])];
  }
  errno = 0;
  return r;
}

function c_asin(z: C): C {
  const s = c_asinh([-z[1], z[0]]);
  return [s[1], -s[0]];
}

function c_atanh(z: C): C {
  const sv = special(z, atanh_special_values);
  if (sv !== null) return sv;
  if (z[0] < 0) {
    const r = c_atanh([-z[0], -z[1]]);
    return [-r[0], -r[1]];
  }
  const ay = Math.abs(z[1]);
  let r: C;
  if (z[0] > CM_SQRT_LARGE_DOUBLE || ay > CM_SQRT_LARGE_DOUBLE) {
    const h = c_hypot(z[0] / 2, z[1] / 2);
    r = [z[0] / 4 / h / h, -copysign(PI / 2, -z[1])];
    errno = 0;
  } else if (z[0] === 1 && ay < CM_SQRT_DBL_MIN) {
    if (ay === 0) {
      r = [INF, z[1]];
      errno = EDOM;
    } else {
      r = [-c_log(Math.sqrt(ay) / Math.sqrt(c_hypot(ay, 2))), copysign(c_atan2(2, -ay) / 2, z[1])];
      errno = 0;
    }
  } else {
    r = [Math.log1p(4 * z[0] / ((1 - z[0]) * (1 - z[0]) + ay * ay)) / 4,
      -c_atan2(-2 * z[1], (1 - z[0]) * (1 + z[0]) - ay * ay) / 2];
    errno = 0;
  }
  return r;
}

function c_atan(z: C): C {
  const s = c_atanh([-z[1], z[0]]);
  return [s[1], -s[0]];
}

/** cosh and sinh share their special-case shape. */
function c_cosh(z: C): C {
  if (!isFinite(z[0]) || !isFinite(z[1])) {
    let r: C;
    if (isInf(z[0]) && isFinite(z[1]) && z[1] !== 0) {
      r = z[0] > 0 ? [copysign(INF, c_cos(z[1])), copysign(INF, c_sin(z[1]))]
        : [copysign(INF, c_cos(z[1])), -copysign(INF, c_sin(z[1]))];
    } else {
      const t = cosh_special_values[special_type(z[0])][special_type(z[1])];
      r = [t[0], t[1]];
    }
    errno = isInf(z[1]) && !isNaN(z[0]) ? EDOM : 0;
    return r;
  }
  let r: C;
  if (Math.abs(z[0]) > CM_LOG_LARGE_DOUBLE) {
    const x1 = z[0] - copysign(1, z[0]);
    r = [c_cos(z[1]) * m_cosh(x1) * E, c_sin(z[1]) * m_sinh(x1) * E];
  } else {
    r = [c_cos(z[1]) * m_cosh(z[0]), c_sin(z[1]) * m_sinh(z[0])];
  }
  errno = isInf(r[0]) || isInf(r[1]) ? ERANGE : 0;
  return r;
}

function c_sinh(z: C): C {
  if (!isFinite(z[0]) || !isFinite(z[1])) {
    let r: C;
    if (isInf(z[0]) && isFinite(z[1]) && z[1] !== 0) {
      r = z[0] > 0 ? [copysign(INF, c_cos(z[1])), copysign(INF, c_sin(z[1]))]
        : [-copysign(INF, c_cos(z[1])), copysign(INF, c_sin(z[1]))];
    } else {
      const t = sinh_special_values[special_type(z[0])][special_type(z[1])];
      r = [t[0], t[1]];
    }
    errno = isInf(z[1]) && !isNaN(z[0]) ? EDOM : 0;
    return r;
  }
  let r: C;
  if (Math.abs(z[0]) > CM_LOG_LARGE_DOUBLE) {
    const x1 = z[0] - copysign(1, z[0]);
    r = [c_cos(z[1]) * m_sinh(x1) * E, c_sin(z[1]) * m_cosh(x1) * E];
  } else {
    r = [c_cos(z[1]) * m_sinh(z[0]), c_sin(z[1]) * m_cosh(z[0])];
  }
  errno = isInf(r[0]) || isInf(r[1]) ? ERANGE : 0;
  return r;
}

function c_cos_(z: C): C {
  return c_cosh([-z[1], z[0]]);
}

function c_sin_(z: C): C {
  const s = c_sinh([-z[1], z[0]]);
  return [s[1], -s[0]];
}

function c_exp_(z: C): C {
  if (!isFinite(z[0]) || !isFinite(z[1])) {
    let r: C;
    if (isInf(z[0]) && isFinite(z[1]) && z[1] !== 0) {
      r = z[0] > 0 ? [copysign(INF, c_cos(z[1])), copysign(INF, c_sin(z[1]))]
        : [copysign(0, c_cos(z[1])), copysign(0, c_sin(z[1]))];
    } else {
      const t = exp_special_values[special_type(z[0])][special_type(z[1])];
      r = [t[0], t[1]];
    }
    errno = isInf(z[1]) && (isFinite(z[0]) || z[0] === INF) ? EDOM : 0;
    return r;
  }
  let r: C;
  if (z[0] > CM_LOG_LARGE_DOUBLE) {
    const l = c_exp(z[0] - 1);
    r = [l * c_cos(z[1]) * E, l * c_sin(z[1]) * E];
  } else {
    const l = c_exp(z[0]);
    r = [l * c_cos(z[1]), l * c_sin(z[1])];
  }
  errno = isInf(r[0]) || isInf(r[1]) ? ERANGE : 0;
  return r;
}

function c_log_(z: C): C {
  const sv = special(z, log_special_values);
  if (sv !== null) return sv;
  const ax = Math.abs(z[0]), ay = Math.abs(z[1]);
  let re: number;
  if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE) {
    re = c_log(c_hypot(ax / 2, ay / 2)) + M_LN2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0 || ay > 0) {
      re = c_log(c_hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * M_LN2;
    } else {
      errno = EDOM;
      return [-INF, c_atan2(z[1], z[0])];
    }
  } else {
    const h = c_hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      const am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
      re = Math.log1p((am - 1) * (am + 1) + an * an) / 2;
    } else {
      re = c_log(h);
    }
  }
  errno = 0;
  return [re, c_atan2(z[1], z[0])];
}

function c_log10_(z: C): C {
  const r = c_log_(z);
  return [r[0] / M_LN10, r[1] / M_LN10];
}

function c_tanh(z: C): C {
  if (!isFinite(z[0]) || !isFinite(z[1])) {
    let r: C;
    if (isInf(z[0]) && isFinite(z[1]) && z[1] !== 0) {
      r = [z[0] > 0 ? 1 : -1, copysign(0, 2 * c_sin(z[1]) * c_cos(z[1]))];
    } else {
      const t = tanh_special_values[special_type(z[0])][special_type(z[1])];
      r = [t[0], t[1]];
    }
    errno = isInf(z[1]) && isFinite(z[0]) ? EDOM : 0;
    return r;
  }
  let r: C;
  if (Math.abs(z[0]) > CM_LOG_LARGE_DOUBLE) {
    r = [copysign(1, z[0]), 4 * c_sin(z[1]) * c_cos(z[1]) * c_exp(-2 * Math.abs(z[0]))];
  } else {
    const tx = m_tanh(z[0]);
    const ty = Math.tan(z[1]);
    const cx = 1 / m_cosh(z[0]);
    const txty = tx * ty;
    const denom = 1 + txty * txty;
    r = [tx * (1 + ty * ty) / denom, ((ty / denom) * cx) * cx];
  }
  errno = 0;
  return r;
}

function c_tan(z: C): C {
  const s = c_tanh([-z[1], z[0]]);
  return [s[1], -s[0]];
}

/** The phase of z with C99's atan2 rules for infinities and NaNs (c_atan2 of cmathmodule.c). */
function c_phase(z: C): number {
  if (isNaN(z[0]) || isNaN(z[1])) return NaN;
  if (isInf(z[1])) {
    if (isInf(z[0])) return copysign(z[0] > 0 ? 0.25 * PI : 0.75 * PI, z[1]);
    return copysign(0.5 * PI, z[1]);
  }
  if (isInf(z[0]) || z[1] === 0) {
    return copysign(z[0] > 0 || Object.is(z[0], 0) ? 0 : PI, z[1]);
  }
  const r = c_atan2(z[1], z[0]);
  // glibc's atan2 wrapper reports an underflow to zero as ERANGE (so phase() raises "math range error").
  if (r === 0 && z[1] !== 0) errno = ERANGE;
  return r;
}

function c_abs(z: C): number {
  errno = 0;
  if (!isFinite(z[0]) || !isFinite(z[1])) {
    if (isInf(z[0])) return Math.abs(z[0]);
    if (isInf(z[1])) return Math.abs(z[1]);
    return NaN;
  }
  const r = c_hypot(z[0], z[1]);
  if (!isFinite(r)) errno = ERANGE;
  return r;
}

/** _Py_c_quot (Smith's algorithm); errno EDOM on division by zero. */
function c_quot(a: C, b: C): C {
  const abr = Math.abs(b[0]), abi = Math.abs(b[1]);
  if (abr >= abi) {
    if (abr === 0) { errno = EDOM; return [0, 0]; }
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (abi >= abr) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  return [NaN, NaN];
}

function math_error(): never {
  if (errno === EDOM) return PyErr_Format(PyExc_ValueError, "math domain error");
  return PyErr_Format(PyExc_OverflowError, "math range error");
}

/** The "D" converter: complex, __complex__, then PyFloat_AsDouble (which never parses strings). */
function toC(v: PyVal): C {
  if (PyComplex_Check(v) || _PyObject_LookupSpecial(v, "__complex__") !== undefined) return PyComplex_AsCComplex(v);
  return [doubleArg(v), 0];
}

function oneArg(name: string, f: (z: C) => C) {
  return {
    name,
    meth: (_m: PyVal, arg: PyVal) => {
      const z = toC(arg);
      errno = 0;
      const r = f(z);
      if (errno !== 0) math_error();
      return PyComplex_FromDoubles(r[0], r[1]);
    },
    flags: METH_O,
  };
}

/** PyFloat_AsDouble: floats, ints, __float__ and __index__; anything else is "must be real number". */
function doubleArg(v: PyVal): number {
  if (v instanceof PyFloatObject) return v.ob_fval;
  if (typeof v !== "number" && !PyLong_Check(v) && _PyObject_LookupSpecial(v, "__float__") === undefined
    && _PyObject_LookupSpecial(v, "__index__") === undefined) {
    return PyErr_Format(PyExc_TypeError, `must be real number, not ${Py_TYPE(v).tp_name}`);
  }
  return (PyObject_CallOneArg(PyFloat_Type, v) as PyFloatObject).ob_fval;
}

function cmath_log(_m: PyVal, args: PyVal[]): PyVal {
  if (args.length < 1 || args.length > 2) {
    return PyErr_Format(PyExc_TypeError, `log expected ${args.length < 1 ? "at least 1 argument" : "at most 2 arguments"}, got ${args.length}`);
  }
  errno = 0;
  let x = c_log_(toC(args[0]));
  if (args.length === 2) {
    const y = c_log_(toC(args[1]));
    x = c_quot(x, y);
  }
  if (errno !== 0) math_error();
  return PyComplex_FromDoubles(x[0], x[1]);
}

function cmath_rect(_m: PyVal, args: PyVal[]): PyVal {
  if (args.length !== 2) return PyErr_Format(PyExc_TypeError, `rect expected 2 arguments, got ${args.length}`);
  const r = doubleArg(args[0]), phi = doubleArg(args[1]);
  let z: C;
  errno = 0;
  if (!isFinite(r) || !isFinite(phi)) {
    if (isInf(r) && isFinite(phi) && phi !== 0) {
      z = r > 0 ? [copysign(INF, c_cos(phi)), copysign(INF, c_sin(phi))]
        : [-copysign(INF, c_cos(phi)), -copysign(INF, c_sin(phi))];
    } else {
      const t = rect_special_values[special_type(r)][special_type(phi)];
      z = [t[0], t[1]];
    }
    errno = r !== 0 && !isNaN(r) && isInf(phi) ? EDOM : 0;
  } else if (phi === 0) {
    z = [r, r * phi];
  } else {
    z = [r * c_cos(phi), r * c_sin(phi)];
  }
  if (errno !== 0) math_error();
  return PyComplex_FromDoubles(z[0], z[1]);
}

function cmath_isclose(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos > 2) return PyErr_Format(PyExc_TypeError, `isclose() takes exactly 2 positional arguments (${npos} given)`);
  const got: (PyVal | undefined)[] = [args[0], args[1], undefined, undefined].map((v, i) => (i < npos ? v : undefined));
  const names = ["a", "b", "rel_tol", "abs_tol"];
  for (let k = 0; k < nkw; k++) {
    const key = (kwnames![k] as PyUnicodeObject).value;
    const i = names.indexOf(key);
    if (i < 0) return PyErr_Format(PyExc_TypeError, unexpectedKeywordMessage("isclose", key, names));
    if (got[i] !== undefined) return PyErr_Format(PyExc_TypeError, `argument for isclose() given by name ('${key}') and position (${i + 1})`);
    got[i] = args[npos + k];
  }
  if (got[0] === undefined) return PyErr_Format(PyExc_TypeError, "isclose() missing required argument 'a' (pos 1)");
  if (got[1] === undefined) return PyErr_Format(PyExc_TypeError, "isclose() missing required argument 'b' (pos 2)");
  const a = toC(got[0]), b = toC(got[1]);
  const rel_tol = got[2] === undefined ? 1e-9 : doubleArg(got[2]);
  const abs_tol = got[3] === undefined ? 0 : doubleArg(got[3]);
  if (rel_tol < 0 || abs_tol < 0) return PyErr_Format(PyExc_ValueError, "tolerances must be non-negative");
  if (a[0] === b[0] && a[1] === b[1]) return PyBool_FromLong(true);
  if (isInf(a[0]) || isInf(a[1]) || isInf(b[0]) || isInf(b[1])) return PyBool_FromLong(false);
  const diff = c_abs([a[0] - b[0], a[1] - b[1]]);
  return PyBool_FromLong(diff <= rel_tol * c_abs(b) || diff <= rel_tol * c_abs(a) || diff <= abs_tol);
}

export const cmathmodule: PyModuleDef = {
  m_name: "cmath",
  m_doc: "This module provides access to mathematical functions for complex\nnumbers.",
  m_methods: [
    { ...oneArg("acos", c_acos), doc: "Return the arc cosine of z." },
    { ...oneArg("acosh", c_acosh), doc: "Return the inverse hyperbolic cosine of z." },
    { ...oneArg("asin", c_asin), doc: "Return the arc sine of z." },
    { ...oneArg("asinh", c_asinh), doc: "Return the inverse hyperbolic sine of z." },
    { ...oneArg("atan", c_atan), doc: "Return the arc tangent of z." },
    { ...oneArg("atanh", c_atanh), doc: "Return the inverse hyperbolic tangent of z." },
    { ...oneArg("cos", c_cos_), doc: "Return the cosine of z." },
    { ...oneArg("cosh", c_cosh), doc: "Return the hyperbolic cosine of z." },
    { ...oneArg("exp", c_exp_), doc: "Return the exponential value e**z." },
    { name: "isclose", meth: cmath_isclose, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Determine whether two complex numbers are close in value.\n\n  rel_tol\n    maximum difference for being considered \"close\", relative to the\n    magnitude of the input values\n  abs_tol\n    maximum difference for being considered \"close\", regardless of the\n    magnitude of the input values\n\nReturn True if a is close in value to b, and False otherwise.\n\nFor the values to be considered close, the difference between them must be\nsmaller than at least one of the tolerances.\n\n-inf, inf and NaN behave similarly to the IEEE 754 Standard. That is, NaN is\nnot close to anything, even itself. inf and -inf are only close to themselves." },
    { name: "isfinite", meth: (_m: PyVal, v: PyVal) => { const z = toC(v); return PyBool_FromLong(isFinite(z[0]) && isFinite(z[1])); },
      flags: METH_O, doc: "Return True if both the real and imaginary parts of z are finite, else False." },
    { name: "isinf", meth: (_m: PyVal, v: PyVal) => { const z = toC(v); return PyBool_FromLong(isInf(z[0]) || isInf(z[1])); },
      flags: METH_O, doc: "Checks if the real or imaginary part of z is infinite." },
    { name: "isnan", meth: (_m: PyVal, v: PyVal) => { const z = toC(v); return PyBool_FromLong(isNaN(z[0]) || isNaN(z[1])); },
      flags: METH_O, doc: "Checks if the real or imaginary part of z not a number (NaN)." },
    { name: "log", meth: cmath_log, flags: METH_FASTCALL,
      doc: "log(z[, base]) -> the logarithm of z to the given base.\n\nIf the base is not specified, returns the natural logarithm (base e) of z." },
    { ...oneArg("log10", c_log10_), doc: "Return the base-10 logarithm of z." },
    { name: "phase", meth: (_m: PyVal, v: PyVal) => {
      const z = toC(v);
      errno = 0;
      const phi = c_phase(z);
      if (errno !== 0) math_error();
      return PyFloat_FromDouble(phi);
    }, flags: METH_O,
      doc: "Return argument, also known as the phase angle, of a complex." },
    { name: "polar", meth: (_m: PyVal, v: PyVal) => {
      const z = toC(v);
      const phi = c_phase(z);
      const r = c_abs(z);
      if (errno !== 0) math_error();
      return PyTuple_New([PyFloat_FromDouble(r), PyFloat_FromDouble(phi)]);
    }, flags: METH_O, doc: "Convert a complex from rectangular coordinates to polar coordinates.\n\nr is the distance from 0 and phi the phase angle." },
    { name: "rect", meth: cmath_rect, flags: METH_FASTCALL, doc: "Convert from polar coordinates to rectangular coordinates." },
    { ...oneArg("sin", c_sin_), doc: "Return the sine of z." },
    { ...oneArg("sinh", c_sinh), doc: "Return the hyperbolic sine of z." },
    { ...oneArg("sqrt", c_sqrt), doc: "Return the square root of z." },
    { ...oneArg("tan", c_tan), doc: "Return the tangent of z." },
    { ...oneArg("tanh", c_tanh), doc: "Return the hyperbolic tangent of z." },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "pi", PyFloat_FromDouble(PI));
    PyModule_Add(m, "e", PyFloat_FromDouble(E));
    PyModule_Add(m, "tau", PyFloat_FromDouble(2 * PI));
    PyModule_Add(m, "inf", PyFloat_FromDouble(INF));
    PyModule_Add(m, "infj", PyComplex_FromDoubles(0, INF));
    PyModule_Add(m, "nan", PyFloat_FromDouble(NaN));
    PyModule_Add(m, "nanj", PyComplex_FromDoubles(0, NaN));
  },
};
