# os.confstr and os.confstr_names as glibc 2.36 answers them (platform.libc_ver() reads CS_GNU_LIBC_VERSION first), with
# CPython's errors for unknown names, big ints and other types.
import os, platform
print(sorted(os.confstr_names.items()) == sorted(os.confstr_names.items()), len(os.confstr_names))
print(platform.libc_ver())
for a in ['CS_BAD', 10**30, 1.5, 9999, -1, True, 'CS_PATH', 2**31, -2**31 - 1]:
    try: print(repr(a), repr(os.confstr(a)))
    except Exception as e: print(repr(a), type(e).__name__, e)
for a in [(), (1, 2)]:
    try: os.confstr(*a)
    except Exception as e: print(type(e).__name__, e)
vals = {}
for i in range(0, 1300):
    try: vals[i] = os.confstr(i)
    except OSError as e: assert e.errno == 22
print(vals)
print({k: os.confstr(k) for k in sorted(os.confstr_names)})
