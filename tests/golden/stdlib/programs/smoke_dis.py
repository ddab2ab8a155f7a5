import dis
def add(a, b=1):
    total = a + b
    if total > 10:
        return "big"
    for i in range(3):
        total += i
    return total
dis.dis(add)
print([i.opname for i in dis.get_instructions(add)][:6], dis.opmap["LOAD_CONST"], dis.opname[dis.opmap["RETURN_VALUE"]], dis.HAVE_ARGUMENT)
print(dis.code_info(add))
bc = dis.Bytecode("x = [i * 2 for i in y]")
print(bc.dis())
ins = next(i for i in dis.get_instructions(add) if i.opname == "COMPARE_OP"); print(ins.argrepr, ins.positions.lineno, ins.starts_line, ins.is_jump_target)
print(dis.findlinestarts(add.__code__).__class__.__name__, sorted({l for _, l in dis.findlinestarts(add.__code__) if l}))
print(sorted(dis.hasjrel)[:3] if hasattr(dis, "hasjrel") else None, dis.cmp_op, dis.stack_effect(dis.opmap["POP_TOP"]))
dis.dis("a = b.c(d)[e]", show_caches=False)
dis.show_code(compile("import os", "<s>", "exec"))
