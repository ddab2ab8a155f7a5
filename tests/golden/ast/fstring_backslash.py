# A backslash before '{' ends an f-string part: decode_unicode_with_escapes keeps it as a literal backslash.
a = f'\{x}.'
b = f'a\{x}'
c = f'{x:\{y}}'
d = f'{x:a\{y}}'
