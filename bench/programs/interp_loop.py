# interp_loop: a small stack-machine interpreter written in Python (dispatch on tuples, list as stack).
# Arg N: number of repetitions (work is linear in N).
import sys

DEFAULT_N = 250

PUSH, ADD, SUB, MUL, DUP, SWAP, JNZ, DEC, POP, LOAD, STORE = range(11)

# sum of i*i for i in n..1, using registers 0 (counter) and 1 (accumulator)
PROGRAM = [
    (STORE, 0),          # counter = top
    (PUSH, 0), (STORE, 1),
    (LOAD, 0), (DUP, 0), (MUL, 0), (LOAD, 1), (ADD, 0), (STORE, 1),
    (LOAD, 0), (DEC, 0), (DUP, 0), (STORE, 0),
    (JNZ, 3),
    (LOAD, 1),
]


def run(program, arg):
    stack = [arg]
    regs = [0, 0]
    pc = 0
    steps = 0
    end = len(program)
    while pc < end:
        op, a = program[pc]
        pc += 1
        steps += 1
        if op == PUSH:
            stack.append(a)
        elif op == ADD:
            b = stack.pop()
            stack.append(stack.pop() + b)
        elif op == SUB:
            b = stack.pop()
            stack.append(stack.pop() - b)
        elif op == MUL:
            b = stack.pop()
            stack.append(stack.pop() * b)
        elif op == DUP:
            stack.append(stack[-1])
        elif op == SWAP:
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == JNZ:
            if stack.pop():
                pc = a
        elif op == DEC:
            stack.append(stack.pop() - 1)
        elif op == POP:
            stack.pop()
        elif op == LOAD:
            stack.append(regs[a])
        elif op == STORE:
            regs[a] = stack.pop()
    return stack[-1], steps


def main(reps):
    total = 0
    for r in range(reps):
        value, steps = run(PROGRAM, 3000 + r)
        total += value % 1000003 + steps
    return total


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_N
    print("interp_loop", main(n))
