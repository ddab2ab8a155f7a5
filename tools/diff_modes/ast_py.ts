// The "ast_py" differential mode: the stdlib's `ast` module run by Typhon itself (tools/diff_modes/ast_py.py
// under both interpreters, so Typhon's native module and everything Python above it are compared with CPython).
import type { DiffMode } from "./mode.js";
import { runPythonMode } from "./python_runner.js";

export const mode: DiffMode = {
  name: "ast_py",
  cpythonScript: "tools/diff_modes/ast_py.py",
  typhon: (path) => runPythonMode("tools/diff_modes/ast_py.py", path),
};
