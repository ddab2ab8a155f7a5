sources = [
    "x = 1\ndef f():\n    print(x)\n    global x\n",
    "nonlocal q\n",
    "def f():\n    nonlocal q\n",
    "def f(a):\n    global a\n",
    "def f():\n    x = 1\n    global x\n",
    "class C:\n    nonlocal z\n",
    "def f():\n    yield = 1\n",
    "return 5\n",
    "break\n",
    "def f():\n    continue\n",
    "await x\n",
    "def f(a, a):\n    pass\n",
    "f(x for x in y, 1)\n",
    "del f()\n",
    "(a, b) += 1\n",
]
for src in sources:
    try:
        compile(src, "<scope>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(e.msg, e.lineno)
