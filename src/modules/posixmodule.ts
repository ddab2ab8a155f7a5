// The posix module (Modules/posixmodule.c): what importlib, os, os.path, shutil, tempfile and glob need, on the
// host's file-system door (src/host). OSErrors carry Linux errno values and strerror texts (errno_table.ts).
// See docs/imports.md ("posix").
import { PySys_Audit, PySys_Auditing } from "../runtime/sysmodule.js";
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, METH_NOARGS, METH_O, METH_FASTCALL,
  METH_KEYWORDS, type PyVal, PyUnicodeObject,
} from "../objects/object.js";
import { PyModuleObject } from "../objects/moduleobject.js";
import { PyUnicode_FromString, PyUnicode_Check, codePoints } from "../objects/unicodeobject.js";
import { PyBytes_FromArray, PyBytesObject, PyBytes_Check, decodeBytes } from "../objects/bytesobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyDict_New, PyDict_SetItem, PyDictObject } from "../objects/dictobject.js";
import { PyFloat_FromDouble, PyFloat_Check, PyFloat_AsDouble } from "../objects/floatobject.js";
import { PyLong_FromBigInt, PyLong_Check, longValue } from "../objects/longobject.js";
import { Py_True, Py_False, PyBool_FromLong } from "../objects/boolobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_OSError, PyExc_OverflowError, PyExc_NotImplementedError,
  PyBaseExceptionObject } from "../objects/exceptions.js";
import { PyTuple_New, PyTuple_CheckExact } from "../objects/tupleobject.js";
import { _PyObject_LookupSpecial, PyObject_Vectorcall, PyObject_Repr, PyNumber_Index, PyObject_IsTrue,
} from "../objects/abstract.js";
import { PyStructSequence_NewType, PyStructSequence_New, PyStructSequence_UnnamedField } from "../objects/structseq.js";
import { PyErr_Format, _PyErr_CreateException, _PyErr_ChainContext, PosixExit } from "../runtime/errors.js";
import { parseArgs, unpackArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { ERRNO_TABLE } from "./errno_table.js";
import { PyObject_GetBufferData } from "../objects/memoryobject.js";
import { HostError, type HostStat, type HostStatVFS } from "../host/host.js";
import { pipeHooks } from "../host/pipe.js";
import { _PySocket_Endpoint } from "./socketmodule.js";
import { _PyThread_BeginWait, _PyThread_Wait, _PyThread_Wake, type WaitCall } from "../vm/threads.js";
import { hostFS, hostProc, currentHost, processSetenv } from "../host/current.js";

// ---- errors ----

const errnoByName = new Map<string, number>();
const strerrorByNumber = new Map<number, string>();
for (const [name, num, text] of ERRNO_TABLE) {
  errnoByName.set(name, num);
  if (!strerrorByNumber.has(num)) strerrorByNumber.set(num, text);
}

export function errnoNumber(name: string): number {
  return errnoByName.get(name) ?? 5; // EIO
}

/** os.strerror: Linux's texts; unknown numbers as glibc prints them. */
export function strerror(n: number): string {
  return strerrorByNumber.get(n) ?? `Unknown error ${n}`;
}

/** Raise OSError (or its errno subclass) for a failed host call, with the filename(s) as CPython attaches them. */
export function PyErr_FromHostError(e: unknown, filename?: PyVal, filename2?: PyVal): never {
  if (!(e instanceof HostError)) throw e;
  const n = errnoNumber(e.errno);
  const args: PyVal[] = [n, PyUnicode_FromString(strerror(n))];
  if (filename !== undefined) {
    args.push(filename);
    if (filename2 !== undefined) args.push(0, filename2);
  }
  const exc = _PyErr_CreateException(PyExc_OSError, args);
  _PyErr_ChainContext(exc);
  throw exc;
}

/** Raise OSError for an errno number (PyErr_SetFromErrno). */
export function PyErr_SetFromErrno(n: number, filename?: PyVal): never {
  const args: PyVal[] = [n, PyUnicode_FromString(strerror(n))];
  if (filename !== undefined) args.push(filename);
  const exc = _PyErr_CreateException(PyExc_OSError, args);
  _PyErr_ChainContext(exc);
  throw exc;
}

function call<T>(f: () => T, filename?: PyVal, filename2?: PyVal): T {
  try {
    return f();
  } catch (e) {
    return PyErr_FromHostError(e, filename, filename2);
  }
}

// ---- paths (path_converter) ----

/** A path argument: the text handed to the host, the original object (for errors), and whether it was bytes. */
export interface PathArg {
  path: string;
  object: PyVal;
  bytes: boolean;
  fd: number;
}

/** os.fsdecode for bytes: UTF-8 with surrogateescape. */
export function fsdecode(b: Uint8Array): string {
  return decodeBytes(b, "utf-8", "surrogateescape", Py_None);
}

/** os.fsencode: UTF-8, lone surrogates U+DC80..U+DCFF back to their bytes. */
export function fsencode(s: string): Uint8Array {
  const out: number[] = [];
  for (const c of codePoints(s)) {
    if (c < 0x80) out.push(c);
    else if (c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** os.fspath (PyOS_FSPath): str and bytes pass; otherwise __fspath__ must return one of them. */
export function PyOS_FSPath(p: PyVal): PyVal {
  if (PyUnicode_Check(p) || PyBytes_Check(p)) return p;
  const f = _PyObject_LookupSpecial(p, "__fspath__");
  if (f === undefined || f === Py_None) {
    return PyErr_Format(PyExc_TypeError, `expected str, bytes or os.PathLike object, not ${Py_TYPE(p).tp_name}`);
  }
  const r = PyObject_Vectorcall(f, [], null);
  if (!PyUnicode_Check(r) && !PyBytes_Check(r)) {
    return PyErr_Format(PyExc_TypeError,
      `expected ${Py_TYPE(p).tp_name}.__fspath__() to return str or bytes, not ${Py_TYPE(r).tp_name}`);
  }
  return r;
}

export function pathConverter(fname: string, argname: string, v: PyVal, allowFd = false, nullable = false): PathArg {
  if (nullable && v === Py_None) return { path: ".", object: v, bytes: false, fd: -1 };
  if (allowFd && PyLong_Check(v) && Py_TYPE(v).tp_name !== "bool") {
    return { path: "", object: v, bytes: false, fd: Number(longValue(v)) };
  }
  let r: PyVal;
  if (PyUnicode_Check(v) || PyBytes_Check(v)) r = v;
  else {
    const f = _PyObject_LookupSpecial(v, "__fspath__");
    if (f === undefined || f === Py_None) {
      const allowed = allowFd ? "string, bytes, os.PathLike or integer" : nullable ? "string, bytes, os.PathLike or None"
        : "string, bytes or os.PathLike";
      return PyErr_Format(PyExc_TypeError, `${fname}: ${argname} should be ${allowed}, not ${Py_TYPE(v).tp_name}`);
    }
    r = PyOS_FSPath(v);
  }
  const text = PyUnicode_Check(r) ? r.value : fsdecode((r as PyBytesObject).ob_bytes);
  if (text.includes("\0")) return PyErr_Format(PyExc_ValueError, `${fname}: embedded null character in ${argname}`);
  // CPython 3.13's path_t keeps the __fspath__ result as its object: errors name 'x', not PosixPath('x').
  return { path: text, object: r, bytes: PyBytes_Check(r), fd: -1 };
}

function nameOut(name: string, asBytes: boolean): PyVal {
  return asBytes ? PyBytes_FromArray(fsencode(name)) : PyUnicode_FromString(name);
}

function intArg(v: PyVal | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = longValue(PyNumber_Index(v));
  if (typeof n !== "number" || !Number.isSafeInteger(n)) return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
  return n;
}

function fdArg(v: PyVal): number {
  if (PyFloat_Check(v)) return PyErr_Format(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
  return intArg(v, 0);
}

// ---- stat_result and friends ----

let StatResultType: PyTypeObject | null = null;
let TimesResultType: PyTypeObject | null = null;
let UnameResultType: PyTypeObject | null = null;
let TerminalSizeType: PyTypeObject | null = null;

function statResultType(): PyTypeObject {
  if (StatResultType === null) {
    StatResultType = PyStructSequence_NewType({
      name: "os.stat_result",
      doc: "stat_result: Result from stat, fstat, or lstat.",
      fields: ["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", PyStructSequence_UnnamedField,
        PyStructSequence_UnnamedField, PyStructSequence_UnnamedField, "st_atime", "st_mtime", "st_ctime", "st_atime_ns",
        "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev"],
      n_in_sequence: 10,
    });
  }
  return StatResultType;
}

function nsToFloat(ns: bigint): PyVal {
  const s = ns / 1000000000n;
  const frac = ns - s * 1000000000n;
  return PyFloat_FromDouble(Number(s) + Number(frac) * 1e-9);
}

function floorSec(ns: bigint): PyVal {
  let s = ns / 1000000000n;
  if (ns < 0n && s * 1000000000n !== ns) s -= 1n;
  return PyLong_FromBigInt(s);
}

export function statResult(st: HostStat): PyVal {
  return PyStructSequence_New(statResultType(), [
    st.mode, PyLong_FromBigInt(st.ino), PyLong_FromBigInt(st.dev), st.nlink, st.uid, st.gid, st.size,
    floorSec(st.atimeNs), floorSec(st.mtimeNs), floorSec(st.ctimeNs),
    nsToFloat(st.atimeNs), nsToFloat(st.mtimeNs), nsToFloat(st.ctimeNs),
    PyLong_FromBigInt(st.atimeNs), PyLong_FromBigInt(st.mtimeNs), PyLong_FromBigInt(st.ctimeNs),
    st.blksize, st.blocks, st.rdev,
  ]);
}

function doStat(fname: string, args: PyVal[], kwnames: PyVal[] | null, follow: boolean): PyVal {
  const [p, dirFd, fs] = parseArgs(fname, args, kwnames, ["path", "*dir_fd", "*follow_symlinks"], 1, 1);
  if (dirFd !== undefined && dirFd !== Py_None) return PyErr_Format(PyExc_NotImplementedError, "dir_fd unavailable on this platform");
  const followSymlinks = fs === undefined ? follow : PyObject_IsTrue(fs);
  const pa = pathConverter(fname, "path", p!, true);
  if (pa.fd >= 0) return statResult(call(() => hostFS().fstat(pa.fd)));
  return statResult(call(() => hostFS().stat(pa.path, followSymlinks), pa.object));
}


// ---- scandir ----

export const PyDirEntry_Type = PyType_Declare("posix.DirEntry");
export const PyScandirIterator_Type = PyType_Declare("posix.ScandirIterator");

class PyDirEntryObject extends PyObject {
  name: PyVal;
  path: PyVal;
  fullPath: string;
  type: number;
  statCache: PyVal | null;
  lstatCache: PyVal | null;
  constructor(name: PyVal, path: PyVal, fullPath: string, type: number) {
    super(PyDirEntry_Type);
    this.name = name;
    this.path = path;
    this.fullPath = fullPath;
    this.type = type;
    this.statCache = null;
    this.lstatCache = null;
  }
}

class PyScandirIteratorObject extends PyObject {
  entries: PyDirEntryObject[];
  pos: number;
  constructor(entries: PyDirEntryObject[]) {
    super(PyScandirIterator_Type);
    this.entries = entries;
    this.pos = 0;
  }
}

const S_IFMT = 0o170000, S_IFDIR = 0o040000, S_IFREG = 0o100000, S_IFLNK = 0o120000;
const O_CLOEXEC = 0o2000000;

function direntry_stat(self: PyDirEntryObject, follow: boolean): PyVal {
  if (!follow || (self.type !== 0 && self.type !== S_IFLNK)) {
    if (self.lstatCache === null) self.lstatCache = call(() => statResult(hostFS().stat(self.fullPath, false)), self.path);
    if (!follow || self.type !== S_IFLNK) return self.lstatCache;
  }
  if (self.statCache === null) self.statCache = call(() => statResult(hostFS().stat(self.fullPath, true)), self.path);
  return self.statCache;
}

function direntry_test(self: PyDirEntryObject, args: PyVal[], kwnames: PyVal[] | null, fname: string, bits: number): PyVal {
  const [fs] = parseArgs(fname, args, kwnames, ["*follow_symlinks"], 0, 0);
  const follow = fs === undefined ? true : PyObject_IsTrue(fs);
  let type = self.type;
  if (type === 0 || (follow && type === S_IFLNK)) {
    try {
      const st = hostFS().stat(self.fullPath, follow);
      type = st.mode & S_IFMT;
    } catch (e) {
      if (e instanceof HostError && e.errno === "ENOENT") return Py_False;
      return PyErr_FromHostError(e, self.path);
    }
  }
  return PyBool_FromLong(type === bits);
}

PyType_FromSpecStatic({
  name: "posix.DirEntry",
  slots: {
    tp_repr: (s) => PyUnicode_FromString(`<DirEntry ${PyObject_Repr((s as PyDirEntryObject).name).value}>`),
  },
  methods: [
    { name: "stat", meth: (s: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const [fs] = parseArgs("stat", a, k, ["*follow_symlinks"], 0, 0);
      return direntry_stat(s as PyDirEntryObject, fs === undefined ? true : PyObject_IsTrue(fs));
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "is_dir", meth: (s: PyVal, a: PyVal[], k: PyVal[] | null) => direntry_test(s as PyDirEntryObject, a, k, "is_dir", S_IFDIR), flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "is_file", meth: (s: PyVal, a: PyVal[], k: PyVal[] | null) => direntry_test(s as PyDirEntryObject, a, k, "is_file", S_IFREG), flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "is_symlink", meth: (s: PyVal) => {
      const e = s as PyDirEntryObject;
      if (e.type !== 0) return PyBool_FromLong(e.type === S_IFLNK);
      try { return PyBool_FromLong((hostFS().stat(e.fullPath, false).mode & S_IFMT) === S_IFLNK); } catch { return Py_False; }
    }, flags: METH_NOARGS },
    { name: "is_junction", meth: () => Py_False, flags: METH_NOARGS },
    { name: "inode", meth: (s: PyVal) => {
      const e = s as PyDirEntryObject;
      return PyLong_FromBigInt(call(() => hostFS().stat(e.fullPath, false), e.path).ino);
    }, flags: METH_NOARGS },
    { name: "__fspath__", meth: (s: PyVal) => (s as PyDirEntryObject).path, flags: METH_NOARGS },
  ],
  members: [
    { name: "name", get: (s) => (s as PyDirEntryObject).name },
    { name: "path", get: (s) => (s as PyDirEntryObject).path },
  ],
}, PyDirEntry_Type);

PyType_FromSpecStatic({
  name: "posix.ScandirIterator",
  slots: {
    tp_iter: (s) => s,
    tp_iternext: (s) => {
      const it = s as PyScandirIteratorObject;
      return it.pos < it.entries.length ? it.entries[it.pos++] : undefined;
    },
  },
  methods: [
    { name: "close", meth: (s: PyVal) => { (s as PyScandirIteratorObject).pos = (s as PyScandirIteratorObject).entries.length; return Py_None; }, flags: METH_NOARGS },
    { name: "__enter__", meth: (s: PyVal) => s, flags: METH_NOARGS },
    { name: "__exit__", meth: (s: PyVal) => { (s as PyScandirIteratorObject).pos = (s as PyScandirIteratorObject).entries.length; return Py_None; }, flags: METH_FASTCALL },
  ],
}, PyScandirIterator_Type);

function joinPath(dir: string, name: string): string {
  return dir === "" ? name : dir.endsWith("/") ? dir + name : dir + "/" + name;
}

// ---- the functions ----

function posix_listdir(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p] = parseArgs("listdir", args, kwnames, ["path"], 0, 1);
  const pa = pathConverter("listdir", "path", p ?? Py_None, true, true);
  if (PySys_Auditing()) PySys_Audit("os.listdir", [pa.object]);
  const names = call(() => hostFS().listdir(pa.path), pa.object === Py_None ? PyUnicode_FromString(".") : pa.object);
  return PyList_New(names.map((n) => nameOut(n, pa.bytes)));
}

function posix_scandir(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p] = parseArgs("scandir", args, kwnames, ["path"], 0, 1);
  const pa = pathConverter("scandir", "path", p ?? Py_None, true, true);
  if (PySys_Auditing()) PySys_Audit("os.scandir", [pa.object]);
  const dir = p === undefined || p === Py_None ? "." : pa.path;
  const ents = call(() => hostFS().scandir(dir), pa.object === Py_None ? PyUnicode_FromString(".") : pa.object);
  const prefix = p === undefined || p === Py_None ? "." : pa.path;
  return new PyScandirIteratorObject(ents.map((e) => {
    const full = joinPath(prefix, e.name);
    return new PyDirEntryObject(nameOut(e.name, pa.bytes), nameOut(full, pa.bytes), full, e.type);
  }));
}

function posix_open(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p, f, mode, dirFd] = parseArgs("open", args, kwnames, ["path", "flags", "mode", "*dir_fd"], 2, 3);
  void dirFd;
  const pa = pathConverter("open", "path", p!);
  const flags = intArg(f, 0);
  // CPython's os.open makes the descriptor non-inheritable (O_CLOEXEC), which its "open" audit event shows.
  if (PySys_Auditing()) PySys_Audit("open", [pa.object, Py_None, flags | 0o2000000]);
  return call(() => hostFS().open(pa.path, flags, intArg(mode, 0o777)), pa.object);
}

function posix_read(_m: PyVal, args: PyVal[]): PyVal {
  const w = _PyThread_BeginWait(null, posix_read);
  const [fd, n] = unpackArgs("read", args, 2, 2);
  const f = fdArg(fd!);
  const count = intArg(n, 0);
  if (count < 0) return PyErr_SetFromErrno(22);
  if (count > 0) waitForFd(w, f, false);
  return PyBytes_FromArray(call(() => hostFS().read(f, count)));
}

export function bytesLike(v: PyVal, what: string): Uint8Array {
  if (v instanceof PyBytesObject) return v.ob_bytes;
  const b = PyObject_GetBufferData(v);
  if (b !== null) return b;
  return PyErr_Format(PyExc_TypeError, `${what}a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
}

function posix_write(_m: PyVal, args: PyVal[]): PyVal {
  const w = _PyThread_BeginWait(null, posix_write);
  const [fd, data] = unpackArgs("write", args, 2, 2);
  const f = fdArg(fd!);
  const b = bytesLike(data!, "");
  if (b.length > 0) waitForFd(w, f, true);
  return call(() => hostFS().write(f, b));
}

function posix_lseek(_m: PyVal, args: PyVal[]): PyVal {
  const [fd, pos, how] = unpackArgs("lseek", args, 3, 3);
  return call(() => hostFS().lseek(fdArg(fd!), intArg(pos, 0), intArg(how, 0)));
}

/** dir_fd as audit events report it: -1 when not given (DEFAULT_DIR_FD). */
function auditDirFd(v: PyVal | undefined): number {
  return v === undefined || v === Py_None ? -1 : intArg(v, -1);
}

function oneP(fname: string, op: (path: string) => void, event: string) {
  return (_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal => {
    const [p, dirFd] = parseArgs(fname, args, kwnames, ["path", "*dir_fd"], 1, 1);
    const pa = pathConverter(fname, "path", p!);
    if (PySys_Auditing()) PySys_Audit(event, [pa.object, auditDirFd(dirFd)]);
    call(() => op(pa.path), pa.object);
    return Py_None;
  };
}

function twoP(fname: string, op: (a: string, b: string) => void) {
  return (_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal => {
    const [a, b, srcDirFd, dstDirFd] = parseArgs(fname, args, kwnames, ["src", "dst", "*src_dir_fd", "*dst_dir_fd"], 2, 2);
    const pa = pathConverter(fname, "src", a!);
    const pb = pathConverter(fname, "dst", b!);
    if (pa.bytes !== pb.bytes) {
      return PyErr_Format(PyExc_TypeError, `${fname}: src and dst must be the same type`);
    }
    // os.rename and os.replace both raise "os.rename" (internal_rename).
    if (PySys_Auditing()) PySys_Audit("os.rename", [pa.object, pb.object, auditDirFd(srcDirFd), auditDirFd(dstDirFd)]);
    call(() => op(pa.path, pb.path), pa.object, pb.object);
    return Py_None;
  };
}

function posix_mkdir(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p, mode, dirFd] = parseArgs("mkdir", args, kwnames, ["path", "mode", "*dir_fd"], 1, 2);
  const pa = pathConverter("mkdir", "path", p!);
  if (PySys_Auditing()) PySys_Audit("os.mkdir", [pa.object, intArg(mode, 0o777), auditDirFd(dirFd)]);
  call(() => hostFS().mkdir(pa.path, intArg(mode, 0o777)), pa.object);
  return Py_None;
}

function posix_getcwd(): PyVal {
  return PyUnicode_FromString(call(() => hostFS().getcwd()));
}

function posix_chdir(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p] = parseArgs("chdir", args, kwnames, ["path"], 1, 1);
  const pa = pathConverter("chdir", "path", p!, true);
  if (PySys_Auditing()) PySys_Audit("os.chdir", [pa.object]);
  call(() => hostFS().chdir(pa.path), pa.object);
  return Py_None;
}

function posix_readlink(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p] = parseArgs("readlink", args, kwnames, ["path", "*dir_fd"], 1, 1);
  const pa = pathConverter("readlink", "path", p!);
  return nameOut(call(() => hostFS().readlink(pa.path), pa.object), pa.bytes);
}

function posix_symlink(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [s, d] = parseArgs("symlink", args, kwnames, ["src", "dst", "target_is_directory", "*dir_fd"], 2, 3);
  const ps = pathConverter("symlink", "src", s!);
  const pd = pathConverter("symlink", "dst", d!);
  call(() => hostFS().symlink(ps.path, pd.path), ps.object, pd.object);
  return Py_None;
}

/** _PyTime_ObjectToTimespec with _PyTime_ROUND_FLOOR: a float or an int of seconds as nanoseconds. */
function timeToNs(v: PyVal): bigint {
  if (PyFloat_Check(v)) {
    const d = PyFloat_AsDouble(v);
    if (Number.isNaN(d)) return PyErr_Format(PyExc_ValueError, "Invalid value NaN (not a number)");
    // modf: the fractional part is exact; scaled to nanoseconds and floored as CPython does.
    let intpart = Math.trunc(d);
    let floatpart = Math.floor((d - intpart) * 1e9);
    if (floatpart >= 1e9) { floatpart -= 1e9; intpart += 1; }
    else if (floatpart < 0) { floatpart += 1e9; intpart -= 1; }
    if (!(intpart >= -(2 ** 63) && intpart < 2 ** 63)) {
      return PyErr_Format(PyExc_OverflowError, "timestamp out of range for platform time_t");
    }
    return BigInt(intpart) * 1000000000n + BigInt(floatpart);
  }
  const n = BigInt(longValue(PyNumber_Index(v)));
  if (n < -(2n ** 63n) || n >= 2n ** 63n) return PyErr_Format(PyExc_OverflowError, "timestamp out of range for platform time_t");
  return n * 1000000000n;
}

/** split_py_long_to_s_and_ns: utime's ns=(atime_ns, mtime_ns) items, divmod'ed by 10**9 as CPython does. */
function nsArg(v: PyVal): bigint {
  if (PyFloat_Check(v)) return PyErr_Format(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
  if (!PyLong_Check(v)) {
    return PyErr_Format(PyExc_TypeError, `unsupported operand type(s) for divmod(): '${Py_TYPE(v).tp_name}' and 'int'`);
  }
  const n = BigInt(longValue(v));
  const s = n >= 0n ? n / 1000000000n : -((-n + 999999999n) / 1000000000n);
  if (s < -(2n ** 63n) || s >= 2n ** 63n) return PyErr_Format(PyExc_OverflowError, "timestamp out of range for platform time_t");
  return n;
}

const DEFAULT_DIR_FD = -100;

/** dir_fd as the platforms without the *at calls take it (dir_fd_unavailable): None only. */
function dirFdUnavailable(v: PyVal | undefined): number {
  if (v === undefined || v === Py_None) return DEFAULT_DIR_FD;
  cIntArg(v, "argument should be integer or None");
  return PyErr_Format(PyExc_NotImplementedError, "dir_fd unavailable on this platform");
}

/** An `int` argument (_PyLong_AsInt): CPython's messages for non-integers and for values outside a C int. */
function cIntArg(v: PyVal, _what?: string): number {
  if (PyFloat_Check(v)) return PyErr_Format(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
  const n = longValue(PyNumber_Index(v));
  if (typeof n !== "number" || n > 2147483647 || n < -2147483648) {
    return PyErr_Format(PyExc_OverflowError, `Python int too large to convert to C int`);
  }
  return n;
}

function posix_utime(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p, times, ns, dirFd, fsl] = parseArgs("utime", args, kwnames, ["path", "times", "*ns", "*dir_fd", "*follow_symlinks"], 1, 2);
  const pa = pathConverter("utime", "path", p!, true);
  const follow = fsl === undefined ? true : PyObject_IsTrue(fsl);
  const dfd = dirFdUnavailable(dirFd);
  let a: bigint, m: bigint;
  if (times !== undefined && times !== Py_None && ns !== undefined) {
    return PyErr_Format(PyExc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
  }
  if (times !== undefined && times !== Py_None) {
    if (!PyTuple_CheckExact(times) || times.ob_item.length !== 2) {
      return PyErr_Format(PyExc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
    }
    a = timeToNs(times.ob_item[0]);
    m = timeToNs(times.ob_item[1]);
  } else if (ns !== undefined) {
    if (!PyTuple_CheckExact(ns) || ns.ob_item.length !== 2) {
      return PyErr_Format(PyExc_TypeError, "utime: 'ns' must be a tuple of two ints");
    }
    a = nsArg(ns.ob_item[0]);
    m = nsArg(ns.ob_item[1]);
  } else {
    a = m = currentHost().timeNs();
  }
  void dfd;
  if (PyLong_Check(pa.object)) {
    if (!follow && pa.fd > 0) return PyErr_Format(PyExc_ValueError, "utime: cannot use fd and follow_symlinks together");
    // fd 0 (or below) passes that check and reaches utimensat(AT_FDCWD, NULL, ..., AT_SYMLINK_NOFOLLOW): EINVAL.
    if (!follow) return PyErr_SetFromErrno(22, pa.object);
    call(() => hostFS().futime(pa.fd, a, m), pa.object);
    return Py_None;
  }
  call(() => hostFS().utime(pa.path, a, m, follow), pa.object);
  return Py_None;
}

// ---- owners: chown, lchown, fchown (and the uid_t/gid_t converters pwd and grp share) ----

/**
 * _Py_Uid_Converter / _Py_Gid_Converter for a 32-bit uid_t and a 64-bit long: -1 (and 2**32-1, the same uid_t) is
 * returned as -1, "no id"; other negative values and values that do not fit are OverflowErrors with CPython's words
 * (a value between 2**32 and 2**63 fails its truncation check as "less than minimum").
 */
export function _Py_Id_Converter(obj: PyVal, kind: "uid" | "gid"): number {
  let index: PyVal;
  try {
    index = PyNumber_Index(obj);
  } catch (e) {
    if (!(e instanceof PyBaseExceptionObject)) throw e;
    return PyErr_Format(PyExc_TypeError, `${kind} should be integer, not ${Py_TYPE(obj).tp_name}`);
  }
  const v = BigInt(longValue(index));
  const under = (): never => PyErr_Format(PyExc_OverflowError, `${kind} is less than minimum`);
  if (v >= -(2n ** 63n) && v < 2n ** 63n) {
    if (v === -1n || v === 0xffffffffn) return -1;
    if (v < 0n || v > 0xffffffffn) return under();
    return Number(v);
  }
  if (v < 0n) return under();
  return PyErr_Format(PyExc_OverflowError, `${kind} is greater than maximum`);
}

function posix_chown(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p, u, g, dirFd, fsl] = parseArgs("chown", args, kwnames, ["path", "uid", "gid", "*dir_fd", "*follow_symlinks"], 3, 3);
  const pa = pathConverter("chown", "path", p!, true);
  const uid = _Py_Id_Converter(u!, "uid");
  const gid = _Py_Id_Converter(g!, "gid");
  const follow = fsl === undefined ? true : PyObject_IsTrue(fsl);
  const isFd = PyLong_Check(pa.object);
  if (dirFd !== undefined && dirFd !== Py_None) {
    cIntArg(dirFd);
    if (isFd) return PyErr_Format(PyExc_ValueError, "chown: can't specify both dir_fd and fd");
  }
  if (isFd && pa.fd > 0 && !follow) return PyErr_Format(PyExc_ValueError, "chown: cannot use fd and follow_symlinks together");
  dirFdUnavailable(dirFd);
  if (isFd) call(() => hostFS().fchown(pa.fd, uid, gid), pa.object);
  else call(() => hostFS().chown(pa.path, uid, gid, follow), pa.object);
  return Py_None;
}

function posix_lchown(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p, u, g] = parseArgs("lchown", args, kwnames, ["path", "uid", "gid"], 3, 3);
  const pa = pathConverter("lchown", "path", p!);
  const uid = _Py_Id_Converter(u!, "uid");
  const gid = _Py_Id_Converter(g!, "gid");
  call(() => hostFS().chown(pa.path, uid, gid, false), pa.object);
  return Py_None;
}

function posix_fchown(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [f, u, g] = parseArgs("fchown", args, kwnames, ["fd", "uid", "gid"], 3, 3);
  const fd = cIntArg(f!);
  const uid = _Py_Id_Converter(u!, "uid");
  const gid = _Py_Id_Converter(g!, "gid");
  call(() => hostFS().fchown(fd, uid, gid));
  return Py_None;
}

// ---- statvfs ----

let StatvfsResultType: PyTypeObject | null = null;

function statvfsResultType(): PyTypeObject {
  if (StatvfsResultType === null) {
    StatvfsResultType = PyStructSequence_NewType({
      name: "os.statvfs_result",
      doc: "statvfs_result: Result from statvfs or fstatvfs.\n\nThis object may be accessed either as a tuple of\n  (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax),\nor via the attributes f_bsize, f_frsize, f_blocks, f_bfree, and so on.\n\nSee os.statvfs for more information.",
      fields: ["f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail", "f_flag",
        "f_namemax", "f_fsid"],
      n_in_sequence: 10,
    });
  }
  return StatvfsResultType;
}

function statvfsResult(s: HostStatVFS): PyVal {
  return PyStructSequence_New(statvfsResultType(), [s.bsize, s.frsize, PyLong_FromBigInt(s.blocks),
    PyLong_FromBigInt(s.bfree), PyLong_FromBigInt(s.bavail), PyLong_FromBigInt(s.files), PyLong_FromBigInt(s.ffree),
    PyLong_FromBigInt(s.favail), s.flag, s.namemax, PyLong_FromBigInt(s.fsid)]);
}

function posix_statvfs(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p] = parseArgs("statvfs", args, kwnames, ["path"], 1, 1);
  const pa = pathConverter("statvfs", "path", p!, true);
  if (PyLong_Check(pa.object)) return statvfsResult(call(() => hostFS().fstatvfs(pa.fd), pa.object));
  return statvfsResult(call(() => hostFS().statvfs(pa.path), pa.object));
}

function posix_fstatvfs(_m: PyVal, fd: PyVal): PyVal {
  const n = cIntArg(fd);
  return statvfsResult(call(() => hostFS().fstatvfs(n)));
}

// ---- pipes and descriptor flags ----

/** Can a read (write) on fd go ahead without waiting? A closed descriptor can: the call then reports EBADF. */
function fdReady(fd: number, forWrite: boolean): boolean {
  try {
    return !hostFS().wouldBlock(fd, forWrite);
  } catch {
    return true;
  }
}

/** Before a read or write that would block on a pipe: let the other green threads run until it can go ahead. A
 * write waits only when called from Python code (the host lets a pipe grow rather than wait inside native code). */
function waitForFd(w: WaitCall, fd: number, forWrite: boolean): void {
  if (fdReady(fd, forWrite) || (forWrite && !w.direct)) return;
  _PyThread_Wait(w, () => fdReady(fd, forWrite), -1);
}

// The host's blocking pipe calls (a FileIO over a pipe, a write that fills it) wait through the green threads.
pipeHooks.wait = (ready) => {
  const w = _PyThread_BeginWait(null, null);
  _PyThread_Wait(w, ready, -1);
};
pipeHooks.wake = _PyThread_Wake;

/**
 * socketpair()'s in-memory sockets (socketmodule.ts) have descriptors outside the host's table: their close-on-exec
 * and O_NONBLOCK flags as os.get/set_inheritable and os.get/set_blocking see them (socket.get_inheritable goes
 * through os). DEVIATION: socket.setblocking does not show in os.get_blocking.
 */
const socketInheritable = new Set<number>();
const socketNonblocking = new Set<number>();

function isMemorySocket(fd: number): boolean {
  return _PySocket_Endpoint(fd) !== undefined;
}

function posix_get_inheritable(_m: PyVal, fd: PyVal): PyVal {
  const n = cIntArg(fd);
  if (isMemorySocket(n)) return PyBool_FromLong(socketInheritable.has(n));
  return PyBool_FromLong(call(() => hostFS().getInheritable(n)));
}

function posix_set_inheritable(_m: PyVal, a: PyVal[]): PyVal {
  const [fd, inh] = unpackArgs("set_inheritable", a, 2, 2);
  const n = cIntArg(fd!);
  const v = cIntArg(inh!) !== 0;
  if (isMemorySocket(n)) {
    if (v) socketInheritable.add(n);
    else socketInheritable.delete(n);
  } else call(() => hostFS().setInheritable(n, v));
  return Py_None;
}

function posix_get_blocking(_m: PyVal, fd: PyVal): PyVal {
  const n = cIntArg(fd);
  if (isMemorySocket(n)) return PyBool_FromLong(!socketNonblocking.has(n));
  return PyBool_FromLong(call(() => hostFS().getBlocking(n)));
}

function posix_set_blocking(_m: PyVal, a: PyVal[]): PyVal {
  const [fd, b] = unpackArgs("set_blocking", a, 2, 2);
  const n = cIntArg(fd!);
  const v = PyObject_IsTrue(b!);
  if (isMemorySocket(n)) {
    if (v) socketNonblocking.delete(n);
    else socketNonblocking.add(n);
  } else call(() => hostFS().setBlocking(n, v));
  return Py_None;
}

function posix_pipe(): PyVal {
  const [r, w] = call(() => hostFS().pipe(O_CLOEXEC));
  return PyTuple_New([r, w]);
}

function posix_pipe2(_m: PyVal, flags: PyVal): PyVal {
  const f = cIntArg(flags);
  const [r, w] = call(() => hostFS().pipe(f));
  return PyTuple_New([r, w]);
}

function posix_dup(_m: PyVal, fd: PyVal): PyVal {
  const n = cIntArg(fd);
  return call(() => hostFS().dup(n));
}

function posix_dup2(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [f, f2, inh] = parseArgs("dup2", args, kwnames, ["fd", "fd2", "inheritable"], 2, 3);
  const fd = cIntArg(f!);
  const fd2 = cIntArg(f2!);
  const inheritable = inh === undefined ? true : PyObject_IsTrue(inh);
  return call(() => hostFS().dup2(fd, fd2, inheritable));
}

function posix_chmod(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p, mode] = parseArgs("chmod", args, kwnames, ["path", "mode", "*dir_fd", "*follow_symlinks"], 2, 2);
  const pa = pathConverter("chmod", "path", p!, true);
  call(() => hostFS().chmod(pa.path, intArg(mode, 0)), pa.object);
  return Py_None;
}

function posix_access(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p, mode] = parseArgs("access", args, kwnames, ["path", "mode", "*dir_fd", "*effective_ids", "*follow_symlinks"], 2, 2);
  const pa = pathConverter("access", "path", p!, true);
  return PyBool_FromLong(hostFS().access(pa.path, intArg(mode, 0)));
}

function posix_fspath(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p] = parseArgs("fspath", args, kwnames, ["path"], 1, 1);
  return PyOS_FSPath(p!);
}

function posix_urandom(_m: PyVal, n: PyVal): PyVal {
  const k = intArg(n, 0);
  if (k < 0) return PyErr_Format(PyExc_ValueError, "negative argument not allowed");
  return PyBytes_FromArray(hostProc().urandom(k));
}

function posix_strerror(_m: PyVal, n: PyVal): PyVal {
  return PyUnicode_FromString(strerror(intArg(n, 0)));
}

// ---- confstr: the values of glibc 2.36 on x86-64 Linux, the C library whose behaviour Typhon's time module follows ----

/** os.confstr_names (posixmodule.c's posix_constants_confstr, as built against glibc). */
const CONFSTR_NAMES: readonly (readonly [string, number])[] = [
  ["CS_GNU_LIBC_VERSION", 2], ["CS_GNU_LIBPTHREAD_VERSION", 3], ["CS_LFS64_CFLAGS", 1004], ["CS_LFS64_LDFLAGS", 1005],
  ["CS_LFS64_LIBS", 1006], ["CS_LFS64_LINTFLAGS", 1007], ["CS_LFS_CFLAGS", 1000], ["CS_LFS_LDFLAGS", 1001],
  ["CS_LFS_LIBS", 1002], ["CS_LFS_LINTFLAGS", 1003], ["CS_PATH", 0],
  ["CS_XBS5_ILP32_OFF32_CFLAGS", 1100], ["CS_XBS5_ILP32_OFF32_LDFLAGS", 1101], ["CS_XBS5_ILP32_OFF32_LIBS", 1102],
  ["CS_XBS5_ILP32_OFF32_LINTFLAGS", 1103], ["CS_XBS5_ILP32_OFFBIG_CFLAGS", 1104], ["CS_XBS5_ILP32_OFFBIG_LDFLAGS", 1105],
  ["CS_XBS5_ILP32_OFFBIG_LIBS", 1106], ["CS_XBS5_ILP32_OFFBIG_LINTFLAGS", 1107], ["CS_XBS5_LP64_OFF64_CFLAGS", 1108],
  ["CS_XBS5_LP64_OFF64_LDFLAGS", 1109], ["CS_XBS5_LP64_OFF64_LIBS", 1110], ["CS_XBS5_LP64_OFF64_LINTFLAGS", 1111],
  ["CS_XBS5_LPBIG_OFFBIG_CFLAGS", 1112], ["CS_XBS5_LPBIG_OFFBIG_LDFLAGS", 1113], ["CS_XBS5_LPBIG_OFFBIG_LIBS", 1114],
  ["CS_XBS5_LPBIG_OFFBIG_LINTFLAGS", 1115],
];

/** glibc's confstr(3) for every name it defines; the others fail with EINVAL. Names 1100-1147 not listed here are
 *  empty strings (the POSIX_V6/V7 compilation environments), except the LP64_OFF64 flags below. */
function glibcConfstr(name: number): string | null {
  switch (name) {
    case 0: return "/bin:/usr/bin";
    case 1: return "POSIX_V6_LP64_OFF64";
    case 2: return "glibc 2.36";
    case 3: return "NPTL 2.36";
    case 4: return "XBS5_LP64_OFF64";
    case 5: return "POSIX_V7_LP64_OFF64";
    case 1004: case 1007: return "-D_LARGEFILE64_SOURCE";
    case 1108: case 1109: case 1124: case 1125: case 1140: case 1141: return "-m64";
    case 1148: case 1149: return "POSIXLY_CORRECT=1";
    default:
      return (name >= 1000 && name <= 1003) || (name >= 1005 && name <= 1006) || (name >= 1100 && name <= 1147) ? "" : null;
  }
}

/** os.confstr(name): a name from confstr_names or its number (conv_confstr_confname, then confstr(3)). */
function posix_confstr(_m: PyVal, v: PyVal): PyVal {
  let name: number;
  if (PyUnicode_Check(v)) {
    const hit = CONFSTR_NAMES.find(([k]) => k === (v as PyUnicodeObject).value);
    if (hit === undefined) return PyErr_Format(PyExc_ValueError, "unrecognized configuration name");
    name = hit[1];
  } else if (PyLong_Check(v)) {
    const n = longValue(v);
    if (typeof n !== "number" || n > 0x7fffffff || n < -0x80000000) {
      return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
    }
    name = n;
  } else {
    return PyErr_Format(PyExc_TypeError, "configuration names must be strings or integers");
  }
  const r = glibcConfstr(name);
  return r === null ? PyErr_SetFromErrno(22) : PyUnicode_FromString(r);
}

function posix_times(): PyVal {
  if (TimesResultType === null) {
    TimesResultType = PyStructSequence_NewType({ name: "posix.times_result", fields: ["user", "system",
      "children_user", "children_system", "elapsed"], n_in_sequence: 5 });
  }
  const t = hostProc().times();
  return PyStructSequence_New(TimesResultType, [PyFloat_FromDouble(t.user), PyFloat_FromDouble(t.system),
    PyFloat_FromDouble(0), PyFloat_FromDouble(0), PyFloat_FromDouble(t.elapsed)]);
}

function posix_uname(): PyVal {
  if (UnameResultType === null) {
    UnameResultType = PyStructSequence_NewType({ name: "posix.uname_result", fields: ["sysname", "nodename",
      "release", "version", "machine"], n_in_sequence: 5 });
  }
  const u = hostProc().uname();
  return PyStructSequence_New(UnameResultType, [u.sysname, u.nodename, u.release, u.version, u.machine].map(PyUnicode_FromString));
}

export function terminalSizeType(): PyTypeObject {
  if (TerminalSizeType === null) {
    TerminalSizeType = PyStructSequence_NewType({ name: "os.terminal_size", fields: ["columns", "lines"], n_in_sequence: 2,
      doc: "A tuple of (columns, lines) for holding terminal window size" });
  }
  return TerminalSizeType;
}

function posix_get_terminal_size(_m: PyVal, args: PyVal[]): PyVal {
  const [fd] = unpackArgs("get_terminal_size", args, 0, 1);
  const n = fd === undefined ? 1 : fdArg(fd);
  const sz = hostProc().terminalSize(n);
  if (sz === null) return PyErr_SetFromErrno(25); // ENOTTY, as ioctl(TIOCGWINSZ) fails
  return PyStructSequence_New(terminalSizeType(), [sz[0], sz[1]]);
}

/** os.path.normpath's core (_path_normpath): the same algorithm as posixpath.normpath on str. */
export function normpath(p: string): string {
  if (p === "") return ".";
  const initial = p.startsWith("/") ? (p.startsWith("//") && !p.startsWith("///") ? 2 : 1) : 0;
  const out: string[] = [];
  for (const comp of p.split("/")) {
    if (comp === "" || comp === ".") continue;
    if (comp !== ".." || (initial === 0 && out.length === 0) || (out.length > 0 && out[out.length - 1] === "..")) out.push(comp);
    else if (out.length > 0) out.pop();
  }
  const s = "/".repeat(initial) + out.join("/");
  return s === "" ? "." : s;
}

function posix__path_normpath(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [p] = parseArgs("_path_normpath", args, kwnames, ["path"], 1, 1);
  const v = PyOS_FSPath(p!);
  if (PyBytes_Check(v)) return PyBytes_FromArray(fsencode(normpath(fsdecode(v.ob_bytes))));
  return PyUnicode_FromString(normpath((v as PyUnicodeObject).value));
}

function posix_umask(_m: PyVal, mask: PyVal): PyVal {
  return hostFS().umask(intArg(mask, 0));
}

function posix_fstat(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [fd] = parseArgs("fstat", args, kwnames, ["fd"], 1, 1);
  return statResult(call(() => hostFS().fstat(fdArg(fd!))));
}

function posix_device_encoding(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [fd] = parseArgs("device_encoding", args, kwnames, ["fd"], 1, 1);
  return hostFS().isatty(fdArg(fd!)) ? PyUnicode_FromString("UTF-8") : Py_None;
}

/** PyUnicode_FSConverter for an environment string (str or bytes, no NUL), as a string of fsdecode. */
function envArg(v: PyVal): string {
  let s: string;
  if (PyBytes_Check(v)) s = fsdecode(v.ob_bytes);
  else if (PyUnicode_Check(v)) s = v.value;
  else return PyErr_Format(PyExc_TypeError, `expected str, bytes or os.PathLike object, not ${(v as { ob_type: { tp_name: string } }).ob_type.tp_name}`);
  if (s.includes("\0")) return PyErr_Format(PyExc_ValueError, "embedded null byte");
  return s;
}

/** os.putenv / os.unsetenv change the C library's environment (what getenv("TZ") in time.tzset reads). */
function posix_putenv(_m: PyVal, args: PyVal[]): PyVal {
  const [k, v] = unpackArgs("putenv", args, 2, 2);
  const name = envArg(k!), value = envArg(v!);
  if (name.includes("=")) return PyErr_Format(PyExc_ValueError, "illegal environment variable name");
  if (name === "") return PyErr_SetFromErrno(22);
  processSetenv(name, value);
  return Py_None;
}

function posix_unsetenv(_m: PyVal, k: PyVal): PyVal {
  const name = envArg(k);
  if (name === "" || name.includes("=")) return PyErr_SetFromErrno(22);
  processSetenv(name, null);
  return Py_None;
}


const methods = [
  { name: "stat", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => doStat("stat", a, k, true), flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "lstat", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => doStat("lstat", a, k, false), flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "fstat", meth: posix_fstat, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "listdir", meth: posix_listdir, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "scandir", meth: posix_scandir, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "open", meth: posix_open, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "read", meth: posix_read, flags: METH_FASTCALL },
  { name: "write", meth: posix_write, flags: METH_FASTCALL },
  { name: "lseek", meth: posix_lseek, flags: METH_FASTCALL },
  { name: "close", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
    const [fd] = parseArgs("close", a, k, ["fd"], 1, 1);
    call(() => hostFS().close(fdArg(fd!)));
    return Py_None;
  }, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "ftruncate", meth: (_m: PyVal, a: PyVal[]) => {
    const [fd, len] = unpackArgs("ftruncate", a, 2, 2);
    call(() => hostFS().ftruncate(fdArg(fd!), intArg(len, 0)));
    return Py_None;
  }, flags: METH_FASTCALL },
  { name: "isatty", meth: (_m: PyVal, fd: PyVal) => PyBool_FromLong((() => { try { return hostFS().isatty(fdArg(fd)); } catch { return false; } })()), flags: METH_O },
  { name: "getcwd", meth: posix_getcwd, flags: METH_NOARGS },
  { name: "getcwdb", meth: () => PyBytes_FromArray(fsencode(call(() => hostFS().getcwd()))), flags: METH_NOARGS },
  { name: "chdir", meth: posix_chdir, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "mkdir", meth: posix_mkdir, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "rmdir", meth: oneP("rmdir", (p) => hostFS().rmdir(p), "os.rmdir"), flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "unlink", meth: oneP("unlink", (p) => hostFS().unlink(p), "os.remove"), flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "remove", meth: oneP("remove", (p) => hostFS().unlink(p), "os.remove"), flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "rename", meth: twoP("rename", (a, b) => hostFS().rename(a, b)), flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "replace", meth: twoP("replace", (a, b) => hostFS().rename(a, b)), flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "readlink", meth: posix_readlink, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "symlink", meth: posix_symlink, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "utime", meth: posix_utime, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "chmod", meth: posix_chmod, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "access", meth: posix_access, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "umask", meth: posix_umask, flags: METH_O },
  { name: "fspath", meth: posix_fspath, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "urandom", meth: posix_urandom, flags: METH_O },
  { name: "strerror", meth: posix_strerror, flags: METH_O },
  { name: "confstr", meth: posix_confstr, flags: METH_O },
  { name: "getpid", meth: () => hostProc().getpid(), flags: METH_NOARGS },
  { name: "getppid", meth: () => hostProc().getppid(), flags: METH_NOARGS },
  // No child processes in a sandbox (_posixsubprocess.fork_exec refuses): waitpid finds none (ECHILD).
  { name: "waitpid", meth: () => PyErr_SetFromErrno(10), flags: METH_FASTCALL },
  { name: "waitstatus_to_exitcode", meth: (_m: PyVal, v: PyVal) => {
    const st = Number(longValue(v));
    if ((st & 0x7f) === 0) return (st >> 8) & 0xff;
    if (((st & 0x7f) + 1) >> 1 > 0) return -(st & 0x7f);
    return PyErr_Format(PyExc_ValueError, `invalid wait status: ${st}`);
  }, flags: METH_O },
  { name: "WIFSTOPPED", meth: (_m: PyVal, v: PyVal) => PyBool_FromLong((Number(longValue(v)) & 0xff) === 0x7f), flags: METH_O },
  { name: "WSTOPSIG", meth: (_m: PyVal, v: PyVal) => (Number(longValue(v)) >> 8) & 0xff, flags: METH_O },
  { name: "getuid", meth: () => hostProc().getuid(), flags: METH_NOARGS },
  { name: "geteuid", meth: () => hostProc().getuid(), flags: METH_NOARGS },
  { name: "getgid", meth: () => hostProc().getgid(), flags: METH_NOARGS },
  { name: "getegid", meth: () => hostProc().getgid(), flags: METH_NOARGS },
  { name: "times", meth: posix_times, flags: METH_NOARGS },
  { name: "uname", meth: posix_uname, flags: METH_NOARGS },
  { name: "cpu_count", meth: () => hostProc().cpuCount() ?? Py_None, flags: METH_NOARGS },
  { name: "get_terminal_size", meth: posix_get_terminal_size, flags: METH_FASTCALL },
  { name: "_path_normpath", meth: posix__path_normpath, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "device_encoding", meth: posix_device_encoding, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "putenv", meth: posix_putenv, flags: METH_FASTCALL },
  { name: "unsetenv", meth: posix_unsetenv, flags: METH_O },
  { name: "get_inheritable", meth: posix_get_inheritable, flags: METH_O },
  { name: "set_inheritable", meth: posix_set_inheritable, flags: METH_FASTCALL },
  { name: "get_blocking", meth: posix_get_blocking, flags: METH_O },
  { name: "set_blocking", meth: posix_set_blocking, flags: METH_FASTCALL },
  { name: "pipe", meth: posix_pipe, flags: METH_NOARGS },
  { name: "pipe2", meth: posix_pipe2, flags: METH_O },
  { name: "dup", meth: posix_dup, flags: METH_O },
  { name: "dup2", meth: posix_dup2, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "chown", meth: posix_chown, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "lchown", meth: posix_lchown, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "fchown", meth: posix_fchown, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "statvfs", meth: posix_statvfs, flags: METH_FASTCALL | METH_KEYWORDS },
  { name: "fstatvfs", meth: posix_fstatvfs, flags: METH_O },
  { name: "_exit", meth: (_m: PyVal, n: PyVal) => { throw new PosixExit(intArg(n, 0)); }, flags: METH_O },
  { name: "waitstatus_to_exitcode", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
    const [st] = parseArgs("waitstatus_to_exitcode", a, k, ["status"], 1, 1);
    const s = intArg(st, 0);
    return (s & 0x7f) === 0 ? (s >> 8) & 0xff : -(s & 0x7f);
  }, flags: METH_FASTCALL | METH_KEYWORDS },
];

/** Constants os.py, shutil, tempfile and importlib read (Linux values, as CPython's posix on x86-64 Linux). */
const CONSTANTS: readonly (readonly [string, number])[] = [
  ["F_OK", 0], ["R_OK", 4], ["W_OK", 2], ["X_OK", 1],
  ["O_RDONLY", 0], ["O_WRONLY", 1], ["O_RDWR", 2], ["O_APPEND", 0o2000], ["O_CREAT", 0o100], ["O_EXCL", 0o200],
  ["O_TRUNC", 0o1000], ["O_NONBLOCK", 0o4000], ["O_NDELAY", 0o4000], ["O_SYNC", 0o4010000], ["O_DSYNC", 0o10000],
  ["O_NOCTTY", 0o400], ["O_CLOEXEC", 0o2000000], ["O_DIRECTORY", 0o200000], ["O_NOFOLLOW", 0o400000],
  ["O_ACCMODE", 3], ["O_ASYNC", 0o20000], ["O_DIRECT", 0o40000], ["O_LARGEFILE", 0], ["O_NOATIME", 0o1000000],
  ["O_PATH", 0o10000000], ["O_TMPFILE", 0o20200000], ["O_RSYNC", 0o4010000],
  ["SEEK_SET", 0], ["SEEK_CUR", 1], ["SEEK_END", 2], ["SEEK_DATA", 3], ["SEEK_HOLE", 4],
  ["EX_OK", 0], ["EX_USAGE", 64], ["EX_DATAERR", 65], ["EX_NOINPUT", 66], ["EX_NOUSER", 67], ["EX_NOHOST", 68],
  ["EX_UNAVAILABLE", 69], ["EX_SOFTWARE", 70], ["EX_OSERR", 71], ["EX_OSFILE", 72], ["EX_CANTCREAT", 73],
  ["EX_IOERR", 74], ["EX_TEMPFAIL", 75], ["EX_PROTOCOL", 76], ["EX_NOPERM", 77], ["EX_CONFIG", 78],
  ["WNOHANG", 1], ["WUNTRACED", 2], ["WCONTINUED", 8], ["P_PID", 1], ["P_PGID", 2], ["P_ALL", 0],
  ["TMP_MAX", 238328], ["NGROUPS_MAX", 65536], ["ST_RDONLY", 1], ["ST_NOSUID", 2],
];

/** The functions whose dir_fd / fd / follow_symlinks variants os.py asks about (_have_functions). */
const HAVE_FUNCTIONS = ["HAVE_FSTAT", "HAVE_FTRUNCATE", "HAVE_LSTAT", "HAVE_UTIMENSAT", "HAVE_FCHOWN", "HAVE_LCHOWN",
  "HAVE_FSTATVFS", "HAVE_FUTIMENS"];

function makeEnviron(): PyDictObject {
  const d = PyDict_New();
  for (const [k, v] of currentHost().env()) PyDict_SetItem(d, PyBytes_FromArray(fsencode(k)), PyBytes_FromArray(fsencode(v)));
  return d;
}

export const posixmodule: PyModuleDef = {
  m_name: "posix",
  m_doc: "This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls.",
  m_methods: methods,
  m_exec: (m: PyModuleObject) => {
    for (const [k, v] of CONSTANTS) PyModule_Add(m, k, v);
    PyModule_Add(m, "environ", makeEnviron());
    const confstrNames = PyDict_New();
    for (const [k, v] of CONFSTR_NAMES) PyDict_SetItem(confstrNames, PyUnicode_FromString(k), v);
    PyModule_Add(m, "confstr_names", confstrNames);
    PyModule_Add(m, "error", PyExc_OSError);
    PyModule_Add(m, "stat_result", statResultType());
    PyModule_Add(m, "terminal_size", terminalSizeType());
    PyModule_Add(m, "statvfs_result", statvfsResultType());
    PyModule_Add(m, "DirEntry", PyDirEntry_Type);
    PyModule_Add(m, "_have_functions", PyList_New(HAVE_FUNCTIONS.map(PyUnicode_FromString)));
  },
};
