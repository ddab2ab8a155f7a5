for errno, msg in ((2, "No such file"), (13, "Permission denied"), (17, "exists"), (20, "not dir"), (21, "is dir"), (32, "pipe"), (110, "timeout"), (111, "refused"), (4, "interrupted"), (11, "again"), (10, "child"), (3, "srch"), (999, "unknown")):
    e = OSError(errno, msg)
    print(errno, type(e).__name__, e.errno, e.strerror, str(e))
e = OSError(2, "msg", "file.txt", None, "other.txt")
print(repr(e), str(e), e.filename, e.filename2)
print(OSError("just message").errno, OSError().args, IOError is OSError, EnvironmentError is OSError)
print(str(FileNotFoundError(2, "x")), repr(FileNotFoundError("plain")), issubclass(BlockingIOError, OSError))
print(str(OSError(1, 2, 3, 4, 5, 6)), OSError(1, 2, 3, 4, 5, 6).args)
