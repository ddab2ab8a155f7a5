# Exceptions that cannot propagate go through sys.unraisablehook with CPython's messages: an atexit callback's
# (PyErr_FormatUnraisable("Exception ignored in atexit callback %R")), with a custom hook and with the default one,
# and a thread started by _thread.start_new_thread.
import _thread
import atexit
import sys
import time


class Bad:
    def __call__(self, tag):
        raise ValueError("boom " + tag)

    def __repr__(self):
        return "<Bad callback>"


bad = Bad()


def hook(u):
    print("hook:", u.exc_type.__name__, u.exc_value, repr(u.err_msg), u.object, file=sys.stderr)


def restore():
    sys.unraisablehook = sys.__unraisablehook__


atexit.register(bad, "default hook")
atexit.register(restore)
atexit.register(bad, "custom hook")
sys.unraisablehook = hook


class Worker:
    def __call__(self):
        raise KeyError("in thread")

    def __repr__(self):
        return "<Worker>"


worker = Worker()


_thread.start_new_thread(worker, ())
time.sleep(0.2)
print("end of main", flush=True)
