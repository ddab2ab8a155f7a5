def fs(name, width, value, items):
    a = f"{name!r:{width}.{width}}"
    b = f"{'nested' + f'{value:>{width}}'}"
    c = f"{value=:.3f} {name!a} {items[0]!s:^10}"
    d = f"{{literal}} {value:{'>' if width else '<'}{width}}"
    e = f"{'x' 'y'}" f"{value}" "plain"
    g = f"""multi
{name}
line"""
    return a, b, c, d, e, g
