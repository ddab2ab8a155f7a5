import doctest, sys
def add(a, b):
    """Add two numbers.

    >>> add(1, 2)
    3
    >>> add("a", "b")
    'ab'
    >>> add(1, 1)
    3
    >>> [add(i, i) for i in range(3)]
    [0, 2, 4]
    >>> add(None, 1)
    Traceback (most recent call last):
      ...
    TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'
    """
    return a + b
def ellipsis():
    """
    >>> list(range(20))  # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> print("a   b")  # doctest: +NORMALIZE_WHITESPACE
    a b
    >>> raise ValueError("x")
    Traceback (most recent call last):
    KeyError: 'x'
    """
print(doctest.testmod(sys.modules[__name__], verbose=False))
parser = doctest.DocTestParser()
test = parser.get_doctest(">>> x = 5\n>>> x * 2\n10\n", {}, "inline", "inline.txt", 0)
print(test.name, len(test.examples), test.examples[1].source, test.examples[1].want)
runner = doctest.DocTestRunner(verbose=False); runner.run(test); print(runner.summarize(verbose=False))
print(doctest.run_docstring_examples(add, {"add": add}, name="add_only", optionflags=doctest.REPORT_ONLY_FIRST_FAILURE))
with open("doc.txt", "w") as f: f.write("Text file test\n\n>>> 1 + 1\n2\n>>> 'x' * 3\n'xxx'\n")
print(doctest.testfile("doc.txt", module_relative=False))
