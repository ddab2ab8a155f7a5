// zoneinfo on Typhon's native _zoneinfo (src/modules/_zoneinfo.ts): tests/golden/zoneinfo/zoneinfo_cases.py walks every
// transition of 20 real zones (their TZif files are in tests/golden/zoneinfo/tzdata, the only TZPATH entry), folds and
// gaps, far past and future, 26 valid and 31 invalid POSIX TZ strings in synthetic TZif files, fromutc, errors, caches,
// subclasses and pickling, and must print what CPython 3.13 printed (tools/capture_cases.py zoneinfo). Then a run on
// the in-memory host: TZPATH is sysconfig's, files come through the host's file system, a missing key is CPython's error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import "../../../src/runtime/main.js";
import { Py_Main } from "../../../src/runtime/main.js";
import { createMemoryHost } from "../../../src/host/memory.js";
import { assertCasesMatchCPython } from "./golden_program.js";

const ROOT = join(import.meta.dirname, "..", "..", "..", "..");

/** Lines (by label) whose result differs from CPython's, with the reason (none is in _zoneinfo itself). */
const KNOWN: ReadonlyMap<string, string> = new Map([
  ["doc", "descrobject.ts: a classmethod_descriptor has no __doc__, and method descriptors have no __text_signature__"],
]);

test("zoneinfo: every case of zoneinfo_cases.py as CPython 3.13", () => {
  assertCasesMatchCPython("zoneinfo", KNOWN);
});

test("zoneinfo on the in-memory host: the host's tz database through the file-system door, else ZoneInfoNotFoundError", () => {
  const frozen = join(ROOT, "dist", "frozen.bin");
  const zip = join(ROOT, "node_modules", "pyodide", "python_stdlib.zip");
  const paris = join(ROOT, "tests", "golden", "zoneinfo", "tzdata", "Europe", "Paris");
  let out = "", err = "";
  const dec = new TextDecoder();
  const host = createMemoryHost({
    files: {
      "/typhon/dist/frozen.bin": new Uint8Array(readFileSync(frozen)),
      "/typhon/node_modules/pyodide/python_stdlib.zip": new Uint8Array(readFileSync(zip)),
      "/usr/share/zoneinfo/Europe/Paris": new Uint8Array(readFileSync(paris)),
      "/home/main.py": [
        "import zoneinfo, datetime",
        "print(zoneinfo.TZPATH, sorted(zoneinfo.available_timezones()))",
        "z = zoneinfo.ZoneInfo('Europe/Paris')",
        "print(repr(z), datetime.datetime(2024, 7, 1, 12, tzinfo=z).isoformat())",
        "for key in ('America/New_York', 'Europe/Paris'):",
        "    zoneinfo.reset_tzpath(['/nowhere'])",
        "    try:",
        "        zoneinfo.ZoneInfo.no_cache(key)",
        "    except zoneinfo.ZoneInfoNotFoundError as e:",
        "        print(type(e).__name__, e)",
        "",
      ].join("\n"),
    },
    cwd: "/home",
    home: "/typhon/dist",
    stdout: (b) => { out += dec.decode(b); },
    stderr: (b) => { err += dec.decode(b); },
    env: { PYTHONHASHSEED: "0" },
  });
  const status = Py_Main(host, ["main.py"]);
  assert.equal(err, "");
  assert.equal(status, 0);
  assert.equal(out, [
    "('/usr/share/zoneinfo', '/usr/lib/zoneinfo', '/usr/share/lib/zoneinfo', '/etc/zoneinfo') ['Europe/Paris']",
    "zoneinfo.ZoneInfo(key='Europe/Paris') 2024-07-01T12:00:00+02:00",
    "ZoneInfoNotFoundError 'No time zone found with key America/New_York'",
    "ZoneInfoNotFoundError 'No time zone found with key Europe/Paris'",
    "",
  ].join("\n"));
});
