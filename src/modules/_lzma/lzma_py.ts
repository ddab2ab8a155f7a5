// The Python layer of the `lzma` module (CPython's Lib/lzma.py API: LZMAFile, open, compress, decompress), which
// pyodide's stdlib zip leaves out. Typhon's own text, run as the body of the built-in `lzma` module over `_lzma` and
// the zip's `_compression`; error messages are CPython's. See docs/modules.md ("The lzma module").
export const LZMA_PY: string = String.raw`"""Interface to the liblzma compression library (Typhon's lzma over _lzma).

LZMAFile reads and writes .xz, .lzma and raw LZMA streams as binary files, open() adds text mode, and compress()
and decompress() work on whole buffers; LZMACompressor and LZMADecompressor come from _lzma.
"""

__all__ = [
    "CHECK_NONE", "CHECK_CRC32", "CHECK_CRC64", "CHECK_SHA256",
    "CHECK_ID_MAX", "CHECK_UNKNOWN",
    "FILTER_LZMA1", "FILTER_LZMA2", "FILTER_DELTA", "FILTER_X86", "FILTER_IA64",
    "FILTER_ARM", "FILTER_ARMTHUMB", "FILTER_POWERPC", "FILTER_SPARC",
    "FORMAT_AUTO", "FORMAT_XZ", "FORMAT_ALONE", "FORMAT_RAW",
    "MF_HC3", "MF_HC4", "MF_BT2", "MF_BT3", "MF_BT4",
    "MODE_FAST", "MODE_NORMAL", "PRESET_DEFAULT", "PRESET_EXTREME",

    "LZMACompressor", "LZMADecompressor", "LZMAFile", "LZMAError",
    "open", "compress", "decompress", "is_check_supported",
]

import builtins
import io
import os
from _lzma import *
from _lzma import _encode_filter_properties, _decode_filter_properties
import _compression

_MODE_READ = 1
_MODE_WRITE = 3
_READ_MODES = ("r", "rb")
_WRITE_MODES = ("w", "wb", "a", "ab", "x", "xb")


class LZMAFile(_compression.BaseStream):
    """A binary file whose contents are LZMA-compressed: a named file (str, bytes or path-like) opened here, or a
    file object already open for reading or writing."""

    def __init__(self, filename=None, mode="r", *, format=None, check=-1, preset=None, filters=None):
        self._fp = None
        self._closefp = False
        self._mode = None
        if mode in _READ_MODES:
            if check != -1:
                raise ValueError("Cannot specify an integrity check when opening a file for reading")
            if preset is not None:
                raise ValueError("Cannot specify a preset compression level when opening a file for reading")
            kind = _MODE_READ
            if format is None:
                format = FORMAT_AUTO
        elif mode in _WRITE_MODES:
            kind = _MODE_WRITE
            if format is None:
                format = FORMAT_XZ
            self._compressor = LZMACompressor(format=format, check=check, preset=preset, filters=filters)
            self._pos = 0
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))

        if isinstance(filename, (str, bytes, os.PathLike)):
            self._fp = builtins.open(filename, mode if "b" in mode else mode + "b")
            self._closefp = True
        elif hasattr(filename, "read") or hasattr(filename, "write"):
            self._fp = filename
        else:
            raise TypeError("filename must be a str, bytes, file or PathLike object")
        self._mode = kind

        if kind == _MODE_READ:
            reader = _compression.DecompressReader(self._fp, LZMADecompressor, trailing_error=LZMAError,
                                                   format=format, filters=filters)
            self._buffer = io.BufferedReader(reader)

    def close(self):
        """Flush and close the file; later calls do nothing."""
        if self.closed:
            return
        try:
            if self._mode == _MODE_WRITE:
                self._fp.write(self._compressor.flush())
                self._compressor = None
            else:
                self._buffer.close()
                self._buffer = None
        finally:
            try:
                if self._closefp:
                    self._fp.close()
            finally:
                self._fp = None
                self._closefp = False

    @property
    def closed(self):
        """True once the file is closed."""
        return self._fp is None

    @property
    def name(self):
        self._check_not_closed()
        return self._fp.name

    @property
    def mode(self):
        return "wb" if self._mode == _MODE_WRITE else "rb"

    def fileno(self):
        """The underlying file's descriptor."""
        self._check_not_closed()
        return self._fp.fileno()

    def seekable(self):
        """Whether seek() works: only when reading from a seekable file."""
        return self.readable() and self._buffer.seekable()

    def readable(self):
        """Whether the file was opened for reading."""
        self._check_not_closed()
        return self._mode == _MODE_READ

    def writable(self):
        """Whether the file was opened for writing."""
        self._check_not_closed()
        return self._mode == _MODE_WRITE

    def peek(self, size=-1):
        """Buffered uncompressed data, at least one byte unless at EOF, without moving the position."""
        self._check_can_read()
        return self._buffer.peek(size)

    def read(self, size=-1):
        """Up to size uncompressed bytes (all of them when size is negative); b'' at EOF."""
        self._check_can_read()
        return self._buffer.read(size)

    def read1(self, size=-1):
        """Up to size uncompressed bytes with as few reads of the underlying file as possible."""
        self._check_can_read()
        return self._buffer.read1(io.DEFAULT_BUFFER_SIZE if size < 0 else size)

    def readline(self, size=-1):
        """One line of uncompressed bytes, newline kept, at most size bytes when size is not negative."""
        self._check_can_read()
        return self._buffer.readline(size)

    def write(self, data):
        """Compress and write a bytes-like object; returns its length in bytes."""
        self._check_can_write()
        if isinstance(data, (bytes, bytearray)):
            n = len(data)
        else:
            data = memoryview(data)
            n = data.nbytes
        self._fp.write(self._compressor.compress(data))
        self._pos += n
        return n

    def seek(self, offset, whence=io.SEEK_SET):
        """Move to an uncompressed position (emulated by decompressing, so it may be slow)."""
        self._check_can_seek()
        return self._buffer.seek(offset, whence)

    def tell(self):
        """The current uncompressed position."""
        self._check_not_closed()
        return self._buffer.tell() if self._mode == _MODE_READ else self._pos


def open(filename, mode="rb", *, format=None, check=-1, preset=None, filters=None,
         encoding=None, errors=None, newline=None):
    """An LZMAFile for a binary mode ("r", "rb", "w", "wb", "x", "xb", "a", "ab"), wrapped in an io.TextIOWrapper
    for a text mode ("rt", "wt", "xt", "at")."""
    text = "t" in mode
    if text:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        for argname, value in (("encoding", encoding), ("errors", errors), ("newline", newline)):
            if value is not None:
                raise ValueError("Argument '%s' not supported in binary mode" % argname)
    f = LZMAFile(filename, mode.replace("t", ""), format=format, check=check, preset=preset, filters=filters)
    if not text:
        return f
    return io.TextIOWrapper(f, io.text_encoding(encoding), errors, newline)


def compress(data, format=FORMAT_XZ, check=-1, preset=None, filters=None):
    """Compress a whole buffer in one go (see LZMACompressor for the arguments)."""
    c = LZMACompressor(format, check, preset, filters)
    return c.compress(data) + c.flush()


def decompress(data, format=FORMAT_AUTO, memlimit=None, filters=None):
    """Decompress a whole buffer of one or more concatenated streams (see LZMADecompressor for the arguments).
    Trailing data that is not a stream is ignored once one stream has been read."""
    parts = []
    while True:
        d = LZMADecompressor(format, memlimit, filters)
        try:
            out = d.decompress(data)
        except LZMAError:
            if not parts:
                raise
            break
        parts.append(out)
        if not d.eof:
            raise LZMAError("Compressed data ended before the end-of-stream marker was reached")
        data = d.unused_data
        if not data:
            break
    return b"".join(parts)
`;
