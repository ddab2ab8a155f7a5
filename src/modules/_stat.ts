// The _stat module (Modules/_stat.c): the S_IF*/S_I* and UF_/SF_ constants with Linux's values (those a platform
// lacks are 0, as CPython defines them), the S_IS* predicates, S_IMODE, S_IFMT and filemode. See docs/modules.md.
import { METH_O, type PyVal } from "../objects/object.js";
import { PyLong_Check, longValue } from "../objects/longobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyExc_TypeError, PyExc_OverflowError } from "../objects/exceptions.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

const S_IFMT_ = 0o170000, S_IFDIR = 0o040000, S_IFCHR = 0o020000, S_IFBLK = 0o060000, S_IFREG = 0o100000;
const S_IFIFO = 0o010000, S_IFLNK = 0o120000, S_IFSOCK = 0o140000;
const S_ISUID = 0o4000, S_ISGID = 0o2000, S_ISVTX = 0o1000;

/** Module constants in Modules/_stat.c's order (S_IFDOOR, S_IFPORT, S_IFWHT are 0 on Linux). */
const CONSTANTS: readonly (readonly [string, number])[] = [
  ["S_IFDIR", S_IFDIR], ["S_IFCHR", S_IFCHR], ["S_IFBLK", S_IFBLK], ["S_IFREG", S_IFREG], ["S_IFIFO", S_IFIFO],
  ["S_IFLNK", S_IFLNK], ["S_IFSOCK", S_IFSOCK], ["S_IFDOOR", 0], ["S_IFPORT", 0], ["S_IFWHT", 0],
  ["S_ISUID", S_ISUID], ["S_ISGID", S_ISGID], ["S_ISVTX", S_ISVTX], ["S_ENFMT", 0o2000],
  ["S_IREAD", 0o400], ["S_IWRITE", 0o200], ["S_IEXEC", 0o100],
  ["S_IRWXU", 0o700], ["S_IRUSR", 0o400], ["S_IWUSR", 0o200], ["S_IXUSR", 0o100],
  ["S_IRWXG", 0o70], ["S_IRGRP", 0o40], ["S_IWGRP", 0o20], ["S_IXGRP", 0o10],
  ["S_IRWXO", 0o7], ["S_IROTH", 0o4], ["S_IWOTH", 0o2], ["S_IXOTH", 0o1],
  ["UF_SETTABLE", 0x0000ffff], ["UF_NODUMP", 0x00000001], ["UF_IMMUTABLE", 0x00000002], ["UF_APPEND", 0x00000004],
  ["UF_OPAQUE", 0x00000008], ["UF_NOUNLINK", 0x00000010], ["UF_COMPRESSED", 0x00000020], ["UF_TRACKED", 0x00000040],
  ["UF_DATAVAULT", 0x00000080], ["UF_HIDDEN", 0x00008000],
  ["SF_SETTABLE", 0xffff0000], ["SF_ARCHIVED", 0x00010000], ["SF_IMMUTABLE", 0x00020000], ["SF_APPEND", 0x00040000],
  ["SF_NOUNLINK", 0x00100000], ["SF_SNAPSHOT", 0x00200000], ["SF_FIRMLINK", 0x00800000],
  ["SF_DATALESS", 0x40000000],
  ["ST_MODE", 0], ["ST_INO", 1], ["ST_DEV", 2], ["ST_NLINK", 3], ["ST_UID", 4], ["ST_GID", 5], ["ST_SIZE", 6],
  ["ST_ATIME", 7], ["ST_MTIME", 8], ["ST_CTIME", 9],
];

/** _PyLong_AsMode_t: an int (no __index__) that fits mode_t (unsigned int), with PyLong_AsUnsignedLong's messages. */
function _PyLong_AsMode_t(op: PyVal): number {
  if (!PyLong_Check(op)) return PyErr_Format(PyExc_TypeError, "an integer is required");
  const v = BigInt(longValue(op));
  if (v < 0n) return PyErr_Format(PyExc_OverflowError, "can't convert negative value to unsigned int");
  if (v > 0xffffffffffffffffn) return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C unsigned long");
  if (v > 0xffffffffn) return PyErr_Format(PyExc_OverflowError, "mode out of range");
  return Number(v);
}

function isType(name: string, fmt: number, what: string) {
  return {
    name,
    meth: (_m: PyVal, mode: PyVal) => PyBool_FromLong(fmt !== 0 && (_PyLong_AsMode_t(mode) & S_IFMT_) === fmt),
    flags: METH_O,
    doc: `${name}(mode) -> bool\n\nReturn True if mode is from ${what}.`,
  };
}

/** filetype(): the file-type character of filemode. */
function filetype(mode: number): string {
  switch (mode & S_IFMT_) {
    case S_IFREG: return "-";
    case S_IFDIR: return "d";
    case S_IFLNK: return "l";
    case S_IFBLK: return "b";
    case S_IFCHR: return "c";
    case S_IFIFO: return "p";
    case S_IFSOCK: return "s";
    default: return "?";
  }
}

function stat_filemode(_m: PyVal, arg: PyVal): PyVal {
  const mode = _PyLong_AsMode_t(arg);
  let s = filetype(mode);
  s += mode & 0o400 ? "r" : "-";
  s += mode & 0o200 ? "w" : "-";
  s += mode & S_ISUID ? (mode & 0o100 ? "s" : "S") : mode & 0o100 ? "x" : "-";
  s += mode & 0o40 ? "r" : "-";
  s += mode & 0o20 ? "w" : "-";
  s += mode & S_ISGID ? (mode & 0o10 ? "s" : "S") : mode & 0o10 ? "x" : "-";
  s += mode & 0o4 ? "r" : "-";
  s += mode & 0o2 ? "w" : "-";
  s += mode & S_ISVTX ? (mode & 0o1 ? "t" : "T") : mode & 0o1 ? "x" : "-";
  return PyUnicode_FromString(s);
}

export const statmodule: PyModuleDef = {
  m_name: "_stat",
  m_doc: "S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: character device\nS_IFBLK: block device\nS_IFREG: regular file\nS_IFIFO: fifo (named pipe)\nS_IFLNK: symbolic link\nS_IFSOCK: socket file\nS_IFDOOR: door\nS_IFPORT: event port\nS_IFWHT: whiteout\n\nS_ISUID: set UID bit\nS_ISGID: set GID bit\nS_ENFMT: file locking enforcement\nS_ISVTX: sticky bit\nS_IREAD: Unix V7 synonym for S_IRUSR\nS_IWRITE: Unix V7 synonym for S_IWUSR\nS_IEXEC: Unix V7 synonym for S_IXUSR\nS_IRWXU: mask for owner permissions\nS_IRUSR: read by owner\nS_IWUSR: write by owner\nS_IXUSR: execute by owner\nS_IRWXG: mask for group permissions\nS_IRGRP: read by group\nS_IWGRP: write by group\nS_IXGRP: execute by group\nS_IRWXO: mask for others (not in group) permissions\nS_IROTH: read by others\nS_IWOTH: write by others\nS_IXOTH: execute by others\n\nUF_SETTABLE: mask of owner changable flags\nUF_NODUMP: do not dump file\nUF_IMMUTABLE: file may not be changed\nUF_APPEND: file may only be appended to\nUF_OPAQUE: directory is opaque when viewed through a union stack\nUF_NOUNLINK: file may not be renamed or deleted\nUF_COMPRESSED: macOS: file is hfs-compressed\nUF_TRACKED: used for dealing with document IDs\nUF_DATAVAULT: entitlement required for reading and writing\nUF_HIDDEN: macOS: file should not be displayed\nSF_SETTABLE: mask of super user changeable flags\nSF_ARCHIVED: file may be archived\nSF_IMMUTABLE: file may not be changed\nSF_APPEND: file may only be appended to\nSF_RESTRICTED: entitlement required for writing\nSF_NOUNLINK: file may not be renamed or deleted\nSF_SNAPSHOT: file is a snapshot file\nSF_FIRMLINK: file is a firmlink\nSF_DATALESS: file is a dataless object\n\nOn macOS:\nSF_SUPPORTED: mask of super user supported flags\nSF_SYNTHETIC: mask of read-only synthetic flags\n\nST_MODE\nST_INO\nST_DEV\nST_NLINK\nST_UID\nST_GID\nST_SIZE\nST_ATIME\nST_MTIME\nST_CTIME\n\nFILE_ATTRIBUTE_*: Windows file attribute constants\n                   (only present on Windows)\n",
  m_methods: [
    isType("S_ISDIR", S_IFDIR, "a directory"),
    isType("S_ISCHR", S_IFCHR, "a character special device file"),
    isType("S_ISBLK", S_IFBLK, "a block special device file"),
    isType("S_ISREG", S_IFREG, "a regular file"),
    isType("S_ISFIFO", S_IFIFO, "a FIFO (named pipe)"),
    isType("S_ISLNK", S_IFLNK, "a symbolic link"),
    isType("S_ISSOCK", S_IFSOCK, "a socket"),
    isType("S_ISDOOR", 0, "a door"),
    isType("S_ISPORT", 0, "an event port"),
    isType("S_ISWHT", 0, "a whiteout"),
    { name: "S_IMODE", meth: (_m: PyVal, mode: PyVal) => _PyLong_AsMode_t(mode) & 0o7777, flags: METH_O,
      doc: "Return the portion of the file's mode that can be set by os.chmod()." },
    { name: "S_IFMT", meth: (_m: PyVal, mode: PyVal) => _PyLong_AsMode_t(mode) & S_IFMT_, flags: METH_O,
      doc: "Return the portion of the file's mode that describes the file type." },
    { name: "filemode", meth: stat_filemode, flags: METH_O, doc: "Convert a file's mode to a string of the form '-rwxrwxrwx'" },
  ],
  m_exec: (m) => {
    for (const [name, v] of CONSTANTS) PyModule_Add(m, name, v);
  },
};
