// CPython's text for the stdlib files pyodide patched: pyodide 0.29.3 builds python_stdlib.zip from CPython 3.13.2's
// Lib with its patches (pyodide's cpython/patches/*.patch), three of which touch Lib/. Each row below names one
// patched member by its CRC-32 and size in that zip and lists the lines pyodide added; ZipArchive.read removes them,
// so Typhon compiles, caches and shows CPython's text. Rationale and the full list: docs/imports.md.
import type { ZipEntry } from "./stdlib_zip.js";

/** One patched member: the archive's facts, the lines pyodide inserted (at 1-based line numbers of the archived
 *  text, in increasing order), and the CRC-32 and size of the text once they are removed (CPython 3.13.2's file). */
interface RestoreRow {
  readonly name: string;
  readonly archiveCrc: number;
  readonly archiveSize: number;
  readonly inserted: readonly { readonly line: number; readonly text: readonly string[] }[];
  readonly restoredCrc: number;
  readonly restoredSize: number;
}

export const STDLIB_RESTORE: readonly RestoreRow[] = [
  {
    // 0004-Warn-if-ZoneInfo-is-imported-without-tzdata.patch: a pyodide-specific ZoneInfoNotFoundError message.
    name: "zoneinfo/_common.py", archiveCrc: 0x4805e817, archiveSize: 5576,
    inserted: [{
      line: 14,
      text: [
        "        import sys",
        "        if \"tzdata\" not in sys.modules:",
        "            raise ZoneInfoNotFoundError(",
        "                f\"No time zone found with key {key}. \\n\"",
        "                \" On Pyodide you must do pyodide.loadPackage('tzdata')\"",
        "                \" package before you use zoneinfo.\")",
      ],
    }],
    restoredCrc: 0xe907d7af, restoredSize: 5294,
  },
  {
    // 0010-Teach-json-encoder.py-to-encode-jsnull.patch: `_JSNULL = None` (pyodide's JS null) and four branches
    // that never run in CPython (each follows the `is None` test), but shift every later line number.
    name: "json/encoder.py", archiveCrc: 0x2438263b, archiveSize: 16335,
    inserted: [
      { line: 36, text: ["_JSNULL = None"] },
      { line: 307, text: ["            elif value is _JSNULL:", "                yield buf + 'null'"] },
      { line: 374, text: ["            elif key is _JSNULL:", "                key = 'null'"] },
      { line: 394, text: ["            elif key is _JSNULL:", "                yield 'null'"] },
      { line: 426, text: ["        elif o is _JSNULL:", "            yield 'null'"] },
    ],
    restoredCrc: 0x2f9a9542, restoredSize: 16074,
  },
  {
    // 0002-Add-emscripten-platform-support-to-ctypes.util.find_.patch: a find_library for sys.platform ==
    // "emscripten" (dead code on Typhon's "linux"; restored so ctypes/util.py reads as CPython's).
    name: "ctypes/util.py", archiveCrc: 0x4225e4b5, archiveSize: 14992,
    inserted: [{
      line: 83,
      text: [
        "elif os.name == \"posix\" and sys.platform == \"emscripten\":",
        "    def _is_wasm(filename):",
        "        # Return True if the given file is an WASM module",
        "        wasm_header = b'\\x00asm'",
        "        with open(filename, 'br') as thefile:",
        "            return thefile.read(4) == wasm_header",
        "",
        "    def find_library(name):",
        "        possible = ['lib%s.so' % name,",
        "                    'lib%s.wasm' % name]",
        "",
        "        paths = os.environ.get('LD_LIBRARY_PATH', '')",
        "        for dir in paths.split(\":\"):",
        "            for name in possible:",
        "                libfile = os.path.join(dir, name)",
        "",
        "                if os.path.isfile(libfile):",
        "                    if not _is_wasm(libfile):",
        "                        continue",
        "",
        "                    return libfile",
        "",
        "        return None",
        "",
      ],
    }],
    restoredCrc: 0x802e920d, restoredSize: 14252,
  },
];

/** Rewritten entries -> their row (the entry then carries the restored text's CRC-32 and size). */
const restored = new WeakMap<ZipEntry, RestoreRow>();

/** At directory reading: a member that is exactly pyodide's patched file becomes an entry with the CRC-32 and size
 *  of CPython's text, so caches keyed by them (zipimport's compiled-code cache) never mix the two texts. */
export function restoreEntry(e: ZipEntry): ZipEntry {
  for (const row of STDLIB_RESTORE) {
    if (row.name === e.name && row.archiveCrc === e.crc && row.archiveSize === e.size) {
      const r: ZipEntry = { ...e, crc: row.restoredCrc, size: row.restoredSize };
      restored.set(r, row);
      return r;
    }
  }
  return e;
}

/** The CRC-32 and size of the member as stored in the archive (what ZipArchive.read checks the inflated bytes against). */
export function storedFacts(e: ZipEntry): { readonly crc: number; readonly size: number } {
  const row = restored.get(e);
  return row === undefined ? e : { crc: row.archiveCrc, size: row.archiveSize };
}

/** The member's text with pyodide's lines removed, when `e` is a restored entry; the bytes unchanged otherwise (also
 *  when a listed span does not read as expected, which the CRC-32 check makes impossible short of a wrong table). */
export function restoreText(e: ZipEntry, data: Uint8Array): Uint8Array {
  const row = restored.get(e);
  if (row === undefined) return data;
  return removeInserted(row, data) ?? data;
}

/** Remove a row's inserted lines from the archived bytes; null if they are not where the row says. */
export function removeInserted(row: RestoreRow, data: Uint8Array): Uint8Array | null {
  const lines = new TextDecoder().decode(data).split("\n");
  const keep: string[] = [];
  let next = 0;
  for (const span of row.inserted) {
    const at = span.line - 1;
    if (at < next) return null;
    for (; next < at; next++) keep.push(lines[next]);
    for (let k = 0; k < span.text.length; k++) if (lines[at + k] !== span.text[k]) return null;
    next = at + span.text.length;
  }
  for (; next < lines.length; next++) keep.push(lines[next]);
  return new TextEncoder().encode(keep.join("\n"));
}
