// The compiler's output: a runtime-independent record of every field of a code object (PyCodeObject's co_* fields),
// which the runtime turns into its PyCodeObject. Counterpart: Include/cpython/code.h. See docs/compiler.md.
import type { ConstValue } from "./consts.js";

// co_flags (Include/cpython/code.h).
export const CO_OPTIMIZED = 0x0001;
export const CO_NEWLOCALS = 0x0002;
export const CO_VARARGS = 0x0004;
export const CO_VARKEYWORDS = 0x0008;
export const CO_NESTED = 0x0010;
export const CO_GENERATOR = 0x0020;
export const CO_COROUTINE = 0x0080;
export const CO_ITERABLE_COROUTINE = 0x0100;
export const CO_ASYNC_GENERATOR = 0x0200;
export const CO_HAS_DOCSTRING = 0x4000000;
export const CO_METHOD = 0x8000000;

// Kinds of localsplus slots (Include/internal/pycore_code.h).
export const CO_FAST_HIDDEN = 0x10;
export const CO_FAST_LOCAL = 0x20;
export const CO_FAST_CELL = 0x40;
export const CO_FAST_FREE = 0x80;

export class CodeRecord {
  readonly co_argcount: number;
  readonly co_posonlyargcount: number;
  readonly co_kwonlyargcount: number;
  readonly co_stacksize: number;
  readonly co_flags: number;
  readonly co_code: Uint8Array;
  readonly co_consts: readonly ConstValue[];
  readonly co_names: readonly string[];
  readonly co_localsplusnames: readonly string[];
  readonly co_localspluskinds: Uint8Array;
  readonly co_filename: string;
  readonly co_name: string;
  readonly co_qualname: string;
  readonly co_firstlineno: number;
  readonly co_linetable: Uint8Array;
  readonly co_exceptiontable: Uint8Array;

  constructor(f: {
    co_argcount: number; co_posonlyargcount: number; co_kwonlyargcount: number; co_stacksize: number;
    co_flags: number; co_code: Uint8Array; co_consts: readonly ConstValue[]; co_names: readonly string[];
    co_localsplusnames: readonly string[]; co_localspluskinds: Uint8Array; co_filename: string; co_name: string;
    co_qualname: string; co_firstlineno: number; co_linetable: Uint8Array; co_exceptiontable: Uint8Array;
  }) {
    this.co_argcount = f.co_argcount;
    this.co_posonlyargcount = f.co_posonlyargcount;
    this.co_kwonlyargcount = f.co_kwonlyargcount;
    this.co_stacksize = f.co_stacksize;
    this.co_flags = f.co_flags;
    this.co_code = f.co_code;
    this.co_consts = f.co_consts;
    this.co_names = f.co_names;
    this.co_localsplusnames = f.co_localsplusnames;
    this.co_localspluskinds = f.co_localspluskinds;
    this.co_filename = f.co_filename;
    this.co_name = f.co_name;
    this.co_qualname = f.co_qualname;
    this.co_firstlineno = f.co_firstlineno;
    this.co_linetable = f.co_linetable;
    this.co_exceptiontable = f.co_exceptiontable;
  }

  private namesOfKind(pred: (k: number) => boolean): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.co_localsplusnames.length; i++) {
      if (pred(this.co_localspluskinds[i]!)) out.push(this.co_localsplusnames[i]!);
    }
    return out;
  }
  get co_varnames(): string[] {
    return this.namesOfKind((k) => (k & CO_FAST_LOCAL) !== 0);
  }
  get co_cellvars(): string[] {
    return this.namesOfKind((k) => (k & CO_FAST_CELL) !== 0);
  }
  get co_freevars(): string[] {
    return this.namesOfKind((k) => (k & CO_FAST_FREE) !== 0);
  }
  get co_nlocals(): number {
    return this.co_varnames.length;
  }
}
