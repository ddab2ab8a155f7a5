for v in ("ascii", "café", "\n", "\x00", "日本", "\U0001f600", b"\xff", [1, "é"], {"k": "ü"}, 1.5, None, (1,)):
    print(repr(v), ascii(v), str(v) if not isinstance(v, bytes) else "bytes")
print(format(1234567, ","), format(0.000123, ".2e"), format("s", ">3"), format(255, "#o"))
