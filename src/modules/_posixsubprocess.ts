// The _posixsubprocess module (Modules/_posixsubprocess.c): fork_exec, which subprocess imports. A sandbox cannot
// start processes, so it fails as fork() does under a policy that forbids it (PermissionError, EPERM): subprocess and
// asyncio import, and Popen raises. See docs/modules.md, "select, _socket".
import { METH_FASTCALL, type PyVal } from "../objects/object.js";
import type { PyModuleDef } from "./moduledef.js";
import { PyErr_SetFromErrno } from "./posixmodule.js";

const EPERM = 1;

function fork_exec(_m: PyVal): PyVal {
  // DEVIATION: no child processes in the sandbox.
  return PyErr_SetFromErrno(EPERM);
}

export const posixsubprocessmodule: PyModuleDef = {
  m_name: "_posixsubprocess",
  m_doc: "A POSIX helper for the subprocess module.",
  m_methods: [
    { name: "fork_exec", meth: fork_exec, flags: METH_FASTCALL },
  ],
};
