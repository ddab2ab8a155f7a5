# Differential cases for the decimal module: every line is one operation's result and the conditions it raised.
# Run by tests/unit/modules/decimal.test.ts under Typhon; expected.txt is this program's output under CPython 3.13
# (tools/capture_cases.py decimal). Deterministic: the random operands come from a seeded random.Random.
import decimal, random
from decimal import Decimal as D, Context, getcontext

SIGNALS = [decimal.InvalidOperation, decimal.FloatOperation, decimal.DivisionByZero, decimal.Overflow,
           decimal.Underflow, decimal.Subnormal, decimal.Inexact, decimal.Rounded, decimal.Clamped]
ROUNDINGS = [decimal.ROUND_UP, decimal.ROUND_DOWN, decimal.ROUND_CEILING, decimal.ROUND_FLOOR,
             decimal.ROUND_HALF_UP, decimal.ROUND_HALF_DOWN, decimal.ROUND_HALF_EVEN, decimal.ROUND_05UP]

def flags(ctx):
    return ",".join(s.__name__ for s in SIGNALS if ctx.flags[s])

def show(x):
    if isinstance(x, tuple):
        return "(" + ", ".join(show(y) for y in x) + ")"
    return str(x)

def run(ctx, label, f):
    ctx.clear_flags()
    try:
        r = show(f())
    except Exception as e:
        r = "!" + type(e).__name__ + ":" + str(e)
    print(label, "=", r, "[" + flags(ctx) + "]")

rng = random.Random(1234)
def rand_dec(digits=12, erange=8):
    kind = rng.random()
    if kind < 0.05:
        return rng.choice(["Inf", "-Inf", "NaN", "-NaN7", "sNaN", "0", "-0", "0E+3", "-0E-4"])
    n = rng.randrange(10 ** rng.randrange(1, digits))
    e = rng.randrange(-erange, erange)
    s = "-" if rng.random() < 0.3 else ""
    return f"{s}{n}E{e:+d}"

FIXED = ["0", "-0", "1", "-1", "0.1", "1.5", "2.5", "-2.5", "123.456", "1E+5", "1e-5", "7", "3", "1.00", "100",
         "9.999999999999999999999999999E+999999", "1E-999999", "1E-1000020", "Inf", "-Inf", "NaN", "sNaN", "NaN123",
         "12345678901234567890123456789", "0.000001", "1E+100", "-0.0", "5E-1000026", "4.2E+999998", "0.5", "2", "10"]

CONTEXTS = [("default", Context(traps=[])), ("p5", Context(prec=5, traps=[])),
            ("small", Context(prec=4, Emax=9, Emin=-9, traps=[])), ("clamp", Context(prec=6, Emax=20, Emin=-20, clamp=1, traps=[]))]
for r in ROUNDINGS:
    CONTEXTS.append(("p3-" + r, Context(prec=3, rounding=r, traps=[])))

BINARY = ["add", "subtract", "multiply", "divide", "divide_int", "remainder", "remainder_near", "compare",
          "compare_signal", "max", "min", "max_mag", "min_mag", "quantize", "next_toward", "compare_total",
          "compare_total_mag", "same_quantum", "copy_sign", "divmod"]
UNARY = ["abs", "plus", "minus", "sqrt", "normalize", "next_plus", "next_minus", "to_integral_exact",
         "to_integral_value", "number_class", "to_sci_string", "to_eng_string", "logb", "is_normal", "is_subnormal"]
TRANS = ["exp", "ln", "log10"]

values = FIXED + [rand_dec() for _ in range(24)]
for cname, ctx in CONTEXTS:
    rounding_only = cname.startswith("p3")
    vs = values if not rounding_only else values[:8] + values[-10:]
    for op in UNARY:
        for a in vs:
            run(ctx, f"{cname} {op} {a}", lambda: getattr(ctx, op)(D(a)))
    for op in TRANS:
        for a in (vs[:24] + vs[-8:] if not rounding_only else vs[::3]):
            run(ctx, f"{cname} {op} {a}", lambda: getattr(ctx, op)(D(a)))
    for op in BINARY:
        for i, a in enumerate(vs):
            for b in vs[i % 11::11][:3]:
                run(ctx, f"{cname} {op} {a} {b}", lambda: getattr(ctx, op)(D(a), D(b)))
    for a in vs[:24:(2 if rounding_only else 1)]:
        for b in ["2", "-2", "3", "0.5", "-1", "0", "10", "1.5", "Inf", "NaN", "25", "-0.25"]:
            run(ctx, f"{cname} power {a} {b}", lambda: ctx.power(D(a), D(b)))
    if rounding_only:
        continue
    for a in vs[:20]:
        for b in ["0", "3", "-3", "30", "-7"]:
            run(ctx, f"{cname} scaleb {a} {b}", lambda: ctx.scaleb(D(a), D(b)))
            run(ctx, f"{cname} shift {a} {b}", lambda: ctx.shift(D(a), D(b)))
            run(ctx, f"{cname} rotate {a} {b}", lambda: ctx.rotate(D(a), D(b)))
    for a, b, c in [("2", "3", "4"), ("1E+30", "1E+30", "-1E+60"), ("0.1", "0.1", "-0.01"), ("Inf", "0", "1"), ("-1", "1", "1")]:
        run(ctx, f"{cname} fma {a} {b} {c}", lambda: ctx.fma(D(a), D(b), D(c)))
    for a, b in [("1101", "111"), ("0", "1"), ("1010101", "11"), ("2", "1"), ("-1", "1")]:
        for op in ["logical_and", "logical_or", "logical_xor"]:
            run(ctx, f"{cname} {op} {a} {b}", lambda: getattr(ctx, op)(D(a), D(b)))
        run(ctx, f"{cname} logical_invert {a}", lambda: ctx.logical_invert(D(a)))
    for s in ["1.23456789", "  1 ", "1_000", "NaN12345678", "1e999999999", "-Inf", "abc", "0.1"]:
        run(ctx, f"{cname} create_decimal {s!r}", lambda: ctx.create_decimal(s))
    for f in [0.1, -0.0, 1e300, 5e-324, float("inf")]:
        run(ctx, f"{cname} create_decimal_from_float {f!r}", lambda: ctx.create_decimal_from_float(f))

# Conversions and the number protocol under the default context.
ctx = getcontext()
ctx.traps[decimal.Inexact] = False
for s in ["0", "-0", "1.5", "-2.5", "123.456e3", "1E+30", "-1E-30", "Inf", "NaN", "sNaN", "-NaN9", "0.1", "2.675"]:
    d = D(s)
    run(ctx, f"repr {s}", lambda: repr(d))
    run(ctx, f"int {s}", lambda: int(d))
    run(ctx, f"float {s}", lambda: repr(float(d)))
    run(ctx, f"hash {s}", lambda: hash(d) if not d.is_nan() else "nan")
    run(ctx, f"as_tuple {s}", lambda: d.as_tuple())
    run(ctx, f"as_integer_ratio {s}", lambda: d.as_integer_ratio())
    run(ctx, f"round {s}", lambda: round(d))
    run(ctx, f"round2 {s}", lambda: round(d, 2))
    run(ctx, f"floor {s}", lambda: d.__floor__())
    run(ctx, f"ceil {s}", lambda: d.__ceil__())
    run(ctx, f"bool {s}", lambda: bool(d))
    run(ctx, f"adjusted {s}", lambda: d.adjusted())
    for o in [1, 2.5, D("1.5"), -3]:
        run(ctx, f"cmp {s} {o!r}", lambda: (d == o, d != o, d < o, d <= o, d > o, d >= o))
for f in [0.1, 1.1, -2.5, 1e-300, 1e300, float("nan"), float("-inf"), 0.0, -0.0, 12345678901234567.0]:
    run(ctx, f"from_float {f!r}", lambda: D.from_float(f))
for i in [0, 1, -1, 10**30, -(10**50), 2**64]:
    run(ctx, f"from_int {i}", lambda: D(i))
for t in [(0, (1, 2, 3), -2), (1, (0,), 5), (0, (), "n"), (1, (4, 2), "N"), (0, (1,), "F"), (2, (1,), 0), (0, (1, 10), 0)]:
    run(ctx, f"from_tuple {t!r}", lambda: D(t))

SPECS = ["", "e", "E", "f", "F", "g", "G", "%", ".0", ".1", ".3", ".10", ".0f", ".2f", ".5e", ".3g", ".3%", "10",
         "<10", ">10", "^10", "=10", "*^12", "+", " ", "-", "+.2f", "z.1f", "z", "#", "#.0f", "010", "012.3f", "0,",
         ",", ",.2f", "015,.2f", "n", ".2n", "010n", "_", ",n", ".f", "00", "<010", "#e"]
for v in ["0", "-0", "1234.5678", "-0.0001", "1E+30", "0E+3", "-0E-7", "Inf", "-NaN", "123456789", "0.5", "99.995", "1.25E-10"]:
    for sp in SPECS:
        run(ctx, f"format {v} {sp!r}", lambda: format(D(v), sp))

# Arithmetic through the operators, with the default context and its traps.
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b), ("/", lambda a, b: a / b),
       ("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("**", lambda a, b: a ** b), ("divmod", divmod)]
for a in ["7", "-7", "0", "1.5", "Inf", "NaN", "1E+999999"]:
    for b in ["2", "-2", "0", "0.3", "Inf", "NaN", 3, "1E-999999"]:
        for name, f in ops:
            run(ctx, f"op {a} {name} {b!r}", lambda: f(D(a), D(b) if isinstance(b, str) else b))
for a in ["1.5", "-2"]:
    run(ctx, f"neg {a}", lambda: -D(a))
    run(ctx, f"rops {a}", lambda: (3 + D(a), 3 - D(a), 3 * D(a), 3 / D(a), 3 // D(a), 3 % D(a), 3 ** D(a)))
run(ctx, "float op", lambda: D(1) + 1.5)
run(ctx, "pow3", lambda: pow(D(3), D(4), D(7)))
run(ctx, "pow3 neg", lambda: pow(D(-3), 5, 7))
run(ctx, "context repr", lambda: repr(ctx))
run(ctx, "sorted", lambda: sorted([D("3"), D("1.5"), D("-2"), D("1.50")]))
run(ctx, "sum", lambda: sum([D("0.1")] * 10))
with decimal.localcontext(prec=6, rounding=decimal.ROUND_DOWN) as lc:
    run(lc, "localcontext", lambda: (D(2) / 3, repr(lc)))
run(ctx, "after localcontext", lambda: D(2) / 3)
