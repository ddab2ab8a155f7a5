// zipimport (Lib/zipimport.py, which CPython freezes): importing from zip archives, as a native module over
// src/runtime/stdlib_zip.ts so that the default stdlib (pyodide's zip) needs no Python-level zip parsing.
// Same API and messages as zipimport.py; compiled code is cached under <dist>/pycache (see docs/imports.md).
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE, METH_NOARGS,
  METH_O, METH_FASTCALL, METH_KEYWORDS, PyUnicode_InternFromString, PyUnicodeObject, type PyVal,
} from "../objects/object.js";
import { PyModuleObject } from "../objects/moduleobject.js";
import { PyDict_New, PyDict_SetItemString, PyDictObject, PyDict_GetItemStr } from "../objects/dictobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyBytes_FromArray, PyBytesObject } from "../objects/bytesobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyList_New } from "../objects/listobject.js";
import { Py_True, Py_False, PyBool_FromLong } from "../objects/boolobject.js";
import { PyCodeObject } from "../objects/codeobject.js";
import { PyExc_ImportError, PyExc_OSError, PyImportErrorObject } from "../objects/exceptions.js";
import { PyObject_GetAttrStr, PyObject_Vectorcall, PyObject_CallMethod } from "../objects/abstract.js";
import { PyErr_Format, _PyErr_CreateException, _PyErr_ChainContext } from "../runtime/errors.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyEval_EvalCode, PyCode_FromRecord, compileOrRaise } from "../runtime/pylifecycle.js";
import { marshal_loads } from "../runtime/marshal.js";
import { marshal_dumps } from "../runtime/marshal_write.js";
import { ZipArchive, ZipError } from "../runtime/stdlib_zip.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { PyOS_FSPath, fsdecode } from "./posixmodule.js";
import { hostFS, currentHost } from "../host/current.js";
import { PyImport_ImportModule, CACHE_TAG, _PyImport_GetImportlib, fixCoFilename } from "../runtime/import.js";
import { getBuiltins } from "../runtime/bltinmodule.js";

export const PyZipImporter_Type = PyType_Declare("zipimport.zipimporter");

let ZipImportError: PyTypeObject | null = null;

function zipError(msg: string, path: string | null = null, name: string | null = null): never {
  const e = _PyErr_CreateException(ZipImportError ?? PyExc_ImportError, [PyUnicode_FromString(msg)]) as PyImportErrorObject;
  if (path !== null) e.path = PyUnicode_FromString(path);
  if (name !== null) e.name = PyUnicode_FromString(name);
  _PyErr_ChainContext(e);
  throw e;
}

/** Archives already read, by path (zipimport._zip_directory_cache). */
const archives = new Map<string, ZipArchive>();

function openArchive(path: string): ZipArchive {
  let z = archives.get(path);
  if (z === undefined) {
    let data: Uint8Array;
    try {
      data = currentHost().readFile(path);
    } catch {
      return zipError(`can't open Zip file: '${path}'`, path);
    }
    try {
      z = new ZipArchive(data, path);
    } catch (e) {
      if (e instanceof ZipError) return zipError(`not a Zip file: '${path}'`, path);
      throw e;
    }
    archives.set(path, z);
  }
  return z;
}

class PyZipImporterObject extends PyObject {
  archive: string;
  prefix: string;
  zip: ZipArchive | null;
  dirs: Set<string>;
  dict: PyDictObject | null;
  constructor(type: PyTypeObject) {
    super(type);
    this.archive = "";
    this.prefix = "";
    this.zip = null;
    this.dirs = new Set();
    this.dict = null;
  }
}

function zipimporter_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const z = self as PyZipImporterObject;
  const [p] = parseArgs("zipimporter", args, kwnames, ["path"], 1, 1);
  let path = PyOS_FSPath(p!);
  if (path instanceof PyBytesObject) path = PyUnicode_FromString(fsdecode(path.ob_bytes));
  const text = (path as PyUnicodeObject).value;
  if (text === "") zipError("archive path is empty", text);
  // Split off the part inside the archive: walk up until a prefix is a regular file.
  let archive = text;
  const rest: string[] = [];
  for (;;) {
    let st;
    try {
      st = hostFS().stat(archive, true);
    } catch {
      st = null;
    }
    if (st !== null) {
      if ((st.mode & 0o170000) !== 0o100000) zipError("not a Zip file", text);
      break;
    }
    const slash = archive.lastIndexOf("/");
    if (slash <= 0) zipError("not a Zip file", text);
    rest.unshift(archive.slice(slash + 1));
    archive = archive.slice(0, slash);
  }
  z.zip = openArchive(archive);
  z.archive = archive;
  z.prefix = rest.filter((x) => x !== "").join("/");
  if (z.prefix !== "") z.prefix += "/";
  z.dirs = archiveDirs(z.zip);
}

/** Every directory prefix ("a/", "a/b/") of an archive's member names, computed once per archive read (each
 *  package's __path__ entry gets its own zipimporter over the same archive). */
const dirsOfArchive = new WeakMap<ZipArchive, Set<string>>();
function archiveDirs(zip: ZipArchive): Set<string> {
  let dirs = dirsOfArchive.get(zip);
  if (dirs === undefined) {
    dirs = new Set();
    for (const n of zip.entries.keys()) {
      let i = n.indexOf("/");
      while (i >= 0) {
        dirs.add(n.slice(0, i + 1));
        i = n.indexOf("/", i + 1);
      }
    }
    dirsOfArchive.set(zip, dirs);
  }
  return dirs;
}

const SEARCH_ORDER: readonly (readonly [string, boolean, boolean])[] = [
  ["/__init__.pyc", true, true],
  ["/__init__.py", false, true],
  [".pyc", true, false],
  [".py", false, false],
];

function modulePath(z: PyZipImporterObject, fullname: string): string {
  const dot = fullname.lastIndexOf(".");
  return z.prefix + fullname.slice(dot + 1);
}

/** true (package), false (module) or null (not found): _get_module_info. */
function moduleInfo(z: PyZipImporterObject, fullname: string): boolean | null {
  const path = modulePath(z, fullname);
  for (const [suffix, , ispkg] of SEARCH_ORDER) if (z.zip!.entries.has(path + suffix)) return ispkg;
  return null;
}

function fullPath(z: PyZipImporterObject, inner: string): string {
  return `${z.archive}/${inner}`;
}

// The host's build directory, asked once per host (Node's resolves a file URL each time).
let homeHost: object | null = null;
let homeDir: string | null = null;
function typhonHomeOf(host: ReturnType<typeof currentHost>): string | null {
  if (homeHost !== host) {
    homeDir = host.typhonHome?.() ?? null;
    homeHost = host;
  }
  return homeDir;
}

/** Where compiled code of zip members is cached: <dist>/pycache/<archive base>/<member>.typhon-313.pyc. */
function cachePath(z: PyZipImporterObject, inner: string): string | null {
  const home = typhonHomeOf(currentHost());
  if (home === null) return null;
  const base = z.archive.slice(z.archive.lastIndexOf("/") + 1);
  return `${home}/pycache/${base}/${inner.replace(/\.py$/, "").replace(/\//g, ".")}.${CACHE_TAG}.pyc`;
}

/** The flags word of a cache file (bytes 4-7, where a .pyc has its PEP 552 flags): its nested code objects are lazy
 *  records (src/runtime/marshal_write.ts's w_lazy_code). A file without it, from an older Typhon, is written again. */
const CACHE_LAZY_BODIES = 0x100;

function readCache(file: string, crc: number, size: number): PyCodeObject | null {
  let data: Uint8Array;
  try {
    data = currentHost().readFile(file);
  } catch {
    return null;
  }
  if (data.length < 16) return null;
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (dv.getUint16(0, true) !== 3571 || dv.getUint32(4, true) !== CACHE_LAZY_BODIES ||
    dv.getUint32(8, true) !== (crc >>> 0) || dv.getUint32(12, true) !== size) return null;
  try {
    // The file's bytes are ours alone: the code objects' byte strings may be views of them (no copies), and the
    // nested code objects' bodies are read from them at first use.
    const c = marshal_loads(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 16, true, true);
    return c instanceof PyCodeObject ? c : null;
  } catch {
    return null;
  }
}

function writeCache(file: string, crc: number, size: number, code: PyCodeObject): void {
  // Typhon's own cache in its build directory, not a __pycache__: -B / PYTHONDONTWRITEBYTECODE do not apply to it
  // (as they do not stop CPython from using its frozen and pre-compiled stdlib); TYPHON_NO_CACHE=1 does.
  if ((currentHost().env().get("TYPHON_NO_CACHE") ?? "") !== "") return;
  try {
    const body = marshal_dumps(code, 4, true, true);
    const out = new Uint8Array(16 + body.length);
    const dv = new DataView(out.buffer);
    dv.setUint16(0, 3571, true);
    out[2] = 13;
    out[3] = 10;
    dv.setUint32(4, CACHE_LAZY_BODIES, true);
    dv.setUint32(8, crc >>> 0, true);
    dv.setUint32(12, size, true);
    out.set(body, 16);
    const fs = hostFS();
    const dir = file.slice(0, file.lastIndexOf("/"));
    const parts = dir.split("/");
    for (let i = 2; i <= parts.length; i++) {
      const d = parts.slice(0, i).join("/");
      try { fs.mkdir(d, 0o777); } catch { /* exists */ }
    }
    const tmp = `${file}.${currentHost().proc?.getpid() ?? 0}.tmp`;
    const fd = fs.open(tmp, 0o1101, 0o666);
    try {
      let off = 0;
      while (off < out.length) off += fs.write(fd, out.subarray(off));
    } finally {
      fs.close(fd);
    }
    fs.rename(tmp, file);
  } catch {
    // an unwritable cache is not an error (as _bootstrap_external._write_atomic failures are ignored)
  }
}

function getCode(z: PyZipImporterObject, fullname: string): [PyCodeObject, boolean, string] {
  const path = modulePath(z, fullname);
  for (const [suffix, isbytecode, ispkg] of SEARCH_ORDER) {
    const inner = path + suffix;
    const e = z.zip!.entries.get(inner);
    if (e === undefined) continue;
    const modpath = fullPath(z, inner);
    if (isbytecode) {
      // Typhon cannot run CPython's own .pyc from a zip unless it is 3.13's format; try it, fall back to source.
      try {
        const data = z.zip!.read(inner);
        if (data.length >= 16 && data[0] === (3571 & 0xff) && data[1] === 3571 >> 8) {
          const c = marshal_loads(data, 16);
          if (c instanceof PyCodeObject) return [c, ispkg, modpath];
        }
      } catch {
        // bad bytecode: use the source
      }
      continue;
    }
    const cfile = cachePath(z, inner);
    if (cfile !== null) {
      const cached = readCache(cfile, e.crc, e.size);
      if (cached !== null) {
        // The cache is keyed by the member's CRC and size, not its path: after the archive moved (the install was
        // copied or relocated), the code names the new path, as source compiled now would.
        if (cached.co_filename.value !== modpath) fixCoFilename(cached, cached.co_filename.value, PyUnicode_FromString(modpath));
        return [cached, ispkg, modpath];
      }
    }
    let src: Uint8Array;
    try {
      src = z.zip!.read(inner);
    } catch (err) {
      if (err instanceof ZipError) return zipError(err.message, z.archive);
      throw err;
    }
    const code = PyCode_FromRecord(compileOrRaise(src, modpath, "exec", 0, -1));
    if (cfile !== null) writeCache(cfile, e.crc, e.size, code);
    return [code, ispkg, modpath];
  }
  return zipError(`can't find module '${fullname}'`, null, fullname);
}

/** The text of a member of an already opened archive, by its full path ("/x/python_stdlib.zip/os.py"), or null. */
export function zipSource(fullPathName: string): string | null {
  const i = fullPathName.indexOf(".zip/");
  if (i < 0) return null;
  const z = archives.get(fullPathName.slice(0, i + 4));
  const inner = fullPathName.slice(i + 5);
  if (z === undefined || !z.entries.has(inner)) return null;
  try {
    return new TextDecoder().decode(z.read(inner));
  } catch {
    return null;
  }
}

/** zipimport.py's _bootstrap: importlib's bootstrap module (once it is up, without an import statement's work). */
function bootstrap(): PyVal {
  return _PyImport_GetImportlib() ?? PyImport_ImportModule("_frozen_importlib");
}

function zipimporter_find_spec(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const z = self as PyZipImporterObject;
  const [fn] = parseArgs("find_spec", args, kwnames, ["fullname", "target"], 1, 2);
  const fullname = (fn as PyUnicodeObject).value;
  const info = moduleInfo(z, fullname);
  const bs = bootstrap();
  if (info !== null) {
    return PyObject_Vectorcall(PyObject_GetAttrStr(bs, "spec_from_loader")!, [fn!, z, PyBool_FromLong(info)],
      [PyUnicode_InternFromString("is_package")]);
  }
  const mp = modulePath(z, fullname);
  if (z.dirs.has(mp + "/")) {
    const spec = PyObject_Vectorcall(PyObject_GetAttrStr(bs, "ModuleSpec")!, [fn!, Py_None, Py_True],
      [PyUnicode_InternFromString("name"), PyUnicode_InternFromString("loader"), PyUnicode_InternFromString("is_package")]);
    PyObject_CallMethod(PyObject_GetAttrStr(spec, "submodule_search_locations")!, "append", [PyUnicode_FromString(fullPath(z, mp))]);
    return spec;
  }
  return Py_None;
}

function zipimporter_get_filename(self: PyVal, fn: PyVal): PyVal {
  const z = self as PyZipImporterObject;
  const fullname = (fn as PyUnicodeObject).value;
  const path = modulePath(z, fullname);
  for (const [suffix] of SEARCH_ORDER) {
    if (z.zip!.entries.has(path + suffix)) return PyUnicode_FromString(fullPath(z, (path + suffix).replace(/\.pyc$/, ".py")));
  }
  return zipError(`can't find module '${fullname}'`, null, fullname);
}

function zipimporter_exec_module(self: PyVal, module: PyVal): PyVal {
  const z = self as PyZipImporterObject;
  const spec = PyObject_GetAttrStr(module, "__spec__")!;
  const name = PyObject_GetAttrStr(spec, "name") as PyUnicodeObject;
  const [code] = getCode(z, name.value);
  const d = (module as PyModuleObject).dict!;
  // As _LoaderBasics.exec_module: through _call_with_frames_removed, so remove_importlib_frames trims the chunk.
  const bs = bootstrap();
  const cwfr = PyObject_GetAttrStr(bs, "_call_with_frames_removed", true);
  const exec = PyDict_GetItemStr(getBuiltins().dict!, PyUnicode_InternFromString("exec"));
  if (cwfr !== undefined && exec !== undefined) PyObject_Vectorcall(cwfr, [exec, code, d], null);
  else PyEval_EvalCode(code, d, d);
  return Py_None;
}

function zipimporter_get_data(self: PyVal, p: PyVal): PyVal {
  const z = self as PyZipImporterObject;
  let key = (PyOS_FSPath(p) as PyUnicodeObject).value;
  if (key.startsWith(z.archive + "/")) key = key.slice(z.archive.length + 1);
  if (!z.zip!.entries.has(key)) {
    const e = _PyErr_CreateException(PyExc_OSError, [0, PyUnicode_FromString(""), PyUnicode_FromString(key)]);
    _PyErr_ChainContext(e);
    throw e;
  }
  return PyBytes_FromArray(z.zip!.read(key));
}

PyType_FromSpecStatic({
  name: "zipimport.zipimporter",
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "zipimporter(archivepath) -> zipimporter object\n\nCreate a new zipimporter instance.",
  slots: {
    tp_new: (t) => new PyZipImporterObject(t),
    tp_init: zipimporter_init,
    tp_repr: (s) => {
      const z = s as PyZipImporterObject;
      return PyUnicode_FromString(`<zipimporter object "${z.archive}/${z.prefix}">`);
    },
  },
  methods: [
    { name: "find_spec", meth: zipimporter_find_spec, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "get_code", meth: (s: PyVal, fn: PyVal) => getCode(s as PyZipImporterObject, (fn as PyUnicodeObject).value)[0], flags: METH_O },
    { name: "get_data", meth: zipimporter_get_data, flags: METH_O },
    { name: "get_filename", meth: zipimporter_get_filename, flags: METH_O },
    { name: "get_source", meth: (s: PyVal, fn: PyVal) => {
      const z = s as PyZipImporterObject;
      const fullname = (fn as PyUnicodeObject).value;
      const path = modulePath(z, fullname);
      if (moduleInfo(z, fullname) === null) return zipError(`can't find module '${fullname}'`, null, fullname);
      for (const inner of [path + "/__init__.py", path + ".py"]) {
        if (z.zip!.entries.has(inner)) return PyUnicode_FromString(new TextDecoder().decode(z.zip!.read(inner)));
      }
      return Py_None;
    }, flags: METH_O },
    { name: "is_package", meth: (s: PyVal, fn: PyVal) => {
      const fullname = (fn as PyUnicodeObject).value;
      const info = moduleInfo(s as PyZipImporterObject, fullname);
      if (info === null) return zipError(`can't find module '${fullname}'`, null, fullname);
      return PyBool_FromLong(info);
    }, flags: METH_O },
    { name: "create_module", meth: () => Py_None, flags: METH_O },
    { name: "exec_module", meth: zipimporter_exec_module, flags: METH_O },
    { name: "get_resource_reader", meth: (s: PyVal, fn: PyVal) => {
      const readers = PyImport_ImportModule("importlib.readers");
      return PyObject_Vectorcall(PyObject_GetAttrStr(readers, "ZipReader")!, [s, fn], null);
    }, flags: METH_O },
    { name: "invalidate_caches", meth: (s: PyVal) => {
      const z = s as PyZipImporterObject;
      archives.delete(z.archive);
      z.zip = openArchive(z.archive);
      z.dirs = archiveDirs(z.zip);
      return Py_None;
    }, flags: METH_NOARGS },
    { name: "load_module", meth: (s: PyVal, fn: PyVal) => {
      const bs = bootstrap();
      return PyObject_Vectorcall(PyObject_GetAttrStr(bs, "_load_module_shim")!, [s, fn], null);
    }, flags: METH_O },
  ],
  getset: [
    { name: "archive", get: (s) => PyUnicode_FromString((s as PyZipImporterObject).archive) },
    { name: "prefix", get: (s) => PyUnicode_FromString((s as PyZipImporterObject).prefix) },
  ],
}, PyZipImporter_Type);

export const zipimportmodule: PyModuleDef = {
  m_name: "zipimport",
  m_doc: "zipimport provides support for importing Python modules from Zip archives.",
  m_exec: (m) => {
    if (ZipImportError === null) {
      const ns = PyDict_New();
      PyDict_SetItemString(ns, "__module__", PyUnicode_FromString("zipimport"));
      ZipImportError = PyObject_Vectorcall(Py_TYPE(PyExc_ImportError), [PyUnicode_FromString("ZipImportError"),
        PyTuple_New([PyExc_ImportError]), ns], null) as PyTypeObject;
    }
    PyModule_Add(m, "ZipImportError", ZipImportError);
    PyModule_Add(m, "error", ZipImportError);
    PyModule_Add(m, "zipimporter", PyZipImporter_Type);
    PyModule_Add(m, "_zip_directory_cache", PyDict_New());
    void PyList_New; void Py_False; void PyUnicode_Check; void PyErr_Format;
  },
};
