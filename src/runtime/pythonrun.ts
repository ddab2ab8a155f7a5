// Running a program (Python/pythonrun.c, Modules/main.c): a script (.py through Typhon's compiler, or a
// CPython-written .pyc), -c, stdin; __main__; printing uncaught exceptions; SystemExit and the exit status.
// See docs/interpreter.md.
import { PyUnicode_InternFromString, Py_None, Py_TYPE, type PyVal } from "../objects/object.js";
import { PyModule_New, PyModuleObject } from "../objects/moduleobject.js";
import { PyDict_SetItemString, PyDict_GetItemStr, type PyDictObject } from "../objects/dictobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyCodeObject } from "../objects/codeobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import {
  PyBaseExceptionObject, PySystemExitObject, PyExc_SystemExit, PyExc_KeyboardInterrupt, PyExc_SyntaxError, PySyntaxErrorObject,
  PyExc_IndentationError, PyExc_TabError, PyExc_UnicodeDecodeError, PyExc_UnicodeEncodeError, PyExc_MemoryError,
  PyExc_RecursionError,
} from "../objects/exceptions.js";
import { PyObject_Str, PyType_IsSubtype, PyObject_Vectorcall, hooks as abstractHooks } from "../objects/abstract.js";
import { PyErr_WarnEx } from "../modules/_warnings.js";
import { longValue, PyLong_Check } from "../objects/longobject.js";
import { _PyErr_FromJS, _PyErr_CreateException, PosixExit } from "./errors.js";
import { Py_Initialize, PyEval_EvalCode, PyCode_FromRecord, compileOrRaise, _PyRun_InstallSyntaxError } from "./pylifecycle.js";
import { getSys, streamFlush, streamWrite, PyStdStreamObject } from "./sysmodule.js";
import { getBuiltins } from "./bltinmodule.js";
import { formatException } from "./traceback.js";
import { readPyc, looksLikePyc } from "./marshal.js";
import { FrontEndSyntaxError, FrontEndError } from "../parser/errors.js";
import { ParserStackOverflow } from "../parser/pegen.js";
import { PyBytes_FromArray } from "../objects/bytesobject.js";
import type { Host } from "../host/host.js";
import { _PyAtExit_Call } from "../modules/atexitmodule.js";
import { _PyIO_FlushWritersAtExit } from "../modules/_io/iobase.js";
import { _PyType_InstallCopyregImporter } from "../objects/typeobject.js";
import { PyImport_ImportModule } from "./import.js";
import { wait_for_thread_shutdown } from "../modules/_threadmodule.js";

const encoder = new TextEncoder();

/**
 * A UnicodeDecodeError/UnicodeEncodeError from the front end's message ("'utf-8' codec can't decode byte 0xff in
 * position 3: invalid start byte"): encoding, start, end and reason are exact; the front end does not keep the
 * whole object, so `object` holds the offending byte (or character) at its position and NULs before it.
 */
function frontEndUnicodeError(e: FrontEndError): unknown {
  const m = /^'([^']*)' codec can't (?:decode|encode) (?:byte 0x([0-9a-f]{2})|character '\\[ux]([0-9a-f]+)'|(?:bytes|characters)) in position (\d+)(?:-(\d+))?: (.*)$/s.exec(e.msg);
  if (m === null) return _PyErr_CreateException(PyExc_SyntaxError, [PyUnicode_FromString(e.msg)]);
  const start = Number(m[4]), end = m[5] === undefined ? start + 1 : Number(m[5]) + 1;
  if (e.kind === "UnicodeDecodeError") {
    const bytes = new Uint8Array(end);
    if (m[2] !== undefined) bytes[start] = parseInt(m[2], 16);
    return _PyErr_CreateException(PyExc_UnicodeDecodeError, [PyUnicode_FromString(m[1]!), PyBytes_FromArray(bytes),
      start, end, PyUnicode_FromString(m[6]!)]);
  }
  const ch = m[3] !== undefined ? String.fromCharCode(parseInt(m[3], 16)) : "\ud800";
  return _PyErr_CreateException(PyExc_UnicodeEncodeError, [PyUnicode_FromString(m[1]!),
    PyUnicode_FromString("\0".repeat(start) + ch.repeat(end - start)), start, end, PyUnicode_FromString(m[6]!)]);
}

/**
 * Make a Python exception from what the front end threw: SyntaxError (or IndentationError/TabError), the
 * UnicodeDecodeError/UnicodeEncodeError it lets through (FrontEndError), MemoryError for pegen's stack overflow,
 * RecursionError when the compiler exhausts the JS stack (CPython's "during compilation" limit).
 */
export function toPySyntaxError(e: unknown): unknown {
  if (e instanceof FrontEndError) return frontEndUnicodeError(e);
  if (e instanceof ParserStackOverflow) return _PyErr_CreateException(PyExc_MemoryError, [PyUnicode_FromString(e.msg)]);
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return _PyErr_CreateException(PyExc_RecursionError, [PyUnicode_FromString("maximum recursion depth exceeded during compilation")]);
  }
  if (!(e instanceof FrontEndSyntaxError)) return e;
  const type = e.kind === "IndentationError" ? PyExc_IndentationError : e.kind === "TabError" ? PyExc_TabError : PyExc_SyntaxError;
  const n = (v: number | null): PyVal => (v === null ? Py_None : v);
  const s = (v: string | null): PyVal => (v === null ? Py_None : PyUnicode_FromString(v));
  const info = PyTuple_New([s(e.filename), n(e.lineno), n(e.offset), s(e.text), n(e.end_lineno), n(e.end_offset)]);
  return _PyErr_CreateException(type, [PyUnicode_FromString(e.msg), info]);
}

/** Create __main__ (Python/pylifecycle.c add_main_module). */
function mainModule(file: string | null): PyModuleObject {
  const m = PyModule_New("__main__");
  const d = m.dict!;
  PyDict_SetItemString(d, "__builtins__", getBuiltins());
  if (file !== null) {
    PyDict_SetItemString(d, "__file__", PyUnicode_FromString(file));
    PyDict_SetItemString(d, "__cached__", Py_None);
    if (file !== "<stdin>") moduleRunner.setMainLoader(d, file);
  }
  PyDict_SetItemString(getSys().modules, "__main__", m);
  return m;
}

/** Print an uncaught exception to sys.stderr as CPython's default excepthook does. */
export function PyErr_Display(exc: PyBaseExceptionObject): void {
  const sys = getSys();
  let text: string;
  try {
    text = formatException(exc);
  } catch (e) {
    text = `Error in sys.excepthook:\n${String(e)}\n`;
  }
  const err = PyDict_GetItemStr(sys.dict, PyUnicode_InternFromString("stderr"));
  if (err instanceof PyStdStreamObject) {
    streamWrite(err, text);
    streamFlush(err);
  } else if (err !== undefined && err !== Py_None) {
    try {
      PyObject_Vectorcall(PyObject_GetAttrWrite(err), [PyUnicode_FromString(text)], null);
    } catch {
      sys.stderr.write(encoder.encode(text));
    }
  }
}

function PyObject_GetAttrWrite(o: PyVal): PyVal {
  return (Py_TYPE(o).tp_getattro!)(o, PyUnicode_InternFromString("write"), false)!;
}

/** The exit status for an uncaught SystemExit (handle_system_exit), printing its value when it is not an int. */
function handleSystemExit(exc: PySystemExitObject): number {
  const code = exc.code;
  if (code === Py_None) return 0;
  if (PyLong_Check(code)) {
    const v = longValue(code);
    return typeof v === "number" ? v & 0xff : Number(BigInt.asIntN(32, v)) & 0xff;
  }
  const sys = getSys();
  let text: string;
  try { text = PyObject_Str(code).value; } catch { text = ""; }
  flushStd("stdout");
  const err = PyDict_GetItemStr(sys.dict, PyUnicode_InternFromString("stderr"));
  if (err !== undefined && err !== Py_None && !(err instanceof PyStdStreamObject)) {
    try { PyObject_Vectorcall(PyObject_GetAttrWrite(err), [PyUnicode_FromString(text + "\n")], null); } catch { /* as CPython */ }
  } else streamWrite(sys.stderr, text + "\n");
  flushStd("stderr");
  return 1;
}

/** Flush sys.stdout or sys.stderr, whatever object it is now (flush_std_files). */
function flushStd(name: "stdout" | "stderr"): void {
  const sys = getSys();
  try {
    const out = PyDict_GetItemStr(sys.dict, PyUnicode_InternFromString(name));
    if (out instanceof PyStdStreamObject) streamFlush(out);
    else if (out !== undefined && out !== Py_None) {
      const f = (Py_TYPE(out).tp_getattro!)(out, PyUnicode_InternFromString("flush"), true);
      if (f !== undefined) PyObject_Vectorcall(f, [], null);
    }
  } catch {
    // CPython reports "Exception ignored ... flushing sys.stdout"; nothing more to do here.
  }
  streamFlush(name === "stdout" ? sys.stdout : sys.stderr);
}

function flushAll(): void {
  // Py_FinalizeEx: wait for the non-daemon threads, atexit callbacks, then flush_std_files.
  wait_for_thread_shutdown();
  _PyAtExit_Call();
  flushStd("stdout");
  flushStd("stderr");
  _PyIO_FlushWritersAtExit();
}

/** Run a code object as __main__ and return the process exit status. */
function runMain(code: () => PyCodeObject | null, file: string | null): number {
  let status = 0;
  try {
    if (file === null && moduleRunner.name !== null) moduleRunner.run(moduleRunner.name);
    else {
      const m = mainModule(file);
      PyEval_EvalCode(code()!, m.dict!, m.dict!);
    }
  } catch (e) {
    if (e instanceof PosixExit) return e.status & 0xff; // os._exit: no atexit callbacks, no flushing
    let exc: PyBaseExceptionObject;
    try {
      exc = e instanceof PyBaseExceptionObject ? e : (toPySyntaxError(e) as PyBaseExceptionObject);
      if (!(exc instanceof PyBaseExceptionObject)) exc = _PyErr_FromJS(e);
    } catch (e2) {
      exc = _PyErr_FromJS(e2);
    }
    if (PyType_IsSubtype(exc.ob_type, PyExc_SystemExit)) status = handleSystemExit(exc as PySystemExitObject);
    else {
      flushStd("stdout");
      PyErr_Display(exc);
      // _Py_UnhandledKeyboardInterrupt: CPython exits by re-raising SIGINT (status -2 as subprocess reports it); a
      // negative status asks the host to kill itself with that signal.
      status = PyType_IsSubtype(exc.ob_type, PyExc_KeyboardInterrupt) ? -2 : 1;
    }
  }
  flushAll();
  return status;
}

/** -m: runpy._run_module_as_main(name), set by the import system (src/runtime/import.ts). */
export const moduleRunner = {
  name: null as string | null,
  run: (name: string): void => { void name; },
  /** set_main_loader: __main__.__loader__ = SourceFileLoader('__main__', file) (or SourcelessFileLoader for .pyc). */
  setMainLoader: (d: PyDictObject, file: string): void => { void d; void file; },
};

export interface RunRequest {
  kind: "file" | "command" | "stdin" | "module";
  module?: string;
  path?: string;
  command?: string;
  argv: string[];
  /** The whole command line after the program name (sys.orig_argv[1:]), when it came from one. */
  origArgs?: readonly string[];
}

/** Entry from the command line: returns the exit status (Py_RunMain). */
export function Py_RunMain(host: Host, req: RunRequest): number {
  Py_Initialize(host, req.argv, "typhon", req.origArgs);
  _PyRun_InstallSyntaxError(toPySyntaxError);
  abstractHooks.warn = (category, message, stacklevel) => PyErr_WarnEx(category, PyUnicode_FromString(message), stacklevel);
  _PyType_InstallCopyregImporter(() => PyImport_ImportModule("copyreg"));
  if (req.kind === "module") {
    moduleRunner.name = req.module!;
    return runMain(() => null, null);
  }
  if (req.kind === "command") {
    const src = req.command!;
    return runMain(() => PyCode_FromRecord(compileOrRaise(src, "<string>", "exec")), null);
  }
  if (req.kind === "stdin") {
    const data = host.readStdin();
    return runMain(() => PyCode_FromRecord(compileOrRaise(data, "<stdin>", "exec")), "<stdin>");
  }
  const path = req.path!;
  const data = host.readFile(path);
  if (path.endsWith(".pyc") || looksLikePyc(data)) {
    return runMain(() => readPyc(data), path);
  }
  // A script is read as a file (file_tokenizer.c): NUL bytes and undeclared non-UTF-8 lines are the lexer's errors.
  return runMain(() => PyCode_FromRecord(compileOrRaise(data, path, "exec", 0, -1, { fileInput: true })), path);
}

