// Opcode predicates and oparg constants the compiler and the evaluation loop share.
// Counterpart: Include/internal/pycore_opcode_utils.h (3.13). Tables come from ./opcode_metadata.ts (generated).
import {
  _PyOpcode_flags, HAS_ARG_FLAG, HAS_CONST_FLAG, HAS_NAME_FLAG, HAS_JUMP_FLAG, HAS_FREE_FLAG, HAS_LOCAL_FLAG,
  HAS_EXC_FLAG, JUMP, JUMP_NO_INTERRUPT, JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, RETURN_VALUE,
  RETURN_CONST, RAISE_VARARGS, RERAISE, SETUP_FINALLY, SETUP_WITH, SETUP_CLEANUP, MAX_REAL_OPCODE, MIN_PSEUDO_OPCODE,
  POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, LOAD_CONST, RETURN_GENERATOR,
} from "./opcode_metadata.js";

export * from "./opcode_metadata.js";

function flag(op: number, f: number): boolean {
  return op >= 0 && op < _PyOpcode_flags.length && (_PyOpcode_flags[op]! & f) !== 0;
}
export const OPCODE_HAS_ARG = (op: number): boolean => flag(op, HAS_ARG_FLAG);
export const OPCODE_HAS_CONST = (op: number): boolean => flag(op, HAS_CONST_FLAG);
export const OPCODE_HAS_NAME = (op: number): boolean => flag(op, HAS_NAME_FLAG);
export const OPCODE_HAS_JUMP = (op: number): boolean => flag(op, HAS_JUMP_FLAG);
export const OPCODE_HAS_FREE = (op: number): boolean => flag(op, HAS_FREE_FLAG);
export const OPCODE_HAS_LOCAL = (op: number): boolean => flag(op, HAS_LOCAL_FLAG);
export const OPCODE_HAS_EXC = (op: number): boolean => flag(op, HAS_EXC_FLAG);

export const IS_PSEUDO_INSTR = (op: number): boolean => op >= MIN_PSEUDO_OPCODE;
export const IS_VALID_OPCODE = (op: number): boolean => op >= 0 && op <= MAX_REAL_OPCODE;

export function IS_BLOCK_PUSH_OPCODE(op: number): boolean {
  return op === SETUP_FINALLY || op === SETUP_WITH || op === SETUP_CLEANUP;
}
export function HAS_TARGET(op: number): boolean {
  return OPCODE_HAS_JUMP(op) || IS_BLOCK_PUSH_OPCODE(op);
}
export function IS_UNCONDITIONAL_JUMP_OPCODE(op: number): boolean {
  return op === JUMP || op === JUMP_NO_INTERRUPT || op === JUMP_FORWARD || op === JUMP_BACKWARD ||
    op === JUMP_BACKWARD_NO_INTERRUPT;
}
export function IS_CONDITIONAL_JUMP_OPCODE(op: number): boolean {
  return op === POP_JUMP_IF_FALSE || op === POP_JUMP_IF_TRUE || op === POP_JUMP_IF_NONE || op === POP_JUMP_IF_NOT_NONE;
}
export function IS_SCOPE_EXIT_OPCODE(op: number): boolean {
  return op === RETURN_VALUE || op === RETURN_CONST || op === RAISE_VARARGS || op === RERAISE;
}
export function IS_RETURN_OPCODE(op: number): boolean {
  return op === RETURN_VALUE || op === RETURN_CONST;
}
export function IS_SUPERINSTRUCTION_OPCODE_OK(op: number): boolean {
  return op !== LOAD_CONST && op !== RETURN_GENERATOR;
}

// RESUME opargs (pycore_opcode_utils.h).
export const RESUME_AT_FUNC_START = 0;
export const RESUME_AFTER_YIELD = 1;
export const RESUME_AFTER_YIELD_FROM = 2;
export const RESUME_AFTER_AWAIT = 3;
export const RESUME_OPARG_LOCATION_MASK = 0x3;
export const RESUME_OPARG_DEPTH1_MASK = 0x4;

// MAKE_FUNCTION / SET_FUNCTION_ATTRIBUTE flags.
export const MAKE_FUNCTION_DEFAULTS = 0x01;
export const MAKE_FUNCTION_KWDEFAULTS = 0x02;
export const MAKE_FUNCTION_ANNOTATIONS = 0x04;
export const MAKE_FUNCTION_CLOSURE = 0x08;

// CONVERT_VALUE / FORMAT opargs.
export const FVC_MASK = 0x3;
export const FVC_NONE = 0x0;
export const FVC_STR = 0x1;
export const FVC_REPR = 0x2;
export const FVC_ASCII = 0x3;
export const FVS_MASK = 0x4;
export const FVS_HAVE_SPEC = 0x4;

/** Number of code units an instruction occupies with its EXTENDED_ARG prefixes (assemble.c instr_size). */
export function instrSizeForOparg(oparg: number): number {
  return (oparg > 0xffffff ? 1 : 0) + (oparg > 0xffff ? 1 : 0) + (oparg > 0xff ? 1 : 0) + 1;
}
