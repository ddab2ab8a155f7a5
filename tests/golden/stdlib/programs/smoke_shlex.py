import shlex
print(shlex.split('ls -l "my file.txt" \'single q\' back\\ slash # not comment'), shlex.split("a # comment here", comments=True))
print(shlex.quote("safe"), shlex.quote("has space"), shlex.quote("it's"), shlex.quote(""), shlex.join(["echo", "a b", "$HOME"]))
lx = shlex.shlex("a=b && (c || d); e", posix=True, punctuation_chars=True); print(list(lx))
lx2 = shlex.shlex('key = "value with spaces" other'); print(list(lx2))
lx3 = shlex.shlex("one two", posix=True); lx3.whitespace_split = True; print(lx3.get_token(), lx3.get_token(), repr(lx3.get_token()))
print(shlex.split("a\\\nb 'c\"d' \"e\\\"f\""), shlex.split("x", posix=False), shlex.split('"quoted" rest', posix=False))
for bad in ['"unterminated', "'open", "esc\\"]:
    try:
        shlex.split(bad)
    except ValueError as e:
        print(type(e).__name__, e)
