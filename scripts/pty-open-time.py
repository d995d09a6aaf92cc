#!/usr/bin/env python3
"""Times the real binary opening an account on a pseudo-terminal: until the first row is drawn and until the
status says the list is loaded. The first run fills a new state directory's roster cache (cold); the next
--runs are warm. Usage: scripts/pty-open-time.py BINARY --url URL [--account demo_shop] [--runs 5] [--json]
The emulator's key comes from CONTACTDESK_SECRET_KEY; the terminal is 80x24, TERM=xterm-256color."""
import argparse, fcntl, json, os, pty, select, shutil, statistics, struct, tempfile, termios, time

def open_once(args, state):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": "/tmp", "XDG_STATE_HOME": state,
               "CONTACTDESK_SECRET_KEY": os.environ.get("CONTACTDESK_SECRET_KEY", "")}
        os.execve(args.binary, [args.binary, "--endpoint", args.url, "--sdkappid", "1400000000", "--admin", "administrator",
                                "--account", args.account], env)
    data, first, loaded = b"", None, None
    while loaded is None and time.monotonic() - start < 30:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                data += os.read(fd, 65536)
            except OSError:
                break
        if first is None and b"c0001" in data:
            first = time.monotonic() - start
        if b"friends loaded" in data:
            loaded = time.monotonic() - start
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    return first, loaded

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--url", required=True)
    ap.add_argument("--account", default="demo_shop")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    state = tempfile.mkdtemp(prefix="contactdesk-open-")
    try:
        cold = open_once(args, state)
        warm = [open_once(args, state) for _ in range(args.runs)]
    finally:
        shutil.rmtree(state, ignore_errors=True)
    if None in cold or any(None in w for w in warm):
        raise SystemExit("the list never showed as loaded")
    out = {"coldFirstMs": cold[0] * 1000, "coldLoadedMs": cold[1] * 1000,
           "warmFirstMs": [w[0] * 1000 for w in warm], "warmLoadedMs": [w[1] * 1000 for w in warm]}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"cold: first row {out['coldFirstMs']:.0f} ms, loaded {out['coldLoadedMs']:.0f} ms")
        print(f"warm: first row {statistics.median(out['warmFirstMs']):.0f} ms, confirmed {statistics.median(out['warmLoadedMs']):.0f} ms (medians of {args.runs})")

if __name__ == "__main__":
    main()
