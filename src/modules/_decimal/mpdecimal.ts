// The arithmetic behind `_decimal` (CPython links libmpdec, Modules/_decimal/libmpdec/mpdecimal.c): decimals as
// (sign, bigint coefficient, exponent, kind), the context's rounding and status conditions, and the operations of
// the General Decimal Arithmetic specification with libmpdec's results. No object model here: see _decimal.ts.

// ---- status conditions (libmpdec's bit values) ----
export const MPD_Clamped = 0x1, MPD_Conversion_syntax = 0x2, MPD_Division_by_zero = 0x4, MPD_Division_impossible = 0x8,
  MPD_Division_undefined = 0x10, MPD_Fpu_error = 0x20, MPD_Inexact = 0x40, MPD_Invalid_context = 0x80,
  MPD_Invalid_operation = 0x100, MPD_Malloc_error = 0x200, MPD_Float_operation = 0x400, MPD_Overflow = 0x800,
  MPD_Rounded = 0x1000, MPD_Subnormal = 0x2000, MPD_Underflow = 0x4000;
export const MPD_IEEE_Invalid_operation = MPD_Conversion_syntax | MPD_Division_impossible | MPD_Division_undefined |
  MPD_Fpu_error | MPD_Invalid_context | MPD_Invalid_operation | MPD_Malloc_error;

// ---- rounding modes (libmpdec's order; _decimal maps the ROUND_* strings onto them) ----
export const ROUND_UP = 0, ROUND_DOWN = 1, ROUND_CEILING = 2, ROUND_FLOOR = 3, ROUND_HALF_UP = 4, ROUND_HALF_DOWN = 5,
  ROUND_HALF_EVEN = 6, ROUND_05UP = 7;

export const MAX_PREC = 999999999999999999, MAX_EMAX = 999999999999999999, MIN_EMIN = -999999999999999999;

// ---- kinds ----
export const FINITE = 0, INF = 1, NAN = 2, SNAN = 3;

/** One decimal number. `coeff` is the coefficient of a finite number or the payload of a NaN (0n: none). */
export class Dec {
  sign: number;
  coeff: bigint;
  exp: number;
  kind: number;
  constructor(sign: number, coeff: bigint, exp: number, kind: number) {
    this.sign = sign;
    this.coeff = coeff;
    this.exp = exp;
    this.kind = kind;
  }
}

/** The part of a context the arithmetic reads (mpd_context_t); `status` collects the conditions of one operation. */
export interface Ctx {
  prec: number;
  emax: number;
  emin: number;
  round: number;
  clamp: number;
}

/** Conditions raised by the operations of one call; the caller merges them into the context and traps. */
export class Status {
  flags = 0;
}

export function finite(sign: number, coeff: bigint, exp: number): Dec { return new Dec(sign, coeff, exp, FINITE); }
export function special(sign: number, kind: number, payload = 0n): Dec { return new Dec(sign, payload, 0, kind); }
export const isSpecial = (a: Dec): boolean => a.kind !== FINITE;
export const isNaN_ = (a: Dec): boolean => a.kind === NAN || a.kind === SNAN;
export const isInf = (a: Dec): boolean => a.kind === INF;
export const isZero = (a: Dec): boolean => a.kind === FINITE && a.coeff === 0n;

/** Thrown when a result would need more digits than Typhon allocates (libmpdec's MPD_Malloc_error). */
export class DecimalMemoryError extends Error {}
const MAX_WORK_DIGITS = 20_000_000;
function need(digits: number): void {
  if (digits > MAX_WORK_DIGITS) throw new DecimalMemoryError("decimal result too long");
}

// ---- powers of ten and digit counts ----
const POW10: bigint[] = [1n];
export function pow10(n: number): bigint {
  if (n < 0) throw new RangeError("pow10");
  if (n < 400) {
    while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
    return POW10[n];
  }
  return 10n ** BigInt(n);
}
export function ndigits(c: bigint): number {
  if (c < 0n) c = -c;
  if (c < 10n) return 1;
  if (c < 10000000000000000n) {
    const n = Number(c);
    let d = 1;
    for (let p = 10; p <= n; p *= 10) d++;
    return d;
  }
  return c.toString().length;
}
export const adjexp = (a: Dec): number => a.exp + ndigits(a.coeff) - 1;
export const etiny = (ctx: Ctx): number => ctx.emin - ctx.prec + 1;
export const etop = (ctx: Ctx): number => ctx.emax - ctx.prec + 1;

/** Remove `k` digits from the right: the quotient and libmpdec's rounding indicator of what was dropped
 *  (0 nothing, 1 less than half, 5 exactly half, 6 more than half). */
function shiftRight(c: bigint, k: number): [bigint, number] {
  if (k <= 0) return [c, 0];
  const d = ndigits(c);
  if (k > d + 1) return [0n, c === 0n ? 0 : 1];
  const p = pow10(k);
  const q = c / p, r = c % p;
  if (r === 0n) return [q, 0];
  const twice = r * 2n;
  return [q, twice < p ? 1 : twice === p ? 5 : 6];
}

function roundIncrement(sign: number, q: bigint, rnd: number, round: number): boolean {
  if (rnd === 0) return false;
  switch (round) {
    case ROUND_UP: return true;
    case ROUND_DOWN: return false;
    case ROUND_CEILING: return sign === 0;
    case ROUND_FLOOR: return sign === 1;
    case ROUND_HALF_UP: return rnd >= 5;
    case ROUND_HALF_DOWN: return rnd > 5;
    case ROUND_HALF_EVEN: return rnd > 5 || (rnd === 5 && (q & 1n) === 1n);
    case ROUND_05UP: { const last = q % 10n; return last === 0n || last === 5n; }
    default: throw new RangeError("rounding mode");
  }
}

// ---- finalize: fit a result into the context (mpd_qfinalize) ----

function maxCoeff(ctx: Ctx): bigint { return pow10(ctx.prec) - 1n; }

function checkExp(d: Dec, ctx: Ctx, st: Status): void {
  const digits = ndigits(d.coeff);
  const adj = d.exp + digits - 1;
  if (adj > ctx.emax) {
    if (d.coeff === 0n) {
      d.exp = ctx.clamp ? etop(ctx) : ctx.emax;
      st.flags |= MPD_Clamped;
      return;
    }
    let toInf: boolean;
    switch (ctx.round) {
      case ROUND_DOWN: case ROUND_05UP: toInf = false; break;
      case ROUND_CEILING: toInf = d.sign === 0; break;
      case ROUND_FLOOR: toInf = d.sign === 1; break;
      default: toInf = true;
    }
    if (toInf) { d.kind = INF; d.coeff = 0n; d.exp = 0; }
    else { d.coeff = maxCoeff(ctx); d.exp = ctx.emax - ctx.prec + 1; }
    st.flags |= MPD_Overflow | MPD_Inexact | MPD_Rounded;
  } else if (ctx.clamp && d.exp > etop(ctx)) {
    const shift = d.exp - etop(ctx);
    d.coeff *= pow10(shift);
    d.exp -= shift;
    st.flags |= MPD_Clamped;
    if (d.coeff !== 0n && adj < ctx.emin) st.flags |= MPD_Subnormal;
  } else if (adj < ctx.emin) {
    const et = etiny(ctx);
    if (d.coeff === 0n) {
      if (d.exp < et) { d.exp = et; st.flags |= MPD_Clamped; }
      return;
    }
    st.flags |= MPD_Subnormal;
    if (d.exp < et) {
      const [q, rnd] = shiftRight(d.coeff, et - d.exp);
      d.coeff = roundIncrement(d.sign, q, rnd, ctx.round) ? q + 1n : q;
      d.exp = et;
      st.flags |= MPD_Rounded;
      if (rnd) {
        st.flags |= MPD_Inexact | MPD_Underflow;
        if (d.coeff === 0n) st.flags |= MPD_Clamped;
      }
    }
  }
}

function checkRound(d: Dec, ctx: Ctx, st: Status): void {
  if (d.kind !== FINITE || d.coeff === 0n) return;
  const digits = ndigits(d.coeff);
  if (digits <= ctx.prec) return;
  const shift = digits - ctx.prec;
  const [q, rnd] = shiftRight(d.coeff, shift);
  d.coeff = q;
  d.exp += shift;
  if (roundIncrement(d.sign, q, rnd, ctx.round)) {
    d.coeff = q + 1n;
    if (ndigits(d.coeff) > ctx.prec) { d.coeff /= 10n; d.exp += 1; }
    checkExp(d, ctx, st);
  }
  st.flags |= MPD_Rounded;
  if (rnd) st.flags |= MPD_Inexact;
}

function fixNaN(d: Dec, ctx: Ctx): void {
  const prec = ctx.prec - ctx.clamp;
  if (d.coeff !== 0n && ndigits(d.coeff) > prec) d.coeff = prec <= 0 ? 0n : d.coeff % pow10(prec);
}

/** Round `d` (changed in place and returned) to the context, raising Rounded/Inexact/Overflow/... in `st`. */
export function finalize(d: Dec, ctx: Ctx, st: Status): Dec {
  if (d.kind !== FINITE) {
    if (d.kind === NAN || d.kind === SNAN) fixNaN(d, ctx);
    return d;
  }
  checkExp(d, ctx, st);
  checkRound(d, ctx, st);
  return d;
}

// ---- NaN propagation (mpd_qcheck_nan(s)) ----

function quietNaN(a: Dec): Dec { return new Dec(a.sign, a.coeff, 0, NAN); }

/** The NaN result of an operation with NaN operands, or null. sNaN signals InvalidOperation. */
function checkNaNs(a: Dec, b: Dec | null, ctx: Ctx, st: Status): Dec | null {
  if (a.kind === SNAN) { st.flags |= MPD_Invalid_operation; return finalize(quietNaN(a), ctx, st); }
  if (b !== null && b.kind === SNAN) { st.flags |= MPD_Invalid_operation; return finalize(quietNaN(b), ctx, st); }
  if (a.kind === NAN) return finalize(quietNaN(a), ctx, st);
  if (b !== null && b.kind === NAN) return finalize(quietNaN(b), ctx, st);
  return null;
}

function checkNaNs3(a: Dec, b: Dec, c: Dec, ctx: Ctx, st: Status): Dec | null {
  for (const x of [a, b, c]) if (x.kind === SNAN) { st.flags |= MPD_Invalid_operation; return finalize(quietNaN(x), ctx, st); }
  for (const x of [a, b, c]) if (x.kind === NAN) return finalize(quietNaN(x), ctx, st);
  return null;
}

export function invalid(st: Status, cond = MPD_Invalid_operation): Dec {
  st.flags |= cond;
  return special(0, NAN);
}

export function copy(a: Dec): Dec { return new Dec(a.sign, a.coeff, a.exp, a.kind); }

// ---- comparisons ----

/** Compare two non-NaN numbers: -1, 0, 1. */
export function cmpNum(a: Dec, b: Dec): number {
  if (a.kind === INF || b.kind === INF) {
    const av = a.kind === INF ? (a.sign ? -2 : 2) : 0, bv = b.kind === INF ? (b.sign ? -2 : 2) : 0;
    if (av !== 0 || bv !== 0) {
      if (av === bv) return 0;
      if (av === 0) return bv > 0 ? -1 : 1;
      if (bv === 0) return av > 0 ? 1 : -1;
      return av > bv ? 1 : -1;
    }
  }
  const az = a.coeff === 0n, bz = b.coeff === 0n;
  if (az && bz) return 0;
  if (az) return b.sign ? 1 : -1;
  if (bz) return a.sign ? -1 : 1;
  if (a.sign !== b.sign) return a.sign ? -1 : 1;
  const m = cmpAbs(a, b);
  return a.sign ? -m : m;
}

/** Compare the absolute values of two finite numbers. */
export function cmpAbs(a: Dec, b: Dec): number {
  if (a.coeff === 0n || b.coeff === 0n) {
    if (a.coeff === 0n && b.coeff === 0n) return 0;
    return a.coeff === 0n ? -1 : 1;
  }
  const aa = adjexp(a), ba = adjexp(b);
  if (aa !== ba) return aa > ba ? 1 : -1;
  let x = a.coeff, y = b.coeff;
  if (a.exp > b.exp) x *= pow10(a.exp - b.exp); else if (b.exp > a.exp) y *= pow10(b.exp - a.exp);
  return x === y ? 0 : x > y ? 1 : -1;
}

/** compare(): NaN operands give NaN (sNaN signals). */
export function compare(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  const c = cmpNum(a, b);
  return finite(c < 0 ? 1 : 0, BigInt(Math.abs(c)), 0);
}

export function compareSignal(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  if (isNaN_(a) || isNaN_(b)) {
    st.flags |= MPD_Invalid_operation;
    const n = checkNaNs(a, b, ctx, new Status());
    return n!;
  }
  return compare(a, b, ctx, st);
}

/** The total order of compare_total: -1, 0, 1. */
export function cmpTotal(a: Dec, b: Dec): number {
  if (a.sign !== b.sign) return a.sign ? -1 : 1;
  const s = a.sign ? -1 : 1;
  const rank = (x: Dec): number => x.kind === SNAN ? 3 : x.kind === NAN ? 4 : x.kind === INF ? 2 : 1;
  const ra = rank(a), rb = rank(b);
  if (ra !== rb) return ra > rb ? s : -s;
  if (ra >= 3) return a.coeff === b.coeff ? 0 : (a.coeff > b.coeff ? s : -s);
  if (ra === 2) return 0;
  const c = cmpAbs(a, b);
  if (c !== 0) return c * s;
  if (a.exp === b.exp) return 0;
  return (a.exp > b.exp ? 1 : -1) * s;
}

// ---- addition ----

export function add(a: Dec, b: Dec, ctx: Ctx, st: Status, negateB = false): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  const bs = negateB ? b.sign ^ 1 : b.sign;
  if (a.kind === INF || b.kind === INF) {
    if (a.kind === INF && b.kind === INF && a.sign !== bs) return invalid(st);
    return a.kind === INF ? special(a.sign, INF) : special(bs, INF);
  }
  let x = a, xs = a.sign, y = b, ys = bs;
  // Keep the operand with the larger exponent in x.
  if (x.exp < y.exp) { const t = x; x = y; y = t; const u = xs; xs = ys; ys = u; }
  if (x.coeff === 0n && y.coeff === 0n) {
    const sign = xs === ys ? xs : (ctx.round === ROUND_FLOOR ? 1 : 0);
    return finalize(finite(sign, 0n, y.exp), ctx, st);
  }
  if (y.coeff === 0n && x.coeff !== 0n) {
    // Exact: x shifted down towards y's exponent, no further than precision asks.
    const target = Math.min(x.exp, Math.max(y.exp, adjexp(x) - ctx.prec - 1));
    const r = finite(xs, x.coeff * pow10(x.exp - target), target);
    return finalize(r, ctx, st);
  }
  if (x.coeff === 0n && y.coeff !== 0n) {
    const r = finite(ys, y.coeff, Math.min(x.exp, y.exp));
    return finalize(r, ctx, st);
  }
  let ycoef = y.coeff, yexp = y.exp;
  if (x.coeff !== 0n && y.coeff !== 0n) {
    // y entirely below the rounding position of x: replace it by a sticky digit.
    const lim = Math.min(x.exp, adjexp(x) - ctx.prec - 1) - 1;
    if (adjexp(y) < lim) { ycoef = 1n; yexp = lim; }
  }
  const exp = Math.min(x.exp, yexp);
  const xv = (xs ? -x.coeff : x.coeff) * pow10(x.exp - exp);
  const yv = (ys ? -ycoef : ycoef) * pow10(yexp - exp);
  const sum = xv + yv;
  let sign: number;
  if (sum === 0n) sign = xs === ys ? xs : (ctx.round === ROUND_FLOOR ? 1 : 0);
  else sign = sum < 0n ? 1 : 0;
  return finalize(finite(sign, sum < 0n ? -sum : sum, exp), ctx, st);
}

export function mul(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  const sign = a.sign ^ b.sign;
  if (a.kind === INF || b.kind === INF) {
    if (isZero(a) || isZero(b)) return invalid(st);
    return special(sign, INF);
  }
  return finalize(finite(sign, a.coeff * b.coeff, a.exp + b.exp), ctx, st);
}

// ---- division ----

export function div(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  const sign = a.sign ^ b.sign;
  if (a.kind === INF) {
    if (b.kind === INF) return invalid(st);
    return special(sign, INF);
  }
  if (b.kind === INF) {
    st.flags |= MPD_Clamped;
    return finite(sign, 0n, etiny(ctx));
  }
  if (b.coeff === 0n) {
    if (a.coeff === 0n) return invalid(st, MPD_Division_undefined);
    st.flags |= MPD_Division_by_zero;
    return special(sign, INF);
  }
  const ideal = a.exp - b.exp;
  if (a.coeff === 0n) return finalize(finite(sign, 0n, ideal), ctx, st);
  // A terminating quotient (the reduced divisor has only the factors 2 and 5) is computed exactly.
  let g = a.coeff, h = b.coeff;
  while (h) { const t = g % h; g = h; h = t; }
  let bp = b.coeff / g, twos = 0, fives = 0;
  while ((bp & 1n) === 0n) { bp >>= 1n; twos++; }
  while (bp % 5n === 0n) { bp /= 5n; fives++; }
  if (bp === 1n) {
    const k = Math.max(twos, fives);
    need(k + ndigits(a.coeff));
    let q = a.coeff * pow10(k) / b.coeff;
    let exp = ideal - k;
    while (exp < ideal && q % 10n === 0n) { q /= 10n; exp++; }
    return finalize(finite(sign, q, exp), ctx, st);
  }
  need(ctx.prec);
  const da = ndigits(a.coeff), db = ndigits(b.coeff);
  let shift = ctx.prec + db - da + 1;
  if (shift < 0) shift = 0;
  const num = a.coeff * pow10(shift);
  let q = num / b.coeff;
  const r = num % b.coeff;
  let exp = ideal - shift;
  if (r === 0n) {
    // Exact: strip trailing zeros towards the ideal exponent.
    while (exp < ideal && q % 10n === 0n) { q /= 10n; exp++; }
  } else {
    q = q * 10n + 1n;
    exp -= 1;
  }
  return finalize(finite(sign, q, exp), ctx, st);
}

/** Integer division and remainder shared by divint/rem/divmod; returns null after signalling. */
function divmodCore(a: Dec, b: Dec, ctx: Ctx, st: Status): [Dec, Dec] | null {
  const sign = a.sign ^ b.sign;
  const exp = Math.min(a.exp, b.exp);
  if (cmpAbs(a, b) < 0) return [finite(sign, 0n, 0), finite(a.sign, a.coeff * pow10(a.exp - exp), exp)];
  const x = a.coeff * pow10(a.exp - exp), y = b.coeff * pow10(b.exp - exp);
  const q = x / y, r = x % y;
  if (ndigits(q) > ctx.prec) { st.flags |= MPD_Division_impossible; return null; }
  return [finite(sign, q, 0), finite(a.sign, r, exp)];
}

export function divint(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  const sign = a.sign ^ b.sign;
  if (a.kind === INF) { if (b.kind === INF) return invalid(st); return special(sign, INF); }
  if (b.kind === INF) return finalize(finite(sign, 0n, 0), ctx, st);
  if (b.coeff === 0n) {
    if (a.coeff === 0n) return invalid(st, MPD_Division_undefined);
    st.flags |= MPD_Division_by_zero;
    return special(sign, INF);
  }
  if (a.coeff === 0n) return finalize(finite(sign, 0n, 0), ctx, st);
  if (adjexp(a) - adjexp(b) > ctx.prec) return invalid(st, MPD_Division_impossible);
  const r = divmodCore(a, b, ctx, st);
  if (r === null) return special(0, NAN);
  return finalize(r[0], ctx, st);
}

export function rem(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  if (a.kind === INF) return invalid(st);
  if (b.kind === INF) return finalize(copy(a), ctx, st);
  if (b.coeff === 0n) {
    if (a.coeff === 0n) return invalid(st, MPD_Division_undefined);
    return invalid(st);
  }
  if (a.coeff === 0n) return finalize(finite(a.sign, 0n, Math.min(a.exp, b.exp)), ctx, st);
  if (adjexp(a) - adjexp(b) > ctx.prec) return invalid(st, MPD_Division_impossible);
  const r = divmodCore(a, b, ctx, st);
  if (r === null) return special(0, NAN);
  return finalize(r[1], ctx, st);
}

export function divmod(a: Dec, b: Dec, ctx: Ctx, st: Status): [Dec, Dec] {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return [n, copy(n)];
  const sign = a.sign ^ b.sign;
  if (a.kind === INF) {
    if (b.kind === INF) { const x = invalid(st); return [x, copy(x)]; }
    const x = invalid(st);
    return [special(sign, INF), x];
  }
  if (b.kind === INF) return [finalize(finite(sign, 0n, 0), ctx, st), finalize(copy(a), ctx, st)];
  if (b.coeff === 0n) {
    if (a.coeff === 0n) { const x = invalid(st, MPD_Division_undefined); return [x, copy(x)]; }
    st.flags |= MPD_Division_by_zero | MPD_Invalid_operation;
    return [special(sign, INF), special(0, NAN)];
  }
  if (a.coeff === 0n) {
    return [finalize(finite(sign, 0n, 0), ctx, st), finalize(finite(a.sign, 0n, Math.min(a.exp, b.exp)), ctx, st)];
  }
  if (adjexp(a) - adjexp(b) > ctx.prec) { const x = invalid(st, MPD_Division_impossible); return [x, copy(x)]; }
  const r = divmodCore(a, b, ctx, st);
  if (r === null) return [special(0, NAN), special(0, NAN)];
  return [finalize(r[0], ctx, st), finalize(r[1], ctx, st)];
}

export function remNear(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  if (a.kind === INF) return invalid(st);
  if (b.kind === INF) return finalize(copy(a), ctx, st);
  if (b.coeff === 0n) {
    if (a.coeff === 0n) return invalid(st, MPD_Division_undefined);
    return invalid(st);
  }
  const exp = Math.min(a.exp, b.exp);
  if (a.coeff === 0n) return finalize(finite(a.sign, 0n, exp), ctx, st);
  if (adjexp(a) - adjexp(b) > ctx.prec) return invalid(st, MPD_Division_impossible);
  const x = a.coeff * pow10(a.exp - exp), y = b.coeff * pow10(b.exp - exp);
  let q = x / y, r = x % y;
  const twice = 2n * r;
  if (twice > y || (twice === y && (q & 1n) === 1n)) { q += 1n; r = y - r; r = -r; }
  if (ndigits(q) > ctx.prec) return invalid(st, MPD_Division_impossible);
  let sign = a.sign;
  if (r < 0n) { r = -r; sign ^= 1; }
  return finalize(finite(sign, r, exp), ctx, st);
}

// ---- rescaling ----

/** Coefficient and exponent of `a` moved to exponent `exp`, rounded with `round` (no context checks). */
export function rescale(a: Dec, exp: number, round: number): [Dec, number] {
  if (exp <= a.exp) return [finite(a.sign, a.coeff * pow10(a.exp - exp), exp), 0];
  const [q, rnd] = shiftRight(a.coeff, exp - a.exp);
  const c = roundIncrement(a.sign, q, rnd, round) ? q + 1n : q;
  return [finite(a.sign, c, exp), rnd];
}

export function quantize(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  if (a.kind === INF || b.kind === INF) {
    if (a.kind === INF && b.kind === INF) return special(a.sign, INF);
    return invalid(st);
  }
  const exp = b.exp;
  if (exp > ctx.emax || exp < etiny(ctx)) return invalid(st);
  if (a.coeff === 0n) return finalize(finite(a.sign, 0n, exp), ctx, st);
  if (exp < a.exp && adjexp(a) - exp + 1 > ctx.prec) return invalid(st);
  const [r, rnd] = rescale(a, exp, ctx.round);
  if (ndigits(r.coeff) > ctx.prec || (r.coeff !== 0n && adjexp(r) > ctx.emax)) return invalid(st);
  if (rnd) st.flags |= MPD_Inexact | MPD_Rounded;
  else if (exp > a.exp) st.flags |= MPD_Rounded;
  if (r.coeff !== 0n && adjexp(r) < ctx.emin) st.flags |= MPD_Subnormal;
  return r;
}

export function toIntegral(a: Dec, ctx: Ctx, st: Status, round: number, exact: boolean): Dec {
  if (a.kind !== FINITE) {
    const n = checkNaNs(a, null, ctx, st);
    if (n !== null) return n;
    return copy(a);
  }
  if (a.exp >= 0) return copy(a);
  if (a.coeff === 0n) return finite(a.sign, 0n, 0);
  const [r, rnd] = rescale(a, 0, round);
  if (exact) {
    st.flags |= MPD_Rounded;
    if (rnd) st.flags |= MPD_Inexact;
  }
  return r;
}

export function reduce(a: Dec, ctx: Ctx, st: Status): Dec {
  if (a.kind !== FINITE) {
    const n = checkNaNs(a, null, ctx, st);
    if (n !== null) return n;
    return copy(a);
  }
  const r = finalize(copy(a), ctx, st);
  if (r.kind !== FINITE) return r;
  if (r.coeff === 0n) return finite(r.sign, 0n, 0);
  let c = r.coeff, e = r.exp;
  const lim = ctx.clamp ? etop(ctx) : ctx.emax;
  while (c % 10n === 0n && e < lim) { c /= 10n; e++; }
  return finite(r.sign, c, e);
}

/** plus(): the operand fitted to the context; zeros lose a negative sign unless rounding toward -inf. */
export function plus(a: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, null, ctx, st);
  if (n !== null) return n;
  const r = copy(a);
  if (r.kind === FINITE && r.coeff === 0n && ctx.round !== ROUND_FLOOR) r.sign = 0;
  return finalize(r, ctx, st);
}

export function minus(a: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, null, ctx, st);
  if (n !== null) return n;
  const r = copy(a);
  r.sign ^= 1;
  if (r.kind === FINITE && r.coeff === 0n && ctx.round !== ROUND_FLOOR) r.sign = 0;
  return finalize(r, ctx, st);
}

export function abs(a: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, null, ctx, st);
  if (n !== null) return n;
  const r = copy(a);
  r.sign = 0;
  return finalize(r, ctx, st);
}

// ---- fma, min/max, next ----

export function fma(a: Dec, b: Dec, c: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs3(a, b, c, ctx, st);
  if (n !== null) return n;
  let p: Dec;
  if (a.kind === INF || b.kind === INF) {
    if (isZero(a) || isZero(b)) return invalid(st);
    p = special(a.sign ^ b.sign, INF);
  } else {
    p = finite(a.sign ^ b.sign, a.coeff * b.coeff, a.exp + b.exp);
  }
  // The product stays exact: add() rounds the sum once.
  return add(p, c, ctx, st);
}

export function maxmin(a: Dec, b: Dec, ctx: Ctx, st: Status, isMax: boolean, mag: boolean): Dec {
  if (a.kind === SNAN || b.kind === SNAN) return checkNaNs(a, b, ctx, st)!;
  if (a.kind === NAN && b.kind !== NAN) return finalize(copy(b), ctx, st);
  if (b.kind === NAN && a.kind !== NAN) return finalize(copy(a), ctx, st);
  if (a.kind === NAN) return checkNaNs(a, b, ctx, st)!;
  let c: number;
  if (mag) {
    const aa = copy(a), bb = copy(b);
    aa.sign = 0; bb.sign = 0;
    c = cmpNum(aa, bb);
    if (c === 0) c = cmpTotal(a, b);
  } else {
    c = cmpNum(a, b);
    if (c === 0) c = cmpTotal(a, b);
  }
  const pick = isMax ? (c >= 0 ? a : b) : (c <= 0 ? a : b);
  return finalize(copy(pick), ctx, st);
}

export function nextMinus(a: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, null, ctx, st);
  if (n !== null) return n;
  if (a.kind === INF) {
    if (a.sign) return copy(a);
    return finite(0, maxCoeff(ctx), etop(ctx));
  }
  // Rounding toward -inf already moves an inexact operand down; an exact one steps down by a tiny amount.
  const w: Ctx = { ...ctx, round: ROUND_FLOOR };
  const s0 = new Status();
  const r0 = finalize(copy(a), w, s0);
  if (s0.flags & MPD_Inexact) return r0;
  return add(r0, finite(1, 1n, etiny(ctx) - 1), w, new Status());
}

export function nextPlus(a: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, null, ctx, st);
  if (n !== null) return n;
  if (a.kind === INF) {
    if (!a.sign) return copy(a);
    return finite(1, maxCoeff(ctx), etop(ctx));
  }
  const w: Ctx = { ...ctx, round: ROUND_CEILING };
  const s0 = new Status();
  const r0 = finalize(copy(a), w, s0);
  if (s0.flags & MPD_Inexact) return r0;
  return add(r0, finite(0, 1n, etiny(ctx) - 1), w, new Status());
}

export function nextToward(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  const c = cmpNum(a, b);
  if (c === 0) { const r = copy(a); r.sign = b.sign; return r; }
  const r = c < 0 ? nextPlus(a, ctx, st) : nextMinus(a, ctx, st);
  if (r.kind === INF) st.flags |= MPD_Overflow | MPD_Inexact | MPD_Rounded;
  else if (r.kind === FINITE && adjexp(r) < ctx.emin) {
    st.flags |= MPD_Underflow | MPD_Subnormal | MPD_Inexact | MPD_Rounded;
    if (r.coeff === 0n) st.flags |= MPD_Clamped;
  }
  return r;
}

// ---- logb, scaleb, shifts, logical operations ----

export function logb(a: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, null, ctx, st);
  if (n !== null) return n;
  if (a.kind === INF) return special(0, INF);
  if (a.coeff === 0n) { st.flags |= MPD_Division_by_zero; return special(1, INF); }
  const e = adjexp(a);
  return finalize(finite(e < 0 ? 1 : 0, BigInt(Math.abs(e)), 0), ctx, st);
}

function isIntegral(b: Dec): boolean {
  if (b.kind !== FINITE) return false;
  if (b.exp >= 0 || b.coeff === 0n) return true;
  return b.coeff % pow10(-b.exp) === 0n;
}
function toSmallInt(b: Dec): number | null {
  if (!isIntegral(b)) return null;
  const v = b.exp >= 0 ? b.coeff * pow10(Math.min(b.exp, 40)) : b.coeff / pow10(-b.exp);
  const n = Number(v);
  return b.sign ? -n : n;
}

export function scaleb(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  if (b.kind === INF || !isIntegral(b) || b.exp !== 0 && !isIntegral(b)) return invalid(st);
  const k = toSmallInt(b)!;
  const lim = 2 * (ctx.emax + ctx.prec);
  if (k > lim || k < -lim) return invalid(st);
  if (a.kind === INF) return copy(a);
  return finalize(finite(a.sign, a.coeff, a.exp + k), ctx, st);
}

function shiftCount(b: Dec, ctx: Ctx): number | null {
  if (b.kind !== FINITE || b.exp !== 0) return null;
  const k = toSmallInt(b)!;
  if (k > ctx.prec || k < -ctx.prec) return null;
  return k;
}

export function shift(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  const k = shiftCount(b, ctx);
  if (k === null) return invalid(st);
  if (a.kind === INF) return copy(a);
  let c = a.coeff % pow10(ctx.prec);
  if (k >= 0) c = (c * pow10(k)) % pow10(ctx.prec);
  else c = c / pow10(-k);
  return finite(a.sign, c, a.exp);
}

export function rotate(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  const k = shiftCount(b, ctx);
  if (k === null) return invalid(st);
  if (a.kind === INF) return copy(a);
  const p = pow10(ctx.prec);
  const c = a.coeff % p;
  const r = k >= 0 ? k : ctx.prec + k;
  const hi = c * pow10(r) % p, lo = c / pow10(ctx.prec - r);
  return finite(a.sign, hi + lo, a.exp);
}

function logicalDigits(a: Dec, ctx: Ctx): string | null {
  if (a.kind !== FINITE || a.sign || a.exp !== 0) return null;
  const s = a.coeff.toString();
  if (/[^01]/.test(s)) return null;
  return s.length > ctx.prec ? s.slice(s.length - ctx.prec) : s;
}

export function logical(a: Dec, b: Dec | null, ctx: Ctx, st: Status, op: "and" | "or" | "xor" | "invert"): Dec {
  const x = logicalDigits(a, ctx);
  const y = b === null ? "" : logicalDigits(b, ctx);
  if (x === null || y === null) return invalid(st);
  const width = b === null ? ctx.prec : Math.max(x.length, y.length);
  const xs = x.padStart(width, "0"), ys = y.padStart(width, "0");
  let out = "";
  for (let i = 0; i < width; i++) {
    const p = xs.charCodeAt(i) === 49, q = ys.charCodeAt(i) === 49;
    const bit = op === "and" ? p && q : op === "or" ? p || q : op === "xor" ? p !== q : !p;
    out += bit ? "1" : "0";
  }
  return finite(0, BigInt(out), 0);
}

export function copySign(a: Dec, b: Dec): Dec { const r = copy(a); r.sign = b.sign; return r; }

// ---- square root ----

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // Newton's iteration decreases monotonically to floor(sqrt(n)) from any start at or above the root.
  let x: bigint;
  const approx = Math.sqrt(Number(n));
  if (Number.isFinite(approx) && approx < 1e300) x = BigInt(Math.ceil(approx * (1 + 1e-14))) + 1n;
  else x = 1n << BigInt(Math.ceil(n.toString(2).length / 2) + 1);
  if (x * x < n) x = 1n << BigInt(Math.ceil(n.toString(2).length / 2) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

export function sqrt(a: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, null, ctx, st);
  if (n !== null) return n;
  if (a.kind === INF) { if (a.sign) return invalid(st); return special(0, INF); }
  const ideal = Math.floor(a.exp / 2);
  if (a.coeff === 0n) return finalize(finite(a.sign, 0n, ideal), ctx, st);
  if (a.sign) return invalid(st);
  const w: Ctx = { ...ctx, round: ROUND_HALF_EVEN };
  // a = c * 10^e; make e even and the coefficient long enough for prec+1 digits of root.
  let c = a.coeff, e = a.exp;
  if (e & 1) { c *= 10n; e -= 1; }
  const exactRoot = isqrt(c);
  if (exactRoot * exactRoot === c) {
    let r = exactRoot, rexp = e / 2;
    while (rexp < ideal && r % 10n === 0n) { r /= 10n; rexp++; }
    return finalize(finite(0, r, rexp), w, st);
  }
  need(ctx.prec);
  const dc = ndigits(c);
  let k = ctx.prec + 1 - Math.ceil(dc / 2) + 1;
  if (k < 0) k = 0;
  c *= pow10(2 * k);
  e -= 2 * k;
  let r = isqrt(c);
  let rexp = e / 2;
  if (r * r === c) {
    while (rexp < ideal && r % 10n === 0n) { r /= 10n; rexp++; }
    return finalize(finite(0, r, rexp), w, st);
  }
  r = r * 10n + 1n;
  rexp -= 1;
  return finalize(finite(0, r, rexp), w, st);
}

// ---- exp, ln, log10, power: fixed-point series with a rounding check (Ziv's strategy) ----

/** e^g for g = G / 10^w (|g| < 3), as a value scaled by 10^w; error below 10 units. */
function expFixed(G: bigint, w: number): bigint {
  const k = 8 + Math.floor(Math.sqrt(w));
  const guard = 8 + Math.ceil(k * 0.31);
  const wp = w + guard;
  const S = pow10(wp);
  let g = G * pow10(guard);
  g = g >> BigInt(k); // g / 2^k
  let sum = S, term = S;
  for (let i = 1n; ; i++) {
    term = term * g / (S * i);
    if (term === 0n) break;
    sum += term;
  }
  for (let i = 0; i < k; i++) sum = sum * sum / S;
  return sum / pow10(guard);
}

/** ln(m) for m = M / 10^w (1 <= m < 10), scaled by 10^w, by Newton's iteration on exp. Error below 10 units. */
function lnFixed(M: bigint, w: number): bigint {
  const guard = 10;
  const wp = w + guard;
  const S = pow10(wp);
  const m = M * pow10(guard);
  // Start from a double approximation and triple the correct digits each step.
  const approx = Math.log(Number(M / pow10(Math.max(0, w - 17))) / 10 ** Math.min(w, 17));
  let y = BigInt(Math.round(approx * 1e15)) * pow10(wp) / 1000000000000000n;
  let digitsOk = 14;
  for (;;) {
    const ey = expFixed(y, wp);
    y = y + 2n * (m - ey) * S / (m + ey);
    if (digitsOk >= wp + 2) break;
    digitsOk *= 3;
  }
  return y / pow10(guard);
}

const lnCache: { w: number; v: bigint } = { w: 0, v: 0n };
function ln10Fixed(w: number): bigint {
  if (lnCache.w >= w) return lnCache.v / pow10(lnCache.w - w);
  const v = lnFixed(10n * pow10(w + 5), w + 5);
  lnCache.w = w + 5;
  lnCache.v = v;
  return v / pow10(5);
}

/** Pick the correctly rounded result from an approximation `y / 10^w`, `err` units wide, of a value that is not
 *  exactly representable; null when more digits are needed. */
function roundApprox(sign: number, y: bigint, w: number, scaleExp: number, err: bigint, ctx: Ctx, st: Status): Dec | null {
  const lo = y - err, hi = y + err;
  if (lo <= 0n) return null;
  const s1 = new Status(), s2 = new Status();
  const r1 = finalize(finite(sign, lo * 10n + 1n, scaleExp - w - 1), ctx, s1);
  const r2 = finalize(finite(sign, hi * 10n + 1n, scaleExp - w - 1), ctx, s2);
  if (r1.kind !== r2.kind || r1.coeff !== r2.coeff || r1.exp !== r2.exp) return null;
  st.flags |= s1.flags;
  return r1;
}

/** x as a fixed-point number y / 10^w, with x = c * 10^e. */
function toFixed(a: Dec, w: number): bigint {
  const s = a.exp + w;
  const v = s >= 0 ? a.coeff * pow10(s) : a.coeff / pow10(-s);
  return a.sign ? -v : v;
}

export function exp(a: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, null, ctx, st);
  if (n !== null) return n;
  if (a.kind === INF) return a.sign ? finite(0, 0n, 0) : special(0, INF);
  if (a.coeff === 0n) return finalize(finite(0, 1n, 0), ctx, st);
  const w: Ctx = { ...ctx, round: ROUND_HALF_EVEN };
  need(ctx.prec);
  const adj = adjexp(a);
  // Tiny arguments: e^x = 1 + x + ..., rounds to 1 (or just above/below) at this precision.
  if (adj < -(ctx.prec + 2)) {
    const one = finite(0, pow10(ctx.prec + 2), -(ctx.prec + 2));
    const nudge = finite(a.sign, 1n, -(ctx.prec + 3));
    return add(one, nudge, w, st);
  }
  // Huge arguments overflow or underflow whatever the precision.
  const lim = Math.max(ctx.emax, -etiny(ctx)) * 2.31 + 10;
  if (adj >= 1 && Number(a.coeff) * 10 ** a.exp > lim) {
    if (a.sign) return finalize(finite(0, 1n, etiny(ctx) - 2), w, st);
    return finalize(finite(0, 1n, ctx.emax + 1), w, st);
  }
  for (let prec = ctx.prec + 8; ; prec += prec) {
    // x / ln10 = n + f: e^x = 10^n * e^(f ln10).
    const wx = prec + Math.max(0, adj) + 4;
    const x = toFixed(a, wx);
    const l10 = ln10Fixed(wx);
    let nInt = x / l10;
    if (x < 0n && nInt * l10 !== x) nInt -= 1n;
    const g = x - nInt * l10; // 0 <= g < ln10, scaled by 10^wx
    const y = expFixed(g / pow10(wx - prec), prec);
    const err = 20n + (BigInt(Math.abs(Number(nInt))) + 1n) * 2n;
    const r = roundApprox(0, y, prec, Number(nInt), err, w, st);
    if (r !== null) return r;
    if (prec > 20000 + ctx.prec * 4) return roundApprox(0, y, prec, Number(nInt), 0n, w, st)!;
  }
}

/** ln(|a|) as (fixed value, w) for a finite nonzero a. */
function lnOf(a: Dec, prec: number): bigint {
  const d = ndigits(a.coeff);
  const adj = a.exp + d - 1;
  // a = m * 10^adj with 1 <= m < 10.
  const M = d - 1 <= prec ? a.coeff * pow10(prec - (d - 1)) : a.coeff / pow10(d - 1 - prec);
  const lm = lnFixed(M, prec);
  return lm + BigInt(adj) * ln10Fixed(prec);
}

export function ln(a: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, null, ctx, st);
  if (n !== null) return n;
  if (a.kind === INF) { if (a.sign) return invalid(st); return special(0, INF); }
  if (a.coeff === 0n) return special(1, INF);
  if (a.sign) return invalid(st);
  if (a.exp <= 0 && a.coeff === pow10(-a.exp)) return finite(0, 0n, 0);
  need(ctx.prec);
  const w: Ctx = { ...ctx, round: ROUND_HALF_EVEN };
  const adj = adjexp(a);
  // Near 1 the result is small: ask for more digits so that its leading digits are covered.
  let extra = 4 + ndigits(BigInt(Math.abs(adj) + 1));
  const dist = add(a, finite(1, 1n, 0), { prec: 40, emax: MAX_EMAX, emin: MIN_EMIN, round: ROUND_HALF_EVEN, clamp: 0 }, new Status());
  if (dist.coeff !== 0n) extra += Math.max(0, -adjexp(dist));
  for (let prec = ctx.prec + extra; ; prec += prec) {
    const y = lnOf(a, prec);
    const sign = y < 0n ? 1 : 0;
    const err = 30n + BigInt(Math.abs(adj)) * 2n;
    const r = roundApprox(sign, y < 0n ? -y : y, prec, 0, err, w, st);
    if (r !== null) return r;
    if (prec > 20000 + ctx.prec * 4) return roundApprox(sign, y < 0n ? -y : y, prec, 0, 0n, w, st)!;
  }
}

export function log10(a: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, null, ctx, st);
  if (n !== null) return n;
  if (a.kind === INF) { if (a.sign) return invalid(st); return special(0, INF); }
  if (a.coeff === 0n) return special(1, INF);
  if (a.sign) return invalid(st);
  const w: Ctx = { ...ctx, round: ROUND_HALF_EVEN };
  need(ctx.prec);
  // Exact powers of ten give exact integers.
  const s = a.coeff.toString();
  if (/^10*$/.test(s)) {
    const e = adjexp(a);
    return finalize(finite(e < 0 ? 1 : 0, BigInt(Math.abs(e)), 0), w, st);
  }
  const adj = adjexp(a);
  let extra = 4 + ndigits(BigInt(Math.abs(adj) + 1));
  const dist = add(a, finite(1, 1n, 0), { prec: 40, emax: MAX_EMAX, emin: MIN_EMIN, round: ROUND_HALF_EVEN, clamp: 0 }, new Status());
  if (dist.coeff !== 0n) extra += Math.max(0, -adjexp(dist));
  for (let prec = ctx.prec + extra; ; prec += prec) {
    const y = lnOf(a, prec + 2) * pow10(prec) / ln10Fixed(prec + 2);
    const sign = y < 0n ? 1 : 0;
    const err = 40n + BigInt(Math.abs(adj)) * 2n;
    const r = roundApprox(sign, y < 0n ? -y : y, prec, 0, err, w, st);
    if (r !== null) return r;
    if (prec > 20000 + ctx.prec * 4) return roundApprox(sign, y < 0n ? -y : y, prec, 0, 0n, w, st)!;
  }
}

/** Integer power by exact arithmetic, or null when the exact result would be too long. */
function powInt(a: Dec, k: bigint, ctx: Ctx, st: Status): Dec | null {
  const c = a.coeff, e = a.exp;
  const kk = k < 0n ? -k : k;
  const est = (ndigits(c) - 1 + Math.log10(Number(String(c).slice(0, 15)) / 10 ** Math.min(14, ndigits(c) - 1) + 1e-300)) * Number(kk);
  if (est > Math.max(4 * ctx.prec + 100, 5000)) return null;
  const ek = Number(kk) * e;
  const sign = a.sign && (kk & 1n) ? 1 : 0;
  const pc = c ** kk;
  if (k >= 0n) return finalize(finite(sign, pc, ek), ctx, st);
  return div(finite(sign, 1n, 0), finite(0, pc, ek), ctx, st);
}

export function power(a: Dec, b: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs(a, b, ctx, st);
  if (n !== null) return n;
  const bInt = isIntegral(b);
  const bOdd = bInt && b.kind === FINITE && (b.exp > 0 ? false : ((b.coeff / pow10(-Math.min(0, b.exp))) & 1n) === 1n);
  const resultSign = a.sign && bOdd ? 1 : 0;
  if (isZero(a)) {
    if (isZero(b)) return invalid(st);
    if (b.sign) return special(resultSign, INF);
    return finite(resultSign, 0n, 0);
  }
  if (a.sign && !bInt) return invalid(st);
  if (a.kind === INF) {
    if (isZero(b)) return finite(0, 1n, 0);
    if (b.sign) return finite(resultSign, 0n, 0);
    return special(resultSign, INF);
  }
  if (b.kind === INF) {
    if (a.sign) return invalid(st);
    const c = cmpAbs(a, finite(0, 1n, 0));
    if (c === 0) {
      st.flags |= MPD_Inexact | MPD_Rounded;
      return finalize(finite(0, pow10(ctx.prec - 1), -(ctx.prec - 1)), ctx, new Status());
    }
    if ((c > 0) !== (b.sign === 1)) return special(0, INF);
    return finite(0, 0n, 0);
  }
  if (isZero(b)) return finalize(finite(0, 1n, 0), ctx, st);
  // One: 1 ** y.
  if (a.coeff === pow10(-Math.min(0, a.exp)) && a.exp <= 0 && !a.sign) {
    if (bInt) {
      const k = toSmallInt(b)!;
      const e = a.exp * k;
      const r = finite(0, 1n, 0);
      if (e < 0) { r.coeff = pow10(Math.min(-e, ctx.prec - 1)); r.exp = -Math.min(-e, ctx.prec - 1); }
      if (-e > ctx.prec - 1) st.flags |= MPD_Rounded;
      return finalize(r, ctx, st);
    }
    const r = finite(0, pow10(ctx.prec - 1), -(ctx.prec - 1));
    st.flags |= MPD_Inexact | MPD_Rounded;
    return finalize(r, ctx, new Status());
  }
  if (bInt) {
    const k = b.exp >= 0 ? b.coeff * pow10(b.exp) : b.coeff / pow10(-b.exp);
    const r = powInt(a, b.sign ? -k : k, ctx, st);
    if (r !== null) return r;
  }
  // General case: exp(b * ln|a|), correctly rounded by the same rounding check.
  need(ctx.prec);
  const adjA = adjexp(a);
  // Results far outside the exponent range overflow or underflow whatever the digits: log10|a| * b estimated.
  const lead = a.coeff.toString().slice(0, 17);
  const la = Math.log10(Number(lead)) + a.exp + ndigits(a.coeff) - lead.length;
  const mag = la * Number(b.coeff) * 10 ** b.exp * (b.sign ? -1 : 1);
  if (Number.isFinite(mag) && Math.abs(mag) > 2 * Math.max(ctx.emax, -etiny(ctx)) + 10) {
    if (mag > 0) return finalize(finite(resultSign, 1n, ctx.emax + 1), ctx, st);
    return finalize(finite(resultSign, 1n, etiny(ctx) - 2), ctx, st);
  }
  for (let prec = ctx.prec + 10 + ndigits(BigInt(Math.abs(adjA) + 1)); ; prec += prec) {
    const l = lnOf(a, prec + 6);
    // t = b * ln a, in fixed point with prec+6 digits.
    const bv = toFixed(b, prec + 6);
    const t = l * bv / pow10(prec + 6);
    const l10 = ln10Fixed(prec + 6);
    let nInt = t / l10;
    if (t < 0n && nInt * l10 !== t) nInt -= 1n;
    const g = t - nInt * l10;
    const y = expFixed(g / pow10(6), prec);
    const err = 100n + (BigInt(Math.abs(Number(nInt))) + 1n) * 4n + BigInt(ndigits(b.coeff)) * 10n;
    const r = roundApprox(resultSign, y, prec, Number(nInt), err * (1n + BigInt(Math.abs(Number(nInt)))), ctx, st);
    if (r !== null) {
      st.flags |= MPD_Inexact | MPD_Rounded;
      return r;
    }
    if (prec > 20000 + ctx.prec * 4) return roundApprox(resultSign, y, prec, Number(nInt), 0n, ctx, st)!;
  }
}

export function powmod(a: Dec, b: Dec, m: Dec, ctx: Ctx, st: Status): Dec {
  const n = checkNaNs3(a, b, m, ctx, st);
  if (n !== null) return n;
  if (!isIntegral(a) || !isIntegral(b) || !isIntegral(m) || a.kind !== FINITE || b.kind !== FINITE || m.kind !== FINITE) return invalid(st);
  if (b.sign || isZero(m)) return invalid(st);
  const iv = (x: Dec): bigint => x.exp >= 0 ? x.coeff * pow10(x.exp) : x.coeff / pow10(-x.exp);
  const mv = iv(m);
  if (ndigits(mv) > ctx.prec) return invalid(st);
  if (isZero(a) && isZero(b)) return invalid(st);
  let base = iv(a) % mv, e = iv(b), r = 1n % mv;
  while (e > 0n) { if (e & 1n) r = r * base % mv; base = base * base % mv; e >>= 1n; }
  const sign = a.sign && (iv(b) & 1n) ? 1 : 0;
  return finite(sign, r, 0);
}

// ---- string conversion ----

/** parse()'s result for an exponent beyond libmpdec's range: InvalidOperation rather than a syntax error. */
export const PARSE_INVALID = new Dec(0, 0n, 0, NAN);

/** mpd_qset_string: parse `s` (ASCII, already stripped and without underscores). Null on a syntax error. */
export function parse(s: string): Dec | null {
  const m = /^([+-])?(?:(\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?|(inf|infinity)|(s?nan)(\d*))$/i.exec(s);
  if (m === null) return null;
  const sign = m[1] === "-" ? 1 : 0;
  if (m[5] !== undefined) return special(sign, INF);
  if (m[6] !== undefined) {
    const kind = m[6].length === 4 ? SNAN : NAN;
    const payload = m[7] === "" ? 0n : BigInt(m[7]);
    return special(sign, kind, payload);
  }
  const ip = m[2] ?? "", fp = m[3] ?? "";
  if (ip === "" && fp === "") return null;
  if (ip === "" && m[3] === undefined) return null;
  let e = 0;
  if (m[4] !== undefined) {
    const ev = BigInt(m[4]);
    if (ev > 4000000000000000000n || ev < -4000000000000000000n) return PARSE_INVALID;
    e = Number(ev);
  }
  const digits = (ip + fp).replace(/^0+(?=\d)/, "");
  return finite(sign, BigInt(digits === "" ? "0" : digits), e - fp.length);
}

/** to_sci_string / to_eng_string (mpd_to_sci, mpd_to_eng). */
export function toString(a: Dec, eng: boolean, caps: boolean): string {
  const sign = a.sign ? "-" : "";
  if (a.kind === INF) return sign + "Infinity";
  if (a.kind === NAN || a.kind === SNAN) return sign + (a.kind === SNAN ? "sNaN" : "NaN") + (a.coeff !== 0n ? a.coeff.toString() : "");
  const s = a.coeff.toString();
  const e = a.exp;
  const adj = e + s.length - 1;
  if (e <= 0 && adj >= -6) {
    if (e === 0) return sign + s;
    const point = s.length + e;
    if (point > 0) return sign + s.slice(0, point) + "." + s.slice(point);
    return sign + "0." + "0".repeat(-point) + s;
  }
  const E = caps ? "E" : "e";
  if (!eng) {
    const mant = s.length > 1 ? s[0] + "." + s.slice(1) : s;
    return sign + mant + E + (adj >= 0 ? "+" : "") + adj;
  }
  // Engineering: the exponent a multiple of three.
  if (a.coeff === 0n) {
    // 0 with the exponent rounded up to a multiple of three, zeros after the point making up the difference.
    const r = ((adj % 3) + 3) % 3;
    const ex = r === 0 ? adj : adj + 3 - r;
    const body = ex === adj ? "0" : "0." + "0".repeat(ex - adj);
    return sign + body + (ex !== 0 ? E + (ex >= 0 ? "+" : "") + ex : "");
  }
  const r = ((adj % 3) + 3) % 3;
  const expo = adj - r;
  const dot = r + 1;
  let body: string;
  if (dot >= s.length) body = s + "0".repeat(dot - s.length);
  else body = s.slice(0, dot) + "." + s.slice(dot);
  return sign + body + (expo !== 0 ? E + (expo >= 0 ? "+" : "") + expo : "");
}
