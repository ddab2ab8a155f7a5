// The table of built-in modules (Modules/config.c, _PyImport_Inittab): name -> definition. sys, builtins and _imp
// are created by the runtime itself. Add a native module by adding its row here. See docs/imports.md.
import type { PyModuleDef } from "./moduledef.js";
import { posixmodule } from "./posixmodule.js";
import { marshalmodule } from "./marshalmodule.js";
import { threadmodule } from "./_threadmodule.js";
import { selectmodule } from "./selectmodule.js";
import { socketmodule } from "./socketmodule.js";
import { posixsubprocessmodule } from "./_posixsubprocess.js";
import { weakrefmodule } from "./_weakref.js";
import { warningsmodule } from "./_warnings.js";
import { timemodule } from "./timemodule.js";
import { iomodule } from "./_io/_iomodule.js";
import { zipimportmodule } from "./zipimport.js";
import { errnomodule } from "./errnomodule.js";
import { atexitmodule } from "./atexitmodule.js";
import { signalmodule } from "./signalmodule.js";
import { codecsmodule } from "./_codecsmodule.js";
import { itertoolsmodule } from "./itertoolsmodule.js";
import { gcmodule } from "./gcmodule.js";
import { collectionsmodule } from "./_collectionsmodule.js";
import { opcodemodule } from "./_opcode.js";
import { zlibmodule } from "./zlibbinding.js";
import { operatormodule } from "./_operator.js";
import { structmodule } from "./_struct.js";
import { binasciimodule } from "./binascii.js";
import { csvmodule } from "./_csv.js";
import { unicodedatamodule } from "./unicodedata.js";
import { sysconfigdatamodule, SYSCONFIGDATA_NAME } from "./sysconfigdata.js";
import { md5module, sha1module, sha2module, sha3module, blake2module } from "./hashmodules.js";
import { stringmodule } from "./_stringmodule.js";
import { sremodule } from "./_sre/module.js";
import { mathmodule } from "./mathmodule.js";
import { randommodule } from "./_randommodule.js";
import { decimalmodule } from "./_decimal/_decimal.js";
import { pyexpatmodule } from "./pyexpat.js";
import { heapqmodule } from "./_heapqmodule.js";
import { bisectmodule } from "./_bisectmodule.js";
import { abcmodule } from "./_abcmodule.js";
import { cmathmodule } from "./cmathmodule.js";
import { jsonmodule } from "./_json.js";
import { localemodule } from "./_localemodule.js";
import { statmodule } from "./_stat.js";
import { functoolsmodule } from "./_functoolsmodule.js";
import { arraymodule } from "./arraymodule.js";
import { contextvarsmodule } from "./_contextvarsmodule.js";
import { astmodule } from "./_ast/module.js";
import { symtablemodule } from "./symtablemodule.js";
import { tokenizemodule } from "./_tokenize.js";
import { typingmodule } from "./_typingmodule.js";
import { pwdmodule } from "./pwdmodule.js";
import { grpmodule } from "./grpmodule.js";
import { datetimemodule } from "./_datetimemodule.js";
import { picklemodule } from "./_pickle/_pickle.js";
import { zoneinfomodule } from "./_zoneinfo.js";
import { bz2module } from "./_bz2/_bz2module.js";
import { lzmamodule, lzmapymodule } from "./_lzma/_lzmamodule.js";

export const _PyImport_Inittab: ReadonlyMap<string, PyModuleDef> = new Map([
  ["posix", posixmodule],
  ["marshal", marshalmodule],
  ["_thread", threadmodule],
  ["select", selectmodule],
  ["_socket", socketmodule],
  ["_posixsubprocess", posixsubprocessmodule],
  ["_weakref", weakrefmodule],
  ["_warnings", warningsmodule],
  ["time", timemodule],
  ["_io", iomodule],
  ["zipimport", zipimportmodule],
  ["errno", errnomodule],
  ["atexit", atexitmodule],
  ["_signal", signalmodule],
  ["_codecs", codecsmodule],
  ["itertools", itertoolsmodule],
  ["gc", gcmodule],
  ["_collections", collectionsmodule],
  ["_opcode", opcodemodule],
  ["zlib", zlibmodule],
  ["_operator", operatormodule],
  ["_struct", structmodule],
  ["binascii", binasciimodule],
  ["_csv", csvmodule],
  ["unicodedata", unicodedatamodule],
  [SYSCONFIGDATA_NAME, sysconfigdatamodule],
  ["_md5", md5module],
  ["_sha1", sha1module],
  ["_sha2", sha2module],
  ["_sha3", sha3module],
  ["_blake2", blake2module],
  ["_string", stringmodule],
  ["_sre", sremodule],
  ["math", mathmodule],
  ["_random", randommodule],
  ["_decimal", decimalmodule],
  ["pyexpat", pyexpatmodule],
  ["_heapq", heapqmodule],
  ["_bisect", bisectmodule],
  ["_abc", abcmodule],
  ["cmath", cmathmodule],
  ["_json", jsonmodule],
  ["_locale", localemodule],
  ["_stat", statmodule],
  ["_functools", functoolsmodule],
  ["array", arraymodule],
  ["_contextvars", contextvarsmodule],
  ["_ast", astmodule],
  ["_symtable", symtablemodule],
  ["_tokenize", tokenizemodule],
  ["_typing", typingmodule],
  ["pwd", pwdmodule],
  ["grp", grpmodule],
  ["_datetime", datetimemodule],
  ["_pickle", picklemodule],
  ["_zoneinfo", zoneinfomodule],
  ["_bz2", bz2module],
  ["_lzma", lzmamodule],
  ["lzma", lzmapymodule],
]);
