// The grp module (Modules/grpmodule.c): the group database as the host keeps it (HostProcess.groups: /etc/group on
// Node, the user's own group in memory), struct_group, and CPython's KeyErrors. See docs/imports.md ("The host").
import { METH_NOARGS, METH_FASTCALL, METH_KEYWORDS, Py_TYPE, type PyTypeObject, type PyVal } from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyExc_KeyError, PyExc_TypeError, PyExc_ValueError } from "../objects/exceptions.js";
import { PyObject_Repr } from "../objects/abstract.js";
import { PyStructSequence_NewType, PyStructSequence_New } from "../objects/structseq.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { _Py_Id_Converter, fsdecode, fsencode } from "./posixmodule.js";
import { hostProc } from "../host/current.js";
import type { HostGroup } from "../host/host.js";

let StructGrpType: PyTypeObject | null = null;

function structGrpType(): PyTypeObject {
  if (StructGrpType === null) {
    StructGrpType = PyStructSequence_NewType({
      name: "grp.struct_group",
      doc: "grp.struct_group: Results from getgr*() routines.\n\nThis object may be accessed either as a tuple of\n  (gr_name,gr_passwd,gr_gid,gr_mem)\nor via the object attributes as named in the above tuple.\n",
      fields: ["gr_name", "gr_passwd", "gr_gid", "gr_mem"],
      n_in_sequence: 4,
    });
  }
  return StructGrpType;
}

function fsString(s: string): PyVal {
  return PyUnicode_FromString(fsdecode(new TextEncoder().encode(s)));
}

function mkgrent(g: HostGroup): PyVal {
  return PyStructSequence_New(structGrpType(), [fsString(g.name), fsString(g.passwd),
    g.gid === 0xffffffff ? -1 : g.gid, PyList_New(g.members.map(fsString))]);
}

function grp_getgrgid(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [id] = parseArgs("getgrgid", args, kwnames, ["id"], 1, 1);
  const gid = _Py_Id_Converter(id!, "gid");
  const want = gid === -1 ? 0xffffffff : gid;
  for (const g of hostProc().groups()) if (g.gid === want) return mkgrent(g);
  return PyErr_Format(PyExc_KeyError, `getgrgid(): gid not found: ${gid}`);
}

function grp_getgrnam(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [name] = parseArgs("getgrnam", args, kwnames, ["name"], 1, 1);
  if (!PyUnicode_Check(name!)) {
    return PyErr_Format(PyExc_TypeError, `getgrnam() argument 1 must be str, not ${Py_TYPE(name!).tp_name}`);
  }
  const bytes = fsencode(name.value);
  if (bytes.includes(0)) return PyErr_Format(PyExc_ValueError, "embedded null byte");
  const key = fsdecode(bytes);
  for (const g of hostProc().groups()) if (fsdecode(new TextEncoder().encode(g.name)) === key) return mkgrent(g);
  return PyErr_Format(PyExc_KeyError, `getgrnam(): name not found: ${PyObject_Repr(name).value}`);
}

function grp_getgrall(): PyVal {
  return PyList_New(hostProc().groups().map(mkgrent));
}

export const grpmodule: PyModuleDef = {
  m_name: "grp",
  m_doc: "Access to the Unix group database.\n\nGroup entries are reported as 4-tuples containing the following fields\nfrom the group database, in order:\n\n  gr_name   - name of the group\n  gr_passwd - group password (encrypted); often empty\n  gr_gid    - numeric ID of the group\n  gr_mem    - list of members\n\nThe gid is an integer, name and password are strings.  (Note that most\nusers are not explicitly listed as members of the groups they are in\naccording to the password database.  Check both databases to get\ncomplete membership information.)",
  m_methods: [
    { name: "getgrgid", meth: grp_getgrgid, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "getgrgid($module, /, id)\n--\n\nReturn the group database entry for the given numeric group ID.\n\nIf id is not valid, raise KeyError." },
    { name: "getgrnam", meth: grp_getgrnam, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "getgrnam($module, /, name)\n--\n\nReturn the group database entry for the given group name.\n\nIf name is not valid, raise KeyError." },
    { name: "getgrall", meth: grp_getgrall, flags: METH_NOARGS,
      doc: "getgrall($module, /)\n--\n\nReturn a list of all available group entries, in arbitrary order.\n\nAn entry whose name starts with '+' or '-' represents an instruction\nto use YP/NIS and may not be accessible via getgrnam or getgrgid." },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "struct_group", structGrpType());
  },
};
