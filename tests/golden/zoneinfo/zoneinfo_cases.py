# Differential cases for zoneinfo (Typhon's native _zoneinfo against CPython's Modules/_zoneinfo.c): lookups around
# every transition of 20 real zones (tzdata 2025b, copied in ./tzdata: TZPATH points only there, so the host's database
# and local zone play no part), folds and gaps, far past and future through each POSIX TZ rule, fromutc, TZ strings
# from synthetic TZif files, errors, caches, subclasses and pickling. Each line is "label = value".
# Captured with: PYENV_VERSION=3.13.0 python3.13 tools/capture_cases.py zoneinfo
import calendar
import copy
import io
import os
import pickle
import struct
import sys
import zoneinfo
from datetime import date, datetime, time, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
TZDATA = os.path.join(HERE, "tzdata")
zoneinfo.reset_tzpath([TZDATA])
ZoneInfo = zoneinfo.ZoneInfo
UTC = timezone.utc

ZONES = [
    "UTC", "Europe/Paris", "Europe/London", "Europe/Dublin", "Europe/Moscow", "America/New_York", "America/St_Johns",
    "America/Sao_Paulo", "America/Nuuk", "America/Argentina/Buenos_Aires", "Australia/Lord_Howe", "Australia/Sydney",
    "Pacific/Apia", "Pacific/Kiritimati", "Africa/Casablanca", "Antarctica/Troll", "Asia/Kolkata", "Asia/Kathmandu",
    "Asia/Tehran", "Etc/GMT+5",
]


def out(label, value):
    print(f"{label} = {value}")


def err(f):
    try:
        return repr(f())
    except Exception as e:
        return f"{type(e).__name__}: {e}".replace("\n", "\\n")


def info(z, dt):
    return f"{z.utcoffset(dt)}|{z.dst(dt)}|{z.tzname(dt)}"


def transitions(key):
    """The UTC transition times of a TZif file, read here with struct (version 2+ data block)."""
    with open(os.path.join(TZDATA, key), "rb") as f:
        data = f.read()
    def header(p):
        return struct.unpack(">6l", data[p + 20:p + 44])
    isutc, isstd, leap, timecnt, typecnt, charcnt = header(0)
    p = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isutc
    if data[4:5] == b"\x00":
        return list(struct.unpack(f">{timecnt}l", data[44:44 + timecnt * 4]))
    isutc, isstd, leap, timecnt, typecnt, charcnt = header(p)
    return list(struct.unpack(f">{timecnt}q", data[p + 44:p + 44 + timecnt * 8]))


EPOCH = datetime(1970, 1, 1)


def section_zones():
    for key in ZONES:
        z = ZoneInfo(key)
        out(f"{key} repr", f"{z!r} {z} {z.key!r} fixed:{z.utcoffset(None)}|{z.dst(None)}|{z.tzname(None)}")
        trans = [t for t in transitions(key) if -2**40 < t < 2**40]
        out(f"{key} count", len(trans))
        # The first and last transitions and every 5th between (the rest follow the same code paths).
        trans = trans[:3] + trans[3:-6:5] + trans[-6:] if len(trans) > 9 else trans
        # Every transition in wall time around it (both folds), and fromutc around its UTC instant.
        for t in trans:
            u = EPOCH + timedelta(seconds=t)
            cells = []
            for dmin in (-61, -60, -1, 0, 30, 59, 60, 61):
                local_guess = u + timedelta(minutes=dmin) + (z.utcoffset(u) or timedelta(0))
                a = local_guess.replace(tzinfo=z)
                b = a.replace(fold=1)
                cells.append(f"{info(z, a)}/{info(z, b)}")
            conv = []
            for dsec in (-1, 0, 3599, 3600):
                w = (u + timedelta(seconds=dsec)).replace(tzinfo=UTC).astimezone(z)
                conv.append(f"{w.isoformat()}f{w.fold}")
            out(f"{key} {u.isoformat()}", " ".join(cells) + " | " + " ".join(conv))
        # Far past and far future: before the first transition, through the TZ rule after the last one.
        for y in (1, 2, 100, 1600, 1800, 1900, 2037, 2038, 2039, 2050, 2100, 2400, 3000, 9998, 9999):
            cells = []
            for m, d, h in ((1, 1, 0), (3, 15, 12), (3, 31, 1), (3, 31, 2), (4, 1, 3), (6, 30, 23), (10, 31, 1),
                            (10, 31, 2), (11, 5, 1), (12, 31, 23)):
                dt = datetime(y, m, d, h, 30, tzinfo=z)
                cells.append(f"{info(z, dt)}/{info(z, dt.replace(fold=1))}")
            out(f"{key} year {y}", " ".join(cells))
        for y in (1900, 2024, 2044, 2099, 9999):
            conv = []
            for m in range(1, 13):
                for d in (1, 15):
                    w = datetime(y, m, d, 0 if y < 9999 else 0, tzinfo=UTC).astimezone(z)
                    conv.append(f"{w.isoformat()}f{w.fold}")
            out(f"{key} fromutc {y}", " ".join(conv))


def section_folds():
    ny = ZoneInfo("America/New_York")
    paris = ZoneInfo("Europe/Paris")
    dublin = ZoneInfo("Europe/Dublin")
    lh = ZoneInfo("Australia/Lord_Howe")
    apia = ZoneInfo("Pacific/Apia")
    for label, z, dt in [
        ("ny fold 2024", ny, datetime(2024, 11, 3, 1, 30)), ("ny gap 2024", ny, datetime(2024, 3, 10, 2, 30)),
        ("ny fold 2044", ny, datetime(2044, 11, 6, 1, 0)), ("ny gap 2044", ny, datetime(2044, 3, 13, 2, 59, 59)),
        ("paris fold 2030", paris, datetime(2030, 10, 27, 2, 15)), ("paris gap 2030", paris, datetime(2030, 3, 31, 2, 15)),
        ("dublin winter 2030", dublin, datetime(2030, 1, 15, 12)), ("dublin summer 2030", dublin, datetime(2030, 7, 15, 12)),
        ("dublin fold 2030", dublin, datetime(2030, 10, 27, 1, 30)), ("dublin gap 2030", dublin, datetime(2030, 3, 31, 1, 30)),
        ("lordhowe fold 2030", lh, datetime(2030, 4, 7, 1, 45)), ("lordhowe gap 2030", lh, datetime(2030, 10, 6, 2, 15)),
        ("apia skipped day", apia, datetime(2011, 12, 30, 12)), ("apia before", apia, datetime(2011, 12, 29, 23, 59)),
    ]:
        a = dt.replace(tzinfo=z)
        b = a.replace(fold=1)
        out(label, f"{info(z, a)} {info(z, b)} {a.astimezone(UTC).isoformat()} {b.astimezone(UTC).isoformat()} "
                   f"{(a + timedelta(hours=1)).isoformat()} {a.timestamp()} {b.timestamp()}")
    # Microseconds, subclasses of datetime (the toordinal() path) and datetime.time.
    class MyDT(datetime):
        pass
    for z in (ny, paris, lh):
        a = MyDT(2024, 11, 3, 1, 30, 0, 999999, tzinfo=z)
        out(f"subclass {z.key}", f"{info(z, a)} {info(z, a.replace(fold=1))} {type(a.astimezone(UTC)).__name__} "
                                 f"{MyDT(2024, 7, 1, tzinfo=UTC).astimezone(z)!r}")
    for key in ("UTC", "Asia/Kolkata", "Etc/GMT+5", "Europe/Paris"):
        z = ZoneInfo(key)
        t = time(12, 30, tzinfo=z)
        out(f"time {key}", f"{t.utcoffset()}|{t.dst()}|{t.tzname()}|{t.isoformat()}")
    ny_t = datetime(2024, 11, 3, 5, 30, tzinfo=UTC)
    out("fromutc direct", f"{ny.fromutc(ny_t.replace(tzinfo=ny))!r}")
    out("astimezone chain", f"{datetime(2024, 6, 1, tzinfo=paris).astimezone(ny).astimezone(lh).astimezone(apia)!r}")
    out("compare aware", f"{datetime(2024, 11, 3, 1, 30, tzinfo=ny) == datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=ny)} "
                         f"{datetime(2024, 11, 3, 5, 30, tzinfo=UTC) == datetime(2024, 11, 3, 1, 30, tzinfo=ny)}")
    out("subtract aware", f"{datetime(2024, 11, 3, 12, tzinfo=ny) - datetime(2024, 11, 2, 12, tzinfo=ny)} "
                          f"{datetime(2024, 11, 3, 12, tzinfo=ny) - datetime(2024, 11, 2, 12, tzinfo=paris)}")
    out("limits", f"{err(lambda: datetime.min.replace(tzinfo=UTC).astimezone(ny))} "
                  f"{err(lambda: datetime.max.replace(tzinfo=UTC).astimezone(lh))} "
                  f"{err(lambda: datetime(1, 1, 1, 2, tzinfo=paris).astimezone(UTC))} "
                  f"{err(lambda: datetime.max.replace(tzinfo=ny).utcoffset())}")


# ---- synthetic TZif files ----

def tzif(version, trans=(), idxs=(), ttinfos=((0, 0, "UTC"),), tz_str=b"", leap=0):
    """A TZif file: `ttinfos` are (utcoff, isdst, abbr); version 1 has no 64-bit block and no footer."""
    chars = b""
    pos = {}
    for _, _, a in ttinfos:
        if a not in pos:
            pos[a] = len(chars)
            chars += a.encode() + b"\x00"
    def block(size):
        fmt = ">l" if size == 4 else ">q"
        body = b"".join(struct.pack(fmt, t) for t in trans)
        body += bytes(idxs)
        body += b"".join(struct.pack(">lbb", o, d, pos[a]) for o, d, a in ttinfos)
        body += chars
        body += b"".join(struct.pack(fmt + "l", 0, 0) for _ in range(leap))
        head = b"TZif" + (b"\x00" if version == 1 else str(version).encode()) + b"\x00" * 15
        head += struct.pack(">6l", 0, 0, leap, len(trans), len(ttinfos), len(chars))
        return head + body
    data = block(4)
    if version >= 2:
        data += block(8) + b"\n" + tz_str + b"\n"
    return data


TZ_STRINGS_VALID = [
    b"EST5EDT,M3.2.0,M11.1.0", b"CET-1CEST,M3.5.0,M10.5.0/3", b"IST-1GMT0,M10.5.0,M3.5.0/1", b"<+0330>-3:30",
    b"<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", b"AAA3BBB,J60/2,J300/2", b"AAA3BBB,59,300", b"AAA3BBB,0/0,J365/25",
    b"AAA4BBB,M1.1.0/0,M12.5.6/47", b"XXX0YYY-1,J1/0,J365/24", b"<+14>-14", b"<-12>12", b"AAA-14", b"AAA+5",
    b"AEST-10AEDT,M10.1.0,M4.1.0/3", b"<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", b"<+00>0<+02>-2,M3.5.0/1,M10.5.0/3",
    b"NST3:30NDT,M3.2.0,M11.1.0", b"AAA1:02:03BBB0:59:59,M2.5.0/23:59:59,M2.1.6/0:00:01", b"<>0",
    b"<a+1>-1<b-2>-2,M3.2.0/-99,M11.1.0/99", b"ZZZ24YYY-24,M4.1.1/1,M9.5.2/1", b"AAA3BBB2,J59/0,J58/0",
    b"AAA0BBB0,M3.2.0,M11.1.0", b"AAA1BBB2,M3.2.0,M11.1.0", b"AAA3BBB,M2.5.0/48,M3.5.0/0",
    b"AAA3BBB,M3.2.0/167,M11.1.0/-167", b"AAA3BBB,J1/100:30,J365/-120:00:01", b"AAA-024BBB+024,0/000,365/001",
]

TZ_STRINGS_INVALID = [
    b"3", b"AAA", b"<AAA", b"<A A>3", b"AAA25", b"AAA-25", b"AAA3:5", b"AAA3BBB", b"AAA3BBB,", b"AAA3BBB,M3.2.0",
    b"AAA3BBB,M13.2.0,M11.1.0", b"AAA3BBB,M0.2.0,M11.1.0", b"AAA3BBB,M3.0.0,M11.1.0", b"AAA3BBB,M3.6.0,M11.1.0",
    b"AAA3BBB,M3.2.7,M11.1.0", b"AAA3BBB,M3.2,M11.1.0", b"AAA3BBB,J0,J365", b"AAA3BBB,J366,J1", b"AAA3BBB,366,1",
    b"AAA3BBB,M3.2.0/,M11.1.0", b"AAA3BBB,M3.2.0/1:5,M11.1.0", b"AAA3BBB,M3.2.0,M11.1.0x", b"AAA3BBB,M3.2.0,M11.1.0,",
    b"AAA3BBB4x,M3.2.0,M11.1.0", b"AAA3x", b"AAA3BBB,Mx.2.0,M11.1.0", b"AAA3BBB,J,J1", b"AAA3BBB;M3.2.0,M11.1.0",
    b"AAA\x00BBB,M3.2.0,M11.1.0", b"<+01>", b"<+01>-1<",
    b"AAA3BBB,M3.2.0/168,M11.1.0", b"AAA125", b"AAA3BBB125,M3.2.0,M11.1.0", b"AAA3BBB,J1/-799:59:59,J2",
    b"AAA3BBB,M012.1.0,M1.1.0", b"AAA3BBB,3650,1", b"AAA3BBB,M3.2.0/1:,M11.1.0",
]


def section_tz_strings():
    points = []
    for y in (2023, 2024, 2100):
        for m in range(1, 13):
            for d in (1, 7, 8, 14, 15, 21, 22, 28, 29, 30, 31):
                if d <= calendar.monthrange(y, m)[1]:
                    points.append(datetime(y, m, d, 1, 30))
    hours = [datetime(2024, 3, 10, h, mi) for h in range(0, 24) for mi in (0, 59)]
    hours += [datetime(2024, 11, 3, h, mi) for h in range(0, 24) for mi in (0, 59)]
    for s in TZ_STRINGS_VALID:
        z = ZoneInfo.from_file(io.BytesIO(tzif(2, tz_str=s)), key=s.decode("latin-1"))
        cells = [f"{info(z, dt)}/{info(z, dt.replace(fold=1))}" for dt in [p.replace(tzinfo=z) for p in points[::3]]]
        out(f"tz {s!r}", " ".join(cells))
        cells = [f"{info(z, dt)}/{info(z, dt.replace(fold=1))}" for dt in [p.replace(tzinfo=z) for p in hours]]
        out(f"tz hours {s!r}", " ".join(cells))
        conv = []
        for p in points[::5] + hours[::3]:
            try:
                w = p.replace(tzinfo=UTC).astimezone(z)
                conv.append(f"{w.isoformat()}f{w.fold}")
            except Exception as e:
                conv.append(f"{type(e).__name__}: {e}")
        out(f"tz fromutc {s!r}", " ".join(conv))
        out(f"tz None {s!r}", info(z, None))
    for s in TZ_STRINGS_INVALID:
        def load(s=s):
            return ZoneInfo.from_file(io.BytesIO(tzif(3, tz_str=s)))
        try:
            load()
            out(f"tz bad {s!r}", "loaded")
        except Exception as e:
            out(f"tz bad {s!r}", f"{type(e).__name__}: {e} context={e.__context__!r}")


def section_synthetic():
    # A version 1 file: no footer, the last type applies after the last transition.
    v1 = tzif(1, trans=(-100000, 0, 100000), idxs=(1, 0, 1), ttinfos=((-3600, 0, "AAA"), (3600, 1, "BBB")))
    z = ZoneInfo.from_file(io.BytesIO(v1), key="v1")
    out("v1", " ".join(info(z, EPOCH + timedelta(seconds=s)) for s in (-200000, -90000, -1, 1, 50000, 99000, 200000, 10**10)))
    # Only DST types (the first one applies before the first transition), dstoff inferred or defaulting to 1 hour.
    # (CPython reads past its transition array when a DST type is followed by a DST type at the second-to-last
    # transition and the type index is below the last one, and may crash: such files are left out.)
    M = 10**6
    dst_only = tzif(2, trans=(0, M, 2 * M, 3 * M), idxs=(0, 1, 0, 1), ttinfos=((3600, 1, "D1"), (7200, 1, "D2")))
    z = ZoneInfo.from_file(io.BytesIO(dst_only))
    out("dst only", " ".join(info(z, EPOCH + timedelta(seconds=s)) for s in (-5000, M // 2, 3 * M // 2, 5 * M // 2, 10**9)))
    # Double summer time (a DST type after a DST type), then standard time.
    double = tzif(2, trans=(0, M, 2 * M, 3 * M), idxs=(1, 2, 1, 0),
                  ttinfos=((0, 0, "GMT"), (3600, 1, "BST"), (7200, 1, "BDST")), tz_str=b"GMT0")
    z = ZoneInfo.from_file(io.BytesIO(double))
    out("double summer", " ".join(info(z, EPOCH + timedelta(seconds=s))
                                  for s in (-5000, M // 2, 3 * M // 2, 5 * M // 2, 7 * M // 2, 10**9)))
    # Negative DST (isdst with a smaller offset) and a last transition into a DST type without a footer rule.
    neg = tzif(2, trans=(0, 10**6), idxs=(1, 0), ttinfos=((3600, 0, "IST"), (0, 1, "GMT")))
    z = ZoneInfo.from_file(io.BytesIO(neg))
    out("negative dst", " ".join(info(z, EPOCH + timedelta(seconds=s)) for s in (-1, 1, 10**6 + 1, 10**10)))
    last_dst = tzif(2, trans=(0,), idxs=(1,), ttinfos=((0, 0, "S"), (5400, 1, "D")))
    z = ZoneInfo.from_file(io.BytesIO(last_dst))
    out("last dst", f"{info(z, datetime(1969, 1, 1))} {info(z, datetime(2000, 1, 1))} {info(z, None)}")
    # A file without types but with a rule; one with no data at all.
    z = ZoneInfo.from_file(io.BytesIO(tzif(2, ttinfos=(), tz_str=b"AAA-2BBB,M3.5.0,M10.5.0")))
    out("rule only", f"{info(z, datetime(2024, 1, 1))} {info(z, datetime(2024, 7, 1))} {info(z, None)}")
    out("no data", err(lambda: ZoneInfo.from_file(io.BytesIO(tzif(2, ttinfos=())))))
    out("no data v1", err(lambda: ZoneInfo.from_file(io.BytesIO(tzif(1, ttinfos=())))))
    out("bad index", err(lambda: ZoneInfo.from_file(io.BytesIO(tzif(2, trans=(0,), idxs=(5,))))))
    out("bad magic", err(lambda: ZoneInfo.from_file(io.BytesIO(b"TZxf2" + b"\x00" * 100))))
    out("empty file", err(lambda: ZoneInfo.from_file(io.BytesIO(b""))))
    out("leap seconds", info(ZoneInfo.from_file(io.BytesIO(tzif(2, leap=2, tz_str=b"LLL-3"))), None))
    out("fixed +1", info(ZoneInfo.from_file(io.BytesIO(tzif(2, ttinfos=((3600, 0, "ONE"),), tz_str=b"ONE-1"))), None))
    out("fixed mismatch", info(ZoneInfo.from_file(io.BytesIO(tzif(2, ttinfos=((3600, 0, "ONE"),), tz_str=b"TWO-1"))), None))
    out("from_file text", err(lambda: ZoneInfo.from_file(io.StringIO("TZif2"))))
    out("from_file int", err(lambda: ZoneInfo.from_file(42)))
    # Offsets that are not whole minutes, and shared timedelta objects.
    odd = ZoneInfo.from_file(io.BytesIO(tzif(2, ttinfos=((-17762, 0, "LMT"),), tz_str=b"<-045602>4:56:02")))
    out("odd offset", f"{info(odd, datetime(2000, 1, 1))} {datetime(2000, 1, 1, tzinfo=odd).isoformat()}")
    a = ZoneInfo("Europe/Paris").utcoffset(datetime(2024, 1, 1))
    b = ZoneInfo("Africa/Casablanca").utcoffset(datetime(2024, 1, 1))
    out("shared timedelta", f"{a} {b} {a is b}")


def section_api():
    Z = ZoneInfo
    out("type", f"{Z!r} {Z.__module__} {Z.__name__} {Z.__qualname__} {[c.__name__ for c in Z.__mro__]}")
    out("doc", f"{Z.__doc__!r} {Z.__dict__['from_file'].__doc__!r} {Z.utcoffset.__doc__!r} {Z.from_file.__text_signature__}")
    out("module", f"{zoneinfo.ZoneInfo.__module__} {sys.modules['_zoneinfo'].__doc__!r}")
    out("args", " ".join(err(f) for f in (
        lambda: Z(), lambda: Z(1), lambda: Z("UTC", 1), lambda: Z(foo=1), lambda: Z(key="UTC", foo=1),
        lambda: Z(key="UTC"), lambda: Z.no_cache(), lambda: Z.no_cache("UTC", 1), lambda: Z.no_cache(foo=1),
        lambda: Z.no_cache(key="UTC"), lambda: Z.from_file(), lambda: Z.from_file(io.BytesIO(b""), foo=1),
        lambda: Z.from_file(io.BytesIO(b""), 1, key=2), lambda: Z.clear_cache(1), lambda: Z.clear_cache(foo=1),
        lambda: Z._unpickle(), lambda: Z._unpickle("UTC"), lambda: Z._unpickle("UTC", 1, 2), lambda: Z._unpickle("UTC", "x"),
        lambda: Z._unpickle("UTC", 1.5), lambda: Z("UTC").utcoffset(), lambda: Z("UTC").utcoffset(dt=1),
        lambda: Z("UTC").dst(1, 2), lambda: Z("UTC").tzname(),
    )))
    out("args qualname", f"{err(lambda: Z('UTC').fromutc())} {err(lambda: Z('UTC').__reduce__(1))}")
    u = Z("UTC")
    out("lookup errors", " ".join(err(f) for f in (
        lambda: u.utcoffset(1), lambda: u.utcoffset("x"), lambda: u.utcoffset(date(2020, 1, 1)),
        lambda: u.dst(time(1)), lambda: u.fromutc(1), lambda: u.fromutc(date(2020, 1, 1)),
        lambda: u.fromutc(datetime(2020, 1, 1)), lambda: u.fromutc(datetime(2020, 1, 1, tzinfo=UTC)),
        lambda: u.fromutc(datetime(2020, 1, 1, tzinfo=Z("Europe/Paris"))),
    )))
    out("keys", " ".join(err(f) for f in (
        lambda: Z("Not/AZone"), lambda: Z("../etc/passwd"), lambda: Z(""), lambda: Z("/etc/localtime"),
        lambda: Z("Europe/"), lambda: Z("Europe"), lambda: Z("Europe/../UTC"), lambda: Z("europe/paris"),
        lambda: Z(b"UTC"), lambda: Z(None), lambda: Z("UTC\x00"), lambda: Z("\udc00"), lambda: Z.no_cache("Nowhere"),
    )))
    out("type getattr", err(lambda: Z._weak_cache))
    out("not found type", f"{issubclass(zoneinfo.ZoneInfoNotFoundError, KeyError)} "
                          f"{err(lambda: Z('Not/AZone').key)}")
    out("attributes", " ".join(err(f) for f in (
        lambda: u.key, lambda: setattr(u, "key", "x"), lambda: delattr(u, "key"), lambda: u.__dict__,
        lambda: setattr(u, "foo", 1), lambda: setattr(Z, "foo", 1), lambda: setattr(Z, "_weak_cache", 1),
        lambda: Z.__init_subclass__(), lambda: hash(u) == hash(u), lambda: u == Z.no_cache("UTC"),
        lambda: u != u, lambda: isinstance(u, __import__("datetime").tzinfo), lambda: str(u), lambda: format(u, ""),
    )))


def section_caches():
    Z = ZoneInfo
    a = Z("Europe/Paris")
    b = Z("Europe/Paris")
    c = Z.no_cache("Europe/Paris")
    d = Z.no_cache("Europe/Paris")
    out("identity", f"{a is b} {a is c} {c is d} {a == c} {a.key == c.key}")
    keep = [Z(k) for k in ZONES]
    out("many", f"{all(Z(k) is z for k, z in zip(ZONES, keep))}")
    Z.clear_cache(only_keys=["Europe/Paris", "Nowhere", "UTC"])
    e = Z("Europe/Paris")
    out("only_keys", f"{e is a} {Z('Europe/London') is keep[2]} {Z('UTC') is keep[0]} {Z('Asia/Tehran') is keep[18]}")
    out("only_keys errors", f"{err(lambda: Z.clear_cache(only_keys=1))} {err(lambda: Z.clear_cache(only_keys=[[1]]))} "
                            f"{err(lambda: Z.clear_cache(only_keys=iter(())))} {err(lambda: Z.clear_cache(only_keys=None))}")
    f = Z("Europe/Paris")
    Z.clear_cache()
    g = Z("Europe/Paris")
    out("clear", f"{f is g} {f is e} {Z('Europe/Paris') is g} {Z('Europe/London') is keep[2]}")

    class Sub(Z):
        pass

    class Sub2(Sub, extra=1):
        pass

    s1 = Sub("Europe/Paris")
    out("subclass", f"{s1!r} {s1} {type(s1).__name__} {s1 is Sub('Europe/Paris')} {s1 is Z('Europe/Paris')} "
                    f"{type(Sub._weak_cache).__name__} {Sub._weak_cache is Sub2._weak_cache} "
                    f"{Sub2('UTC')!r} {Sub.no_cache('UTC')!r} {type(Sub.from_file(io.BytesIO(tzif(2, tz_str=b'A0')))).__name__}")
    s1.extra = 5
    out("subclass dict", f"{s1.__dict__} {s1.extra}")
    Sub.clear_cache()
    out("subclass clear", f"{Sub('Europe/Paris') is s1} {Z('Europe/Paris') is g}")
    out("subclass info", f"{info(s1, datetime(2024, 7, 1))} {datetime(2024, 7, 1, tzinfo=s1).astimezone(UTC)}")


class PickleSub(ZoneInfo):
    pass


def section_pickle():
    Z = ZoneInfo
    a = Z("Europe/Paris")
    n = Z.no_cache("Europe/Paris")
    for proto in range(6):
        pa = pickle.dumps(a, proto)
        pn = pickle.dumps(n, proto)
        ra = pickle.loads(pa)
        rn = pickle.loads(pn)
        out(f"pickle {proto}", f"{pa!r} {pn!r} {ra is a} {rn is a} {rn is n} {rn!r} {type(rn).__name__}")
    s = PickleSub("UTC")
    rs = pickle.loads(pickle.dumps(s))
    out("pickle subclass", f"{pickle.dumps(s, 2)!r} {rs is s} {rs!r}")
    out("reduce", f"{a.__reduce__()[1]} {n.__reduce__()[1]} {a.__reduce__()[0].__name__} {a.__reduce_ex__(2)[1]}")
    ff = Z.from_file(io.BytesIO(tzif(2, tz_str=b"AAA0")), key="X")
    out("pickle from_file", f"{err(lambda: pickle.dumps(ff))} {err(lambda: ff.__reduce__())} {err(lambda: copy.copy(ff))}")
    out("copy", f"{copy.copy(a) is a} {copy.deepcopy(a) is a} {copy.copy(n) is n} {copy.deepcopy([a, a])[0] is a}")
    out("unpickle", f"{Z._unpickle('Europe/Paris', 1) is a} {Z._unpickle('Europe/Paris', 0) is a} "
                    f"{Z._unpickle('Europe/Paris', 256) is a} {Z._unpickle('Europe/Paris', -1) is a} "
                    f"{Z._unpickle('Europe/Paris', True) is a}")


def section_reprs():
    b = io.BytesIO(tzif(2, tz_str=b"AAA0"))
    f1 = ZoneInfo.from_file(b)
    f2 = ZoneInfo.from_file(io.BytesIO(tzif(2, tz_str=b"AAA0")), key="Some/Key")
    f3 = ZoneInfo.from_file(io.BytesIO(tzif(2, tz_str=b"AAA0")), key=5)
    f4 = ZoneInfo.from_file(io.BytesIO(tzif(2, tz_str=b"AAA0")), key=None)
    r1 = repr(f1).replace(hex(id(b)), "ID")
    out("from_file reprs", f"{r1} {f2!r} {f2} {f3!r} {f3.key!r} {err(lambda: str(f3))} {f4.key!r} {f1.key!r}")
    out("datetime reprs", f"{datetime(2024, 1, 1, tzinfo=f2)!r} {datetime(2024, 1, 1, tzinfo=ZoneInfo('Asia/Kolkata'))!r}")


def section_tzpath():
    out("tzpath", f"{type(zoneinfo.TZPATH).__name__} {len(zoneinfo.TZPATH)} {zoneinfo.TZPATH[0] == TZDATA}")
    out("available", sorted(zoneinfo.available_timezones()))
    out("reset errors", f"{err(lambda: zoneinfo.reset_tzpath(['relative/path']))} {err(lambda: zoneinfo.reset_tzpath('abc'))}")
    zoneinfo.reset_tzpath([os.path.join(HERE, "nowhere")])
    out("empty tzpath", f"{err(lambda: ZoneInfo.no_cache('Europe/Paris'))} {ZoneInfo('Europe/Paris')!r} "
                        f"{sorted(zoneinfo.available_timezones())}")
    zoneinfo.reset_tzpath([TZDATA])


section_zones()
section_folds()
section_tz_strings()
section_synthetic()
section_api()
section_caches()
section_pickle()
section_reprs()
section_tzpath()
