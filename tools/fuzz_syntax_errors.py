#!/usr/bin/env python3.13
"""Mutation fuzz against CPython 3.13's parser: takes random line windows of Lib (Lib/test too), inserts, deletes or spaces a
few tokens (or inserts bytes that are not UTF-8), compiles each result in a random mode and writes one JSON object per
case to stdout: {"src" | "src_hex", "mode", "want"} with want "OK", "Kind msg lineno offset end_lineno end_offset"
or "EXC Kind str". tools/fuzz_syntax_errors.ts replays the cases through Typhon's parser and prints the differences.
Usage: PYENV_VERSION=3.13.0 python3.13 tools/fuzz_syntax_errors.py [--seed N] [--count N] [--bytes] > cases.jsonl
With --files DIR it writes the mutated sources as DIR/fuzzNNNN.py instead, for `npm run diff -- tokens|ast DIR`.
See docs/parser.md ("Testing the parser").
"""
import argparse, glob, json, os, random, sys, warnings

INSERTS = ["(", ")", "[", "]", "{", "}", ":", ",", "=", "if", "else", "lambda", "def", "'", '"', "f'{", "\\", "\n",
           "    ", "\t", "*", "**", "not", "in", "is", "=>", "$", "?", "!", "1a", "0x", "`", "yield", "await", "async",
           "...", ".", ";", "->", "@", "from", "import", "as", "#", "\u00e9", "\x00", "match", "case", "type", "else:",
           ":=", "for", "x", "except", "try:", "with", "class", "global", "del", "return", "pass", "f'", "}'", "{{", "!r",
           "=}", "//", "//=", "+=", "**=", "*", "|", "not in", "is not"]
BAD_BYTES = [b"\xe9", b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf0\x9f", b"\x80\x80", b"\xc3\xa9\xe9"]


def outcome(src, mode):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(src, "<s>", mode, dont_inherit=True, flags=0x400)  # PyCF_ONLY_AST: parser errors only
            return "OK"
        except SyntaxError as e:
            return " ".join([type(e).__name__, json.dumps(e.msg)] + [json.dumps(v) for v in
                            (e.lineno, e.offset, e.end_lineno, e.end_offset)])
        except Exception as e:
            return f"EXC {type(e).__name__} {e}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--bytes", action="store_true", help="insert bytes that are not UTF-8 instead of tokens")
    ap.add_argument("--files", metavar="DIR", help="write the sources as DIR/fuzzNNNN.py files instead of JSON lines")
    ap.add_argument("--from-corpus", action="store_true",
                    help="mutate the str sources of tests/golden/syntax_errors/parser.jsonl instead of Lib windows")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    lib = os.path.dirname(os.__file__)
    files = sorted(f for f in glob.glob(os.path.join(lib, "**", "*.py"), recursive=True) if "site-packages" not in f)
    if args.files:
        os.makedirs(args.files, exist_ok=True)
    corpus = []
    if args.from_corpus:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        with open(os.path.join(root, "tests", "golden", "syntax_errors", "parser.jsonl"), encoding="utf-8") as f:
            corpus = [(r["src"], r["mode"]) for r in map(json.loads, f) if "src" in r]
    for n in range(args.count):
        if corpus:
            text, _ = rng.choice(corpus)
            try:
                chunk = text.encode("utf-8")
            except UnicodeEncodeError:
                continue
        else:
            with open(rng.choice(files), "rb") as f:
                lines = f.read().split(b"\n")
            i = rng.randrange(len(lines))
            chunk = b"\n".join(lines[i:i + rng.randrange(1, 8)])
        if not chunk.strip():
            continue
        if args.bytes:
            pos = rng.randrange(len(chunk) + 1)
            src = chunk[:pos] + rng.choice(BAD_BYTES) + chunk[pos:]
        else:
            src = chunk.decode("utf-8", "replace")
            for _ in range(rng.randrange(1, 4)):
                pos = rng.randrange(len(src) + 1)
                r = rng.random()
                if r < 0.5:
                    src = src[:pos] + rng.choice(INSERTS) + src[pos:]
                elif r < 0.8:
                    src = src[:pos] + src[pos + rng.randrange(1, 4):]
                else:
                    src = src[:pos] + " " + src[pos:]
            if rng.random() < 0.3:
                src += "\n"
        if args.files:
            with open(os.path.join(args.files, f"fuzz{n:04d}.py"), "wb") as f:
                f.write(src if isinstance(src, bytes) else src.encode("utf-8", "surrogatepass"))
            continue
        mode = rng.choice(["exec", "exec", "exec", "eval", "single"])
        rec = {"mode": mode, "want": outcome(src, mode)}
        if isinstance(src, bytes):
            rec["src_hex"] = src.hex()
        else:
            rec["src"] = src
        print(json.dumps(rec))


if __name__ == "__main__":
    sys.exit(main())
