// The _socket module (Modules/socketmodule.c) as far as a sandbox can honestly offer it: socketpair() over an
// in-memory channel (asyncio's self-pipe, threads talking to each other); creating any other socket raises
// PermissionError, as on a platform whose sandbox forbids the socket() call. See docs/modules.md, "select, _socket".
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O,
  METH_FASTCALL, METH_KEYWORDS, type PyVal, type PyUnicodeObject,
} from "../objects/object.js";
import { Py_True, Py_False, PyBool_FromLong } from "../objects/boolobject.js";
import { PyFloat_FromDouble, PyFloat_AsDouble } from "../objects/floatobject.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyBytes_FromArray } from "../objects/bytesobject.js";
import { PyObject_GetBufferData } from "../objects/memoryobject.js";
import { PyByteArrayObject } from "../objects/bytearrayobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyExc_OSError, PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError } from "../objects/exceptions.js";
import { PyObject_IsTrue, PyNumber_Index, PyObject_Vectorcall } from "../objects/abstract.js";
import { longValue } from "../objects/longobject.js";
import { PyErr_Format, _PyErr_CreateException } from "../runtime/errors.js";
import { PyDict_New, PyDict_SetItemString } from "../objects/dictobject.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { PyErr_SetFromErrno } from "./posixmodule.js";
import { hostProc } from "../host/current.js";
import { _PyThread_BeginWait, _PyThread_Wait, _PyThread_Wake } from "../vm/threads.js";
import { PyCapsule_New } from "../objects/capsule.js";

const AF_UNIX = 1;
const AF_INET = 2;
const AF_INET6 = 10;
const SOCK_STREAM = 1;
const SOCK_DGRAM = 2;
const SOCK_NONBLOCK = 0o4000;
const SOCK_CLOEXEC = 0o2000000;
const EPERM = 1;
const EBADF = 9;
const EAGAIN = 11;
const EPIPE = 32;
const EINVAL = 22;
const ENOTCONN = 107;
const EAFNOSUPPORT = 97;

/** One end of an in-memory stream: the bytes sent to it and not yet received. */
export class Endpoint {
  fd: number;
  chunks: Uint8Array[];
  size: number;
  peer: Endpoint | null;
  /** No more data will arrive (the peer closed or shut down its writing side). */
  eof: boolean;
  closed: boolean;
  constructor(fd: number) {
    this.fd = fd;
    this.chunks = [];
    this.size = 0;
    this.peer = null;
    this.eof = false;
    this.closed = false;
  }
  readable(): boolean {
    return this.size > 0 || this.eof || this.closed;
  }
  writable(): boolean {
    return true;
  }
}

/** In-memory descriptors, numbered apart from the host's (DEVIATION: a host fd of the same number is shadowed). */
const FD_BASE = 1000;
const endpoints = new Map<number, Endpoint>();
let nextFd = FD_BASE;

/** The in-memory endpoint behind descriptor `fd`, if it is one (select uses it). */
export function _PySocket_Endpoint(fd: number): Endpoint | undefined {
  return endpoints.get(fd);
}

function newEndpoint(): Endpoint {
  while (endpoints.has(nextFd)) nextFd++;
  const e = new Endpoint(nextFd++);
  endpoints.set(e.fd, e);
  return e;
}

function closeEndpoint(e: Endpoint): void {
  if (e.closed) return;
  e.closed = true;
  endpoints.delete(e.fd);
  if (e.peer !== null) e.peer.eof = true;
  _PyThread_Wake();
}

export const PySocket_Type = PyType_Declare("_socket.socket");
let defaultTimeout = -1; // seconds; -1: None (blocking)

class PySocketObject extends PyObject {
  sock_fd: number;
  sock_family: number;
  sock_type: number;
  sock_proto: number;
  /** -1: blocking (None), 0: non-blocking, > 0: seconds. */
  sock_timeout: number;
  constructor(type: PyTypeObject) {
    super(type);
    this.sock_fd = -1;
    this.sock_family = AF_UNIX;
    this.sock_type = SOCK_STREAM;
    this.sock_proto = 0;
    this.sock_timeout = defaultTimeout;
  }
}

function endpointOf(s: PySocketObject): Endpoint {
  const e = s.sock_fd < 0 ? undefined : endpoints.get(s.sock_fd);
  if (e === undefined) return PyErr_SetFromErrno(EBADF);
  return e;
}

/** The builtin TimeoutError (socket.timeout), found through OSError's errno mapping (ETIMEDOUT). */
function timeoutError(): PyTypeObject {
  return (_PyErr_CreateException(PyExc_OSError, [110, PyUnicode_FromString("")]) as PyObject).ob_type;
}

function sandboxRefusal(): never {
  // DEVIATION: no network in the sandbox; socket(2) fails as under a seccomp policy that forbids it.
  return PyErr_SetFromErrno(EPERM);
}

function sock_initobj(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const s = self as PySocketObject;
  const [f, t, p, fileno] = parseArgs("socket", args, kwnames, ["family", "type", "proto", "fileno"], 0, 4);
  const family = f === undefined ? -1 : Number(longValue(PyNumber_Index(f)));
  let type = t === undefined ? -1 : Number(longValue(PyNumber_Index(t)));
  const proto = p === undefined ? -1 : Number(longValue(PyNumber_Index(p)));
  if (fileno !== undefined && fileno !== Py_None) {
    const fd = Number(longValue(PyNumber_Index(fileno)));
    if (fd < 0) PyErr_Format(PyExc_ValueError, "negative file descriptor");
    if (!endpoints.has(fd)) PyErr_SetFromErrno(EBADF);
    s.sock_fd = fd;
    s.sock_family = family === -1 ? AF_UNIX : family;
    s.sock_type = type === -1 ? SOCK_STREAM : type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s.sock_proto = proto === -1 ? 0 : proto;
    s.sock_timeout = (type !== -1 && (type & SOCK_NONBLOCK)) ? 0 : defaultTimeout;
    return;
  }
  if (type === -1) type = SOCK_STREAM;
  if (family !== -1 && family !== AF_UNIX && family !== AF_INET && family !== AF_INET6) PyErr_SetFromErrno(EAFNOSUPPORT);
  sandboxRefusal();
}

function timeoutArg(v: PyVal): number {
  if (v === Py_None) return -1;
  const d = PyFloat_AsDouble(v);
  if (Number.isNaN(d)) PyErr_Format(PyExc_ValueError, "Invalid value NaN (not a number)");
  if (d < 0) PyErr_Format(PyExc_ValueError, "Timeout value out of range");
  return d;
}

/** Wait (letting other threads run) until `ready` holds, honouring the socket's timeout mode. */
function sockWait(s: PySocketObject, impl: unknown, ready: () => boolean): void {
  const w = _PyThread_BeginWait(s, impl);
  if (ready()) return;
  if (s.sock_timeout === 0) PyErr_SetFromErrno(EAGAIN);
  if (!_PyThread_Wait(w, ready, s.sock_timeout)) {
    throw _PyErr_CreateException(timeoutError(), [PyUnicode_FromString("timed out")]);
  }
}

function take(e: Endpoint, n: number): Uint8Array {
  const out = new Uint8Array(Math.min(n, e.size));
  let off = 0;
  while (off < out.length) {
    const c = e.chunks[0];
    const k = Math.min(c.length, out.length - off);
    out.set(c.subarray(0, k), off);
    off += k;
    if (k === c.length) e.chunks.shift();
    else e.chunks[0] = c.subarray(k);
  }
  e.size -= out.length;
  return out;
}

function sock_recv(self: PyVal, args: PyVal[]): PyVal {
  const s = self as PySocketObject;
  if (args.length < 1) return PyErr_Format(PyExc_TypeError, "recv expected at least 1 argument, got 0");
  const n = Number(longValue(PyNumber_Index(args[0])));
  if (n < 0) return PyErr_Format(PyExc_ValueError, "negative buffersize in recv");
  const e = endpointOf(s);
  sockWait(s, sock_recv, () => e.readable());
  return PyBytes_FromArray(take(e, n));
}

function sock_recv_into(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const s = self as PySocketObject;
  const [buf, nb] = parseArgs("recv_into", args, kwnames, ["buffer", "nbytes", "flags"], 1, 3);
  if (!(buf instanceof PyByteArrayObject)) {
    const data = PyObject_GetBufferData(buf!);
    if (data === null) return PyErr_Format(PyExc_TypeError, "recv_into() argument 'buffer' must be read-write bytes-like object");
  }
  const target = PyObject_GetBufferData(buf!)!;
  let n = nb === undefined ? 0 : Number(longValue(PyNumber_Index(nb)));
  if (n === 0) n = target.length;
  const e = endpointOf(s);
  sockWait(s, sock_recv_into, () => e.readable());
  const got = take(e, n);
  target.set(got, 0);
  return got.length;
}

function sock_send(self: PyVal, args: PyVal[]): PyVal {
  const s = self as PySocketObject;
  if (args.length < 1) return PyErr_Format(PyExc_TypeError, "send expected at least 1 argument, got 0");
  const data = PyObject_GetBufferData(args[0]);
  if (data === null) return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${(args[0] as PyObject).ob_type.tp_name}'`);
  const e = endpointOf(s);
  const p = e.peer;
  if (p === null) return PyErr_SetFromErrno(ENOTCONN);
  if (p.closed) return PyErr_SetFromErrno(EPIPE);
  if (data.length > 0) {
    p.chunks.push(data.slice());
    p.size += data.length;
    _PyThread_Wake();
  }
  return data.length;
}

function sock_sendall(self: PyVal, args: PyVal[]): PyVal {
  sock_send(self, args);
  return Py_None;
}

function sock_close(self: PyVal): PyVal {
  const s = self as PySocketObject;
  const e = s.sock_fd < 0 ? undefined : endpoints.get(s.sock_fd);
  s.sock_fd = -1;
  if (e !== undefined) closeEndpoint(e);
  return Py_None;
}

function sock_shutdown(self: PyVal, how: PyVal): PyVal {
  const s = self as PySocketObject;
  const e = endpointOf(s);
  const h = Number(longValue(PyNumber_Index(how)));
  if (h < 0 || h > 2) return PyErr_SetFromErrno(EINVAL);
  if (h !== 0 && e.peer !== null) e.peer.eof = true; // SHUT_WR or SHUT_RDWR: the peer reads EOF
  _PyThread_Wake();
  if (h !== 1) e.eof = true;
  return Py_None;
}

function sock_repr(self: PyVal): PyUnicodeObject {
  const s = self as PySocketObject;
  return PyUnicode_FromString(`<socket object, fd=${s.sock_fd}, family=${s.sock_family}, type=${s.sock_type}, proto=${s.sock_proto}>`);
}

PyType_FromSpecStatic({
  name: "_socket.socket",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\nsocket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\nOpen a socket of the given type.",
  slots: {
    tp_new: (t) => new PySocketObject(t),
    tp_init: sock_initobj,
    tp_repr: sock_repr,
  },
  methods: [
    { name: "recv", meth: sock_recv, flags: METH_FASTCALL },
    { name: "recv_into", meth: sock_recv_into, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "send", meth: sock_send, flags: METH_FASTCALL },
    { name: "sendall", meth: sock_sendall, flags: METH_FASTCALL },
    { name: "close", meth: sock_close, flags: METH_NOARGS },
    { name: "detach", meth: (s: PyVal) => { const so = s as PySocketObject; const fd = so.sock_fd; so.sock_fd = -1; return fd; }, flags: METH_NOARGS },
    { name: "fileno", meth: (s: PyVal) => (s as PySocketObject).sock_fd, flags: METH_NOARGS },
    { name: "shutdown", meth: sock_shutdown, flags: METH_O },
    { name: "setblocking", meth: (s: PyVal, v: PyVal) => { (s as PySocketObject).sock_timeout = PyObject_IsTrue(v) ? -1 : 0; return Py_None; }, flags: METH_O },
    { name: "getblocking", meth: (s: PyVal) => PyBool_FromLong((s as PySocketObject).sock_timeout !== 0), flags: METH_NOARGS },
    { name: "settimeout", meth: (s: PyVal, v: PyVal) => { (s as PySocketObject).sock_timeout = timeoutArg(v); return Py_None; }, flags: METH_O },
    { name: "gettimeout", meth: (s: PyVal) => { const t = (s as PySocketObject).sock_timeout; return t < 0 ? Py_None : PyFloat_FromDouble(t); }, flags: METH_NOARGS },
    { name: "getsockname", meth: (s: PyVal) => { endpointOf(s as PySocketObject); return PyUnicode_FromString(""); }, flags: METH_NOARGS },
    { name: "getpeername", meth: (s: PyVal) => { endpointOf(s as PySocketObject); return PyUnicode_FromString(""); }, flags: METH_NOARGS },
    { name: "setsockopt", meth: (s: PyVal) => { endpointOf(s as PySocketObject); return Py_None; }, flags: METH_FASTCALL },
    { name: "getsockopt", meth: (s: PyVal) => { endpointOf(s as PySocketObject); return 0; }, flags: METH_FASTCALL },
    { name: "bind", meth: () => sandboxRefusal(), flags: METH_O },
    { name: "listen", meth: () => sandboxRefusal(), flags: METH_FASTCALL },
    { name: "connect", meth: () => sandboxRefusal(), flags: METH_O },
    { name: "connect_ex", meth: () => sandboxRefusal(), flags: METH_O },
  ],
  getset: [
    { name: "family", get: (s) => (s as PySocketObject).sock_family },
    { name: "type", get: (s) => (s as PySocketObject).sock_type },
    { name: "proto", get: (s) => (s as PySocketObject).sock_proto },
    { name: "timeout", get: (s) => { const t = (s as PySocketObject).sock_timeout; return t < 0 ? Py_None : PyFloat_FromDouble(t); } },
  ],
}, PySocket_Type);

/** socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0): two connected in-memory sockets. */
function socket_socketpair(_m: PyVal, args: PyVal[]): PyVal {
  const family = args.length > 0 && args[0] !== Py_None ? Number(longValue(PyNumber_Index(args[0]))) : AF_UNIX;
  const type = args.length > 1 ? Number(longValue(PyNumber_Index(args[1]))) : SOCK_STREAM;
  const proto = args.length > 2 ? Number(longValue(PyNumber_Index(args[2]))) : 0;
  if (family !== AF_UNIX && family !== AF_INET && family !== AF_INET6) return PyErr_SetFromErrno(EAFNOSUPPORT);
  const a = newEndpoint();
  const b = newEndpoint();
  a.peer = b;
  b.peer = a;
  const mk = (e: Endpoint): PySocketObject => {
    const s = new PySocketObject(PySocket_Type);
    s.sock_fd = e.fd;
    s.sock_family = family;
    s.sock_type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s.sock_proto = proto;
    if (type & SOCK_NONBLOCK) s.sock_timeout = 0;
    return s;
  };
  return PyTuple_New([mk(a), mk(b)]);
}

function noNetwork(): never {
  // socket.gaierror(EAI_AGAIN, ...): what name resolution gives on a machine without a network.
  throw _PyErr_CreateException(gaierror!, [-3, PyUnicode_FromString("Temporary failure in name resolution")]);
}

let gaierror: PyTypeObject | null = null;

/** socket.herror / socket.gaierror: OSError subclasses whose __module__ is "socket" (PyErr_NewException). */
function newOSErrorSubclass(name: string): PyTypeObject {
  const ns = PyDict_New();
  PyDict_SetItemString(ns, "__module__", PyUnicode_FromString("socket"));
  return PyObject_Vectorcall(PyExc_OSError.ob_type, [PyUnicode_FromString(name), PyTuple_New([PyExc_OSError]), ns], null) as PyTypeObject;
}
let herror: PyTypeObject | null = null;

function htons(_m: PyVal, v: PyVal): PyVal {
  const x = Number(longValue(PyNumber_Index(v)));
  if (x < 0) return PyErr_Format(PyExc_ValueError, "htons: can't convert negative Python int to C 16-bit unsigned integer");
  if (x > 0xffff) return PyErr_Format(PyExc_ValueError, "htons: Python int too large to convert to C 16-bit unsigned integer");
  return ((x & 0xff) << 8) | (x >> 8);
}

function htonl(_m: PyVal, v: PyVal): PyVal {
  const x = Number(longValue(PyNumber_Index(v)));
  if (x < 0 || x > 0xffffffff) return PyErr_Format(PyExc_OverflowError, "int larger than 32 bits");
  return (((x & 0xff) << 24) >>> 0) + ((x & 0xff00) << 8) + ((x >>> 8) & 0xff00) + (x >>> 24);
}

const CONSTANTS: readonly (readonly [string, number])[] = [
  ["AF_UNSPEC", 0], ["AF_UNIX", AF_UNIX], ["AF_INET", AF_INET], ["AF_INET6", AF_INET6],
  ["SOCK_STREAM", SOCK_STREAM], ["SOCK_DGRAM", SOCK_DGRAM], ["SOCK_RAW", 3], ["SOCK_RDM", 4], ["SOCK_SEQPACKET", 5],
  ["SOCK_NONBLOCK", SOCK_NONBLOCK], ["SOCK_CLOEXEC", SOCK_CLOEXEC],
  ["SOL_SOCKET", 1], ["SO_REUSEADDR", 2], ["SO_TYPE", 3], ["SO_ERROR", 4], ["SO_BROADCAST", 6], ["SO_SNDBUF", 7],
  ["SO_RCVBUF", 8], ["SO_KEEPALIVE", 9], ["SO_LINGER", 13], ["SO_REUSEPORT", 15],
  ["IPPROTO_IP", 0], ["IPPROTO_TCP", 6], ["IPPROTO_UDP", 17], ["IPPROTO_IPV6", 41], ["TCP_NODELAY", 1],
  ["IPV6_V6ONLY", 26], ["SOMAXCONN", 4096],
  ["MSG_OOB", 1], ["MSG_PEEK", 2], ["MSG_DONTWAIT", 64], ["MSG_WAITALL", 256], ["MSG_NOSIGNAL", 16384],
  ["AI_PASSIVE", 1], ["AI_CANONNAME", 2], ["AI_NUMERICHOST", 4], ["AI_NUMERICSERV", 1024], ["AI_ADDRCONFIG", 32],
  ["NI_NUMERICHOST", 1], ["NI_NUMERICSERV", 2], ["NI_NAMEREQD", 8], ["NI_DGRAM", 16],
  ["SHUT_RD", 0], ["SHUT_WR", 1], ["SHUT_RDWR", 2],
  ["EAI_AGAIN", -3], ["EAI_NONAME", -2], ["EAI_FAIL", -4], ["EAI_FAMILY", -6],
  ["INADDR_ANY", 0], ["INADDR_LOOPBACK", 0x7f000001],
];

export const socketmodule: PyModuleDef = {
  m_name: "_socket",
  m_doc: "Implementation module for socket operations.\n\nSee the socket module for documentation.",
  m_methods: [
    { name: "socketpair", meth: socket_socketpair, flags: METH_FASTCALL },
    { name: "getdefaulttimeout", meth: () => defaultTimeout < 0 ? Py_None : PyFloat_FromDouble(defaultTimeout), flags: METH_NOARGS },
    { name: "setdefaulttimeout", meth: (_m: PyVal, v: PyVal) => { defaultTimeout = timeoutArg(v); return Py_None; }, flags: METH_O },
    { name: "gethostname", meth: () => PyUnicode_FromString(hostProc().uname().nodename), flags: METH_NOARGS },
    { name: "getaddrinfo", meth: () => noNetwork(), flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "gethostbyname", meth: () => noNetwork(), flags: METH_O },
    { name: "gethostbyname_ex", meth: () => noNetwork(), flags: METH_O },
    { name: "gethostbyaddr", meth: () => noNetwork(), flags: METH_O },
    { name: "getnameinfo", meth: () => noNetwork(), flags: METH_FASTCALL },
    { name: "htons", meth: htons, flags: METH_O },
    { name: "ntohs", meth: htons, flags: METH_O },
    { name: "htonl", meth: htonl, flags: METH_O },
    { name: "ntohl", meth: htonl, flags: METH_O },
    { name: "close", meth: (_m: PyVal, v: PyVal) => {
      const e = endpoints.get(Number(longValue(PyNumber_Index(v))));
      if (e === undefined) return PyErr_SetFromErrno(EBADF);
      closeEndpoint(e);
      return Py_None;
    }, flags: METH_O },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "socket", PySocket_Type);
    PyModule_Add(m, "SocketType", PySocket_Type);
    PyModule_Add(m, "error", PyExc_OSError);
    PyModule_Add(m, "timeout", timeoutError());
    herror ??= newOSErrorSubclass("herror");
    gaierror ??= newOSErrorSubclass("gaierror");
    PyModule_Add(m, "herror", herror);
    PyModule_Add(m, "gaierror", gaierror);
    PyModule_Add(m, "has_ipv6", Py_False);
    // PySocketModule_APIObject: what CPython's capsule points to (the socket type and error classes).
    PyModule_Add(m, "CAPI", PyCapsule_New({ Sock_Type: PySocket_Type, error: PyExc_OSError, timeout_error: timeoutError() }, "_socket.CAPI"));
    for (const [name, v] of CONSTANTS) PyModule_Add(m, name, v);
    void Py_True;
  },
};
