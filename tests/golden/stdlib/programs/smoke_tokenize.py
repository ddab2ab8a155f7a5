import tokenize, io, token
src = 'def f(x):\n    return x + 1  # comment\ns = f"val {x!r:>4}"\n'
for tok in tokenize.generate_tokens(io.StringIO(src).readline):
    print(tokenize.tok_name[tok.type], repr(tok.string), tok.start, tok.end)
toks = list(tokenize.tokenize(io.BytesIO(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").readline))
print(toks[0].string, [t.string for t in toks[1:6]], toks[0].exact_type == token.ENCODING)
print(tokenize.untokenize([(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO("a=(1,\n2)\n").readline)]))
print(tokenize.detect_encoding(io.BytesIO(b"\xef\xbb\xbfprint(1)\n").readline), token.tok_name[token.OP], token.EXACT_TOKEN_TYPES["->"], token.ISTERMINAL(token.NAME))
ops = [t for t in tokenize.generate_tokens(io.StringIO("a **= b->c\n").readline) if t.type == token.OP]; print([(t.string, token.tok_name[t.exact_type]) for t in ops])
try:
    list(tokenize.generate_tokens(io.StringIO("s = '''unterminated\n").readline))
except tokenize.TokenError as e:
    print(type(e).__name__, e)
try:
    list(tokenize.generate_tokens(io.StringIO("  x\n y\n").readline))
except IndentationError as e:
    print(type(e).__name__, e)
with open("tok.py", "w") as f: f.write("x = 1\n")
with tokenize.open("tok.py") as f: print(f.encoding, f.read())
