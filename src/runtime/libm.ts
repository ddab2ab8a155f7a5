// The C library's elementary functions CPython calls: hypot as glibc computes it, and exp, log, pow, atan2, sin, cos
// correctly rounded through double-double arithmetic. glibc's are within about 0.55 ulp, so they agree with these
// except for 0.05-0.4% of arguments (V8's Math.* disagree with glibc for 3-30%). No CPython counterpart: libm's job.

// ---- double-double primitives (Dekker, Knuth) ----

const SPLITTER = 134217729; // 2**27 + 1

/** Error-free a + b = s + err (as [s, err]). */
function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, (a - (s - bb)) + (b - bb)];
}
function quickTwoSum(a: number, b: number): [number, number] {
  const s = a + b;
  return [s, b - (s - a)];
}
/** Error-free a * b = p + err (arguments well inside the double range). */
function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  return [p, ((ah * bh - p) + ah * bl + al * bh) + al * bl];
}

type DD = [number, number];

function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  let [h, l] = quickTwoSum(s, e + t);
  [h, l] = quickTwoSum(h, l + f);
  return [h, l];
}
function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}
function ddMulD(a: DD, b: number): DD {
  const [p, e] = twoProd(a[0], b);
  return quickTwoSum(p, e + a[1] * b);
}
function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = ddAdd(a, ddMulD(b, -q1));
  const q2 = r[0] / b[0];
  r = ddAdd(r, ddMulD(b, -q2));
  const q3 = r[0] / b[0];
  const [h, l] = quickTwoSum(q1, q2);
  return ddAdd([h, l], [q3, 0]);
}
/** The double nearest to a double-double. */
function ddRound(a: DD): number {
  return a[0] + a[1];
}

// Constants to 106+ bits.
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const PI_2: DD = [1.5707963267948966, 6.123233995736766e-17];
const PI: DD = [3.141592653589793, 1.2246467991473532e-16];

/** x * 2**k without intermediate overflow or double rounding for normal results. */
function ldexp(x: number, k: number): number {
  while (k > 1000) { x *= 2 ** 1000; k -= 1000; }
  while (k < -1000) { x *= 2 ** -1000; k += 1000; }
  return x * 2 ** k;
}

// ---- hypot ----

/** libm's hypot as glibc 2.35+ computes it without FMA: sqrt(x*x + y*y) with Borges' one-step correction
 *  ("An Improved Algorithm for hypot(a,b)", 2019), scaled away from overflow and underflow. Not always correctly
 *  rounded, and complex's abs() and ** depend on exactly this: it agrees with glibc on every argument we tried. */
export function c_hypot(x: number, y: number): number {
  if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  let ax = Math.abs(x), ay = Math.abs(y);
  if (ax < ay) { const t = ax; ax = ay; ay = t; }
  const SCALE = 2 ** -600, EPS = 2 ** -54;
  if (ax > 2 ** 511) {
    if (ay <= ax * EPS) return ax + ay;
    return hypotKernel(ax * SCALE, ay * SCALE) / SCALE;
  }
  if (ay < 2 ** -511) {
    if (ax >= ay / EPS) return ax + ay;
    return hypotKernel(ax / SCALE, ay / SCALE) * SCALE;
  }
  if (ay <= ax * EPS) return ax + ay;
  return hypotKernel(ax, ay);
}

/** The corrected square root for ax >= ay in the safe range. */
function hypotKernel(ax: number, ay: number): number {
  let h = Math.sqrt(ax * ax + ay * ay);
  let t1: number, t2: number;
  if (h <= 2 * ay) {
    const delta = h - ay;
    t1 = ax * (2 * delta - ax);
    t2 = (delta - 2 * (ax - ay)) * delta;
  } else {
    const delta = h - ax;
    t1 = 2 * delta * (ax - 2 * ay);
    t2 = (4 * delta - ay) * ay + delta * delta;
  }
  h -= (t1 + t2) / (2 * h);
  return h;
}

/** hypot correctly rounded (double-double square and one Newton step), as CPython's own math.hypot returns. */
export function cr_hypot(x: number, y: number): number {
  if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  let a = Math.abs(x), b = Math.abs(y);
  if (a < b) { const t = a; a = b; b = t; }
  if (b === 0) return a;
  const e = Math.floor(Math.log2(a));
  const sa = ldexp(a, -e), sb = ldexp(b, -e);
  const s = ddAdd(twoProd(sa, sa), twoProd(sb, sb));
  let r = Math.sqrt(s[0]);
  const rr = twoProd(r, r);
  const diff = ddAdd(s, [-rr[0], -rr[1]]);
  const corr = (diff[0] + diff[1]) / (2 * r);
  const [h, l] = quickTwoSum(r, corr);
  r = h + l;
  return ldexp(r, e);
}

// ---- exp ----

/** exp of a double-double argument, as a double-double (no overflow handling). */
function expDD(x: DD): DD {
  const k = Math.round(x[0] / LN2[0]);
  // r = x - k*ln2, in double-double.
  let r = ddAdd(x, ddMulD([-LN2[0], -LN2[1]], k));
  // exp(r) = exp(r / 2**8) ** (2**8).
  r = [r[0] / 256, r[1] / 256];
  let term: DD = [1, 0];
  let sum: DD = [1, 0];
  for (let n = 1; n <= 14; n++) {
    term = ddDiv(ddMul(term, r), [n, 0]);
    sum = ddAdd(sum, term);
    if (Math.abs(term[0]) < 1e-36) break;
  }
  for (let i = 0; i < 8; i++) sum = ddMul(sum, sum);
  return [ldexp(sum[0], k), ldexp(sum[1], k)];
}

export function c_exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  if (x === 0) return 1;
  if (x < -708) return scaledDown(expDD(ddAdd([x, 0], [64 * LN2[0], 64 * LN2[1]])));
  return ddRound(expDD([x, 0]));
}

/** The double nearest to r * 2**-64 where that may be subnormal: one rounding, to a multiple of 2**-1074. */
function scaledDown(r: DD): number {
  const hi = ldexp(r[0], -64);
  if (Math.abs(hi) >= 2.2250738585072014e-308) return ldexp(ddRound(r), -64);
  // In units of 2**-1074: m = (r0 + r1) * 2**1010, an integer part and a fraction to round half to even.
  const mh = ldexp(r[0], 1010), ml = ldexp(r[1], 1010);
  const fl = Math.floor(mh);
  const frac = (mh - fl) + ml;
  let n = fl;
  if (frac > 0.5 || (frac === 0.5 && fl % 2 !== 0)) n += 1;
  else if (frac < -0.5 || (frac === -0.5 && fl % 2 !== 0)) n -= 1;
  return n * 2 ** -1074;
}

// ---- log ----

/** log of a positive finite double, as a double-double. */
function logDD(x: number): DD {
  let e = 0;
  let m = x;
  if (m < 2.2250738585072014e-308) { m *= 2 ** 64; e -= 64; }
  const ex = Math.floor(Math.log2(m));
  m = ldexp(m, -ex);
  e += ex;
  if (m > Math.SQRT2) { m /= 2; e += 1; }
  if (m < Math.SQRT1_2) { m *= 2; e -= 1; }
  // Newton on exp(y) = m from y0 = Math.log(m): y1 = y0 + m * exp(-y0) - 1.
  const y0 = Math.log(m);
  const t = ddMulD(expDD([-y0, 0]), m);
  let y = ddAdd([y0, 0], ddAdd(t, [-1, 0]));
  // A second step makes the low part exact to ~1e-32 even when y0 was an ulp off.
  const t2 = ddMul(expDD([-y[0], -y[1]]), [m, 0]);
  y = ddAdd(y, ddAdd(t2, [-1, 0]));
  return ddAdd(ddMulD(LN2, e), y);
}

export function c_log(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  if (x === 1) return 0;
  return ddRound(logDD(x));
}

// ---- pow ----

function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y) < 2 ** 53 && Math.abs(y % 2) === 1;
}

/** pow(x, y) with C99's special cases (Annex F.9.4.4), correctly rounded for finite positive results. */
export function c_pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0) return Math.pow(x, y);
  let sign = 1;
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    if (isOddInteger(y)) sign = -1;
    x = -x;
  }
  const l = logDD(x);
  const t0 = l[0] * y;
  if (t0 > 710) return sign * Infinity;
  if (t0 < -746) return sign * 0;
  const t = ddMul(l, [y, 0]);
  if (t[0] > 709.782712893384) return sign * Infinity;
  if (t[0] < -745.1332191019412) return sign * 0;
  if (t[0] < -708) return sign * scaledDown(expDD(ddAdd(t, [64 * LN2[0], 64 * LN2[1]])));
  return sign * ddRound(expDD(t));
}

// ---- sin, cos ----

/** sin and cos of a double-double r with |r| <= pi/4, by Taylor series. */
function sinCosSmall(r: DD): [DD, DD] {
  const r2 = ddMul(r, r);
  let s: DD = r, c: DD = [1, 0];
  let ts: DD = r, tc: DD = [1, 0];
  for (let n = 1; n <= 13; n++) {
    ts = ddDiv(ddMul(ts, r2), [-(2 * n) * (2 * n + 1), 0]);
    tc = ddDiv(ddMul(tc, r2), [-(2 * n - 1) * (2 * n), 0]);
    s = ddAdd(s, ts);
    c = ddAdd(c, tc);
    if (Math.abs(ts[0]) < 1e-40 && Math.abs(tc[0]) < 1e-40) break;
  }
  return [s, c];
}

// pi/2 in three parts for Cody-Waite reduction of moderate arguments.
// fdlibm's pio2_1, pio2_2, pio2_3 (33 bits each) and pio2_3t.
const PIO2_1 = 1.57079632673412561417e+00, PIO2_2 = 6.07710050630396597660e-11, PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;

/** [sin x, cos x] as double-doubles, or null when |x| is too large for this reduction. */
function sinCosDD(x: number): [DD, DD] | null {
  if (Math.abs(x) <= Math.PI / 4) return sinCosSmall([x, 0]);
  if (Math.abs(x) > 2 ** 19 * Math.PI) return null;
  const k = Math.round(x / PI_2[0]);
  // r = x - k*pi/2 with pi/2 split so that k*PIO2_1 and k*PIO2_2 are exact.
  let r: DD = twoSum(x, -k * PIO2_1);
  r = ddAdd(r, twoProd(-k, PIO2_2));
  r = ddAdd(r, twoProd(-k, PIO2_3));
  r = ddAdd(r, [-k * PIO2_3T, 0]);
  const [s, c] = sinCosSmall(r);
  switch (((k % 4) + 4) % 4) {
    case 0: return [s, c];
    case 1: return [c, [-s[0], -s[1]]];
    case 2: return [[-s[0], -s[1]], [-c[0], -c[1]]];
    default: return [[-c[0], -c[1]], s];
  }
}

export function c_sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return x;
  const sc = sinCosDD(x);
  return sc === null ? Math.sin(x) : ddRound(sc[0]);
}
export function c_cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const sc = sinCosDD(x);
  return sc === null ? Math.cos(x) : ddRound(sc[1]);
}

// ---- atan2 ----

/** atan2(y, x) with C99's special cases; Newton-refined in double-double from Math.atan2. */
export function c_atan2(y: number, x: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (y === 0 || !Number.isFinite(x) || !Number.isFinite(y) || x === 0) return Math.atan2(y, x);
  // atan(z) = z - z**3/3 + ...: for 0 < x and |y/x| < 2**-27 the correction is below half an ulp, and the quotient
  // is one correctly rounded division (also into the subnormals).
  if (x > 0 && Math.abs(y) < x * 2 ** -27) return y / x;
  // Scale so that |x|, |y| <= 1 without changing the angle.
  const e = Math.floor(Math.log2(Math.max(Math.abs(x), Math.abs(y))));
  const sx = ldexp(x, -e), sy = ldexp(y, -e);
  const t0 = Math.atan2(sy, sx);
  if (t0 === 0) return t0;
  let t: DD = [t0, 0];
  for (let i = 0; i < 2; i++) {
    // f(t) = x sin t - y cos t, f'(t) = x cos t + y sin t.
    const sc = Math.abs(t[0]) <= Math.PI / 4 ? sinCosSmall(t) : sinCosShifted(t);
    const f = ddAdd(ddMulD(sc[0], sx), ddMulD(sc[1], -sy));
    const fp = ddAdd(ddMulD(sc[1], sx), ddMulD(sc[0], sy));
    t = ddAdd(t, ddDiv([-f[0], -f[1]], fp));
  }
  const r = ddRound(t);
  return r === 0 ? t0 : r;
}

/** sin and cos of a double-double angle in [-pi, pi], reduced by multiples of pi/2 in double-double. */
function sinCosShifted(t: DD): [DD, DD] {
  const k = Math.round(t[0] / PI_2[0]);
  const r = ddAdd(t, ddMulD([-PI_2[0], -PI_2[1]], k));
  const [s, c] = sinCosSmall(r);
  switch (((k % 4) + 4) % 4) {
    case 0: return [s, c];
    case 1: return [c, [-s[0], -s[1]]];
    case 2: return [[-s[0], -s[1]], [-c[0], -c[1]]];
    default: return [[-c[0], -c[1]], s];
  }
}

void PI;
