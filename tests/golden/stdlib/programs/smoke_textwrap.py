import textwrap
text = "The quick brown fox jumps over the lazy dog. " * 4
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(repr(textwrap.dedent("""
    def f():
        return 1
      # comment
""")))
print(textwrap.indent("a\n\nb\n", "> "), textwrap.indent("a\n\nb", "+", lambda l: True))
print(textwrap.shorten("Hello  world, this is a long sentence", width=20), textwrap.shorten("short", 10, placeholder="..."))
w = textwrap.TextWrapper(width=12, break_long_words=True, max_lines=3, placeholder=" [...]", expand_tabs=True, tabsize=4)
print(w.wrap("supercalifragilisticexpialidocious and\tmore words here"))
print(textwrap.wrap("a-very-long-hyphenated-word here", 10), textwrap.wrap("a-very-long-hyphenated-word here", 10, break_on_hyphens=False))
print(textwrap.fill("Sentence one.  Sentence two. x", 15, fix_sentence_endings=True, drop_whitespace=False))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print(e)
