import logging, sys, io, logging.config
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("app")
log.debug("debug %d", 1); log.info("info %s", "x"); log.warning("warn"); log.error("error"); log.critical("crit")
child = logging.getLogger("app.db"); child.setLevel(logging.WARNING); child.info("hidden"); child.warning("child warn %r", {"k": 1})
print(child.parent is log, child.getEffectiveLevel(), logging.getLevelName(25), logging.getLevelName("ERROR"), log.isEnabledFor(logging.DEBUG))
buf = io.StringIO(); h = logging.StreamHandler(buf); h.setFormatter(logging.Formatter("[{levelname}] {name} - {message}", style="{"))
class OnlyOdd(logging.Filter):
    def filter(self, record): return record.args and record.args[0] % 2 == 1 if record.args else True
h.addFilter(OnlyOdd()); other = logging.getLogger("other"); other.addHandler(h); other.propagate = False; other.setLevel(logging.INFO)
for i in range(4): other.info("n=%d", i)
print(repr(buf.getvalue()))
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed")
adapter = logging.LoggerAdapter(log, {"user": "bob"}); adapter.warning("adapted")
logging.config.dictConfig({"version": 1, "formatters": {"f": {"format": "%(name)s|%(levelname)s|%(message)s"}}, "handlers": {"h": {"class": "logging.StreamHandler", "formatter": "f", "stream": "ext://sys.stdout"}}, "loggers": {"cfg": {"handlers": ["h"], "level": "INFO", "propagate": False}}})
logging.getLogger("cfg").info("configured"); logging.getLogger("cfg").debug("no")
rec = logging.LogRecord("n", logging.INFO, "p.py", 1, "hello %s", ("w",), None); print(rec.getMessage(), rec.levelname, rec.lineno)
logging.addLevelName(15, "VERBOSE"); log.log(15, "custom level")
logging.disable(logging.CRITICAL); log.critical("disabled"); logging.disable(logging.NOTSET)
logging.shutdown()
