# The CPython side of tools/diff.ts: runs one mode's dump(path, data) over paths read from stdin (one per line)
# and writes one JSON line per path: {"status": "ok"|"error"|"crash", "text": ...}. Run once per batch.
import importlib.util, json, sys, traceback

def main():
    spec = importlib.util.spec_from_file_location("typhon_diff_mode", sys.argv[1])
    mode = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mode)
    out = sys.stdout
    for line in sys.stdin:
        path = line.rstrip("\n")
        if not path:
            continue
        try:
            with open(path, "rb") as f:
                data = f.read()
            status, text = mode.dump(path, data)
        except BaseException:
            status, text = "crash", traceback.format_exc()
        out.write(json.dumps({"status": status, "text": text}) + "\n")
        out.flush()

main()
