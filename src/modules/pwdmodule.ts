// The pwd module (Modules/pwdmodule.c): the user database as the host keeps it (HostProcess.users: /etc/passwd on
// Node, one configurable user in memory), struct_passwd, and CPython's KeyErrors. See docs/imports.md ("The host").
import { METH_NOARGS, METH_O, Py_TYPE, type PyTypeObject, type PyVal } from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyExc_KeyError, PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError, PyBaseExceptionObject,
} from "../objects/exceptions.js";
import { PyObject_Repr, PyType_IsSubtype } from "../objects/abstract.js";
import { PyStructSequence_NewType, PyStructSequence_New } from "../objects/structseq.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { _Py_Id_Converter, fsdecode, fsencode } from "./posixmodule.js";
import { hostProc } from "../host/current.js";
import type { HostPasswd } from "../host/host.js";

let StructPwdType: PyTypeObject | null = null;

function structPwdType(): PyTypeObject {
  if (StructPwdType === null) {
    StructPwdType = PyStructSequence_NewType({
      name: "pwd.struct_passwd",
      doc: "pwd.struct_passwd: Results from getpw*() routines.\n\nThis object may be accessed either as a tuple of\n  (pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\nor via the object attributes as named in the above tuple.",
      fields: ["pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"],
      n_in_sequence: 7,
    });
  }
  return StructPwdType;
}

/** A database string as PyUnicode_DecodeFSDefault gives it (UTF-8, surrogateescape). */
function fsString(s: string): PyVal {
  return PyUnicode_FromString(fsdecode(new TextEncoder().encode(s)));
}

/** _PyLong_FromUid: (uid_t)-1 is -1, every other id unsigned. */
function idOut(id: number): number {
  return id === -1 || id === 0xffffffff ? -1 : id;
}

function mkpwent(p: HostPasswd): PyVal {
  return PyStructSequence_New(structPwdType(), [fsString(p.name), fsString(p.passwd), idOut(p.uid), idOut(p.gid),
    fsString(p.gecos), fsString(p.dir), fsString(p.shell)]);
}

function pwd_getpwuid(_m: PyVal, uidobj: PyVal): PyVal {
  let uid: number;
  try {
    uid = _Py_Id_Converter(uidobj, "uid");
  } catch (e) {
    if (e instanceof PyBaseExceptionObject && PyType_IsSubtype(e.ob_type, PyExc_OverflowError)) return PyErr_Format(PyExc_KeyError, "getpwuid(): uid not found");
    throw e;
  }
  const want = uid === -1 ? 0xffffffff : uid;
  for (const p of hostProc().users()) if (p.uid === want) return mkpwent(p);
  return PyErr_Format(PyExc_KeyError, `getpwuid(): uid not found: ${uid}`);
}

function pwd_getpwnam(_m: PyVal, name: PyVal): PyVal {
  if (!PyUnicode_Check(name)) {
    return PyErr_Format(PyExc_TypeError, `getpwnam() argument must be str, not ${Py_TYPE(name).tp_name}`);
  }
  const bytes = fsencode(name.value);
  if (bytes.includes(0)) return PyErr_Format(PyExc_ValueError, "embedded null byte");
  const key = fsdecode(bytes);
  for (const p of hostProc().users()) if (fsdecode(new TextEncoder().encode(p.name)) === key) return mkpwent(p);
  return PyErr_Format(PyExc_KeyError, `getpwnam(): name not found: ${PyObject_Repr(name).value}`);
}

function pwd_getpwall(): PyVal {
  return PyList_New(hostProc().users().map(mkpwent));
}

export const pwdmodule: PyModuleDef = {
  m_name: "pwd",
  m_doc: "This module provides access to the Unix password database.\nIt is available on all Unix versions.\n\nPassword database entries are reported as 7-tuples containing the following\nitems from the password database (see `<pwd.h>'), in order:\npw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\nThe uid and gid items are integers, all others are strings. An\nexception is raised if the entry asked for cannot be found.",
  m_methods: [
    { name: "getpwuid", meth: pwd_getpwuid, flags: METH_O,
      doc: "getpwuid($module, uidobj, /)\n--\n\nReturn the password database entry for the given numeric user ID.\n\nSee `help(pwd)` for more on password database entries." },
    { name: "getpwnam", meth: pwd_getpwnam, flags: METH_O,
      doc: "getpwnam($module, name, /)\n--\n\nReturn the password database entry for the given user name.\n\nSee `help(pwd)` for more on password database entries." },
    { name: "getpwall", meth: pwd_getpwall, flags: METH_NOARGS,
      doc: "getpwall($module, /)\n--\n\nReturn a list of all available password database entries, in arbitrary order.\n\nSee help(pwd) for more on password database entries." },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "struct_passwd", structPwdType());
  },
};
