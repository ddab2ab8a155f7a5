x = f"{a!r:>{width}.{prec}f} and {b=} and {c = !s} and {d=:^10}"
y = f'{"nested" + f"{inner!a}"}' f"tail{{}}" "plain" rb"\x00" if 0 else 1
z = f"""multi
{line
 + 2=}
é{ 'ü' }\N{BULLET}\t{x:{'{'}>3}"""
w = u"kind" "merged" f"" f"{x}" ""
v = fr"\d{x}\n" Rb'\n' B"" f"{x:}" f"{x!r:}"
