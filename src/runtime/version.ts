// Version numbers: the Python language version Typhon implements, and Typhon's own (CPython's Include/patchlevel.h).
export const PY_MAJOR_VERSION = 3;
export const PY_MINOR_VERSION = 13;
export const PY_MICRO_VERSION = 0;
export const PY_VERSION = `${PY_MAJOR_VERSION}.${PY_MINOR_VERSION}.${PY_MICRO_VERSION}`;
export const TYPHON_VERSION = "0.1.0";
