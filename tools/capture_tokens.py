# Captures tests/golden/tokens/cases.json: for each hand-written source below, what `python3.13 -m tokenize -e`
# prints (tools/diff_modes/tokens.py), so tests/unit/parser/tokenizer.test.ts runs without CPython.
# Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_tokens.py
import base64, json, os, sys, tempfile, importlib.util

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("tokens_mode", os.path.join(HERE, "diff_modes", "tokens.py"))
mode = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mode)

CASES = {
    # numbers
    "numbers": b"0 00 0_0 1_000 0x_1f 0XAB 0o17 0O_7 0b1_0 0B1 1. .5 1.5e10 1E-5 1e+5 1_0.0_1e1_0 1j 1.5J 0j 00.5 0e0 07.5\n",
    "number_then_keyword": b"x = 1if y else 2\nz = 0x1for q in r\nw = [1or 2, 1and 3, 1not in 4, 1is 5, 1in 6]\n",
    "leading_zeros_extra": b"x = 0777\n",
    "invalid_hex": b"x = 0x\n",
    "invalid_octal_digit": b"x = 0o8\n",
    "invalid_binary": b"x = 0b\n",
    "invalid_binary_digit": b"x = 0b12\n",
    "invalid_exponent": b"x = 1e+\n",
    "invalid_underscore": b"x = 1_\n",
    "number_then_name": b"x = 1abc\n",
    "number_e_name": b"x = 1else\n",
    # strings
    "string_prefixes": b"a = ('' \"\" b'' B\"\" r'' R'' u'' U'' br'' bR'' Br'' BR'' rb'' rB'' Rb'' RB'' f'' F'' fr'' fR'' Fr'' FR'' rf'' rF'' Rf'' RF'')\n",
    "triple_quotes": b"a = '''x\ny'''\nb = \"\"\"\n\"\"\"\nc = '''''' + \"\"\"a\"b\"\"c\"\"\"\n",
    "string_escapes": b"a = 'it\\'s' \"q\\\"\" '\\\\' 'a\\\nb'\n",
    "unterminated_string": b"x = 'abc\n",
    "unterminated_escaped_quote": b"x = 'abc\\'\n",
    "unterminated_triple": b"x = 1\ny = '''abc\n\ndef\n",
    "eof_in_statement_non_ascii": b"x = (\xc3\xa9,\n  '\xe2\x82\xac',\n",
    "last_line_lone_cr": b"x = 1\ny = (1, 2)\r",
    "eof_in_fstring_bad_byte": b"rf'{eturn\n\n\xff    if x:\n",
    "unterminated_at_eof": b"x = \"abc",
    # f-strings (PEP 701)
    "fstring_basic": b"f'a{b}c' f\"{x!r}\" f'{x!s:>10}' f'{x!a}' F'{{}}' f'{{{x}}}'\n",
    "fstring_format_spec": b"f'{x:{w}.{p}f}' f'{x:>{w}}' f'{x:%H:%M}' f'{x:{{}}>10}'\n",
    "fstring_debug": b"f'{x=}' f'{x = !r:>10}' f'{x=:.2f}' f'{ x = }'\n",
    "fstring_nested": b"f'{f\"{f'{x}'}\"}' f\"{'a' if b else f'{c}'}\" f'{\"\\n\".join(a)}'\n",
    "fstring_triple": b"f'''a\n{b\n+ c}\n{d:\n}'''\n",
    "fstring_multiline_expr": b"x = f'{a +\n b}'\n",
    "fstring_raw": b"rf'\\{x}\\n' fr'{x}\\\\' Rf'\\N{y}'\n",
    "fstring_named_escape": b"f'\\N{BULLET} {x}' f'\\N{LEFT CURLY BRACKET}'\n",
    "fstring_lambda_walrus": b"f'{(lambda x: x)(1)}' f'{(y:=1)}' f'{x:=10}'\n",
    "fstring_unterminated": b"x = f'abc\n",
    "fstring_unterminated_triple": b"x = f'''abc\n",
    "fstring_single_brace": b"f'a}'\n",
    "fstring_expecting_brace": b"f'{a'\n",
    "fstring_nested_too_deeply": b"f'{a:{b:{c:{d}}}}'\n",
    "fstring_comment": b"f'''{x # comment\n}'''\n",
    # layout
    "indent_dedent": b"if a:\n    if b:\n        c\n    d\ne\n",
    "dedent_at_eof": b"class A:\n    def f(self):\n        pass\n",
    "dedent_at_eof_no_newline": b"if a:\n    b",
    "dedent_blank_lines_at_eof": b"if a:\n    b\n\n   \n# c\n",
    "tabs": b"if a:\n\tb\n\tif c:\n\t\td\n",
    "tab_error": b"if a:\n\tb\n        c\n",
    "unindent_mismatch": b"if a:\n    b\n  c\n",
    "form_feed": b"\x0cx = 1\nif a:\n  \x0c  b\n",
    "too_deep": b"".join(b" " * i + b"if a:\n" for i in range(101)) + b" " * 101 + b"b\n",
    "comments": b"# c1\nx = 1  # c2\n  # indented comment\n\n#c3",
    "empty": b"",
    "only_newlines": b"\n\n\n",
    "no_trailing_newline": b"x = 1",
    "comment_no_newline": b"x = 1\n# c",
    "continuation": b"x = 1 + \\\n    2\nif a and \\\n   b:\n    pass\n",
    "continuation_indent": b"if a:\n    \\\n  b\n",
    "continuation_error": b"x = 1 \\ 2\n",
    "continuation_at_eof": b"x = 1 \\\n",
    "eof_in_parens": b"x = (1,\n  2,\n",
    "unmatched_closing_extra": b"x = 1)\ny = [}\n",
    "crlf": b"x = 1\r\nif a:\r\n    b = '''c\r\nd'''\r\n# e\r\n\r\n",
    "cr_only": b"x = 1\ry = 2\n",
    "null_byte": b"x = 1\ny = '\x00'\n",
    "operators": b"a += b -= c *= d /= e //= f %= g @= h &= i |= j ^= k >>= l <<= m **= n := o -> p ... q != r <> s ~ t ! u $ v ?\n",
    # encodings and unicode
    "bom": b"\xef\xbb\xbfx = '\xc3\xa9'\n",
    "bom_utf8_cookie": b"\xef\xbb\xbf# -*- coding: utf-8 -*-\nx = 1\n",
    "bom_latin1_cookie": b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
    "latin1_cookie": b"# -*- coding: latin-1 -*-\nx = '\xe9\xe8'  # \xff\n",
    "iso8859_15_cookie": b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\ns = '\xa4'\n",
    "cp1252_cookie": b"# coding: cp1252\ns = '\x80\x93'\n",
    "koi8_r_cookie": b"# coding: koi8-r\ns = '\xc1\xc2'\n",
    "cookie_on_line_3_ignored": b"#\nx = 1\n# coding: latin-1\n",
    "cookie_after_code_ignored": b"x = 1\n# coding: latin-1\ns = '\xc3\xa9'\n",
    "unknown_encoding": b"# coding: fake-encoding\nx = 1\n",
    "invalid_utf8_line1": b"x = '\xff'\n",
    "invalid_utf8_line3": b"x = 1\ny = 2\nz = '\xff\xfe'\n",
    "unicode_identifiers": "\u00e9t\u00e9 = 1\n\u540d\u524d = '\u540d'\n\U0001d4b3 = 2  # astral \U0001f600\ns = '\U0001f600' + \u00e9t\u00e9\n".encode(),
    "invalid_character_extra": "x = \u20ac\ny = \u00a0\n".encode(),
    "nonprintable_ascii": b"x = 1\x01\n",
    "type_comment_text": b"x = []  # type: List[int]\n",
}

def main():
    out = []
    with tempfile.TemporaryDirectory() as d:
        os.chdir(d)
        for name, src in CASES.items():
            path = name + ".py"
            with open(path, "wb") as f:
                f.write(src)
            status, text = mode.dump(path, src)
            out.append({"name": name, "source_b64": base64.b64encode(src).decode(), "status": status, "text": text})
    dest = os.path.join(HERE, "..", "tests", "golden", "tokens", "cases.json")
    with open(dest, "w") as f:
        json.dump(out, f, indent=0, ensure_ascii=True)
        f.write("\n")
    print(f"{len(out)} cases -> tests/golden/tokens/cases.json", file=sys.stderr)

main()
