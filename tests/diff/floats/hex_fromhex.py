for v in (1.0, 0.5, 0.1, -2.75, 1e300, 5e-324, 0.0, -0.0, float("inf"), float("nan")):
    print(repr(v), v.hex())
for s in ("0x1p0", "0x1.8p1", "-0x1.fffffffffffffp+1023", "0x.8", "0x1p-1074", "inf", "-nan", "  0X1P+3  ", "0x1.0000000000000fp0"):
    print(s, float.fromhex(s))
for bad in ("0x1p", "zz", "0x1p99999"):
    try:
        float.fromhex(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
