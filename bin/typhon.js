#!/usr/bin/env node
// The `typhon` command: CPython's command-line shape (see `typhon -h`), running on the Node.js host.
import { createNodeHost } from "../dist/src/host/node.js";
import { Py_Main } from "../dist/src/runtime/main.js";

const status = Py_Main(createNodeHost(), process.argv.slice(2));
// A negative status is a signal to die of (CPython re-raises SIGINT after an unhandled KeyboardInterrupt).
if (status < 0) process.kill(process.pid, -status === 2 ? "SIGINT" : "SIGTERM");
else process.exitCode = status;
