class Code(int):
    pass

raise SystemExit(Code(9))
