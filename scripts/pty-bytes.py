#!/usr/bin/env python3
"""Counts the bytes ContactDesk writes to its terminal: first paint, one cursor move, 20 queued keys.

Runs the real binary on a pseudo-terminal of a fixed size against the built-in emulator and waits for
output to go quiet after each input. Usage: scripts/pty-bytes.py [BINARY] [--size 80x24] [--term TERM] [--json] [--url URL --account ID] [--memory]
Without --url it runs the built-in demo (--demo); with it, an emulator already running there (the key comes from
CONTACTDESK_SECRET_KEY). --memory also filters the list and reports the process's peak resident size (VmHWM).
Each run gets a new, empty state directory, so the open is cold (no cached list).
"""
import argparse, fcntl, json, os, pty, re, select, shutil, statistics, struct, sys, tempfile, termios, time

def read_until_quiet(fd, quiet=0.4, limit=20.0):
    """Bytes read until nothing arrives for `quiet` seconds."""
    data = b""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            return data
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return data
        if not chunk:
            return data
        data += chunk
    return data

def read_until(fd, needle, limit=30.0):
    data = b""
    deadline = time.monotonic() + limit
    while needle not in data and time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            data += os.read(fd, 65536)
    return data

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary", nargs="?", default=".build/debug/contactdesk")
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--term", default="xterm-256color")
    ap.add_argument("--account", default="demo_shop")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--url", help="base URL of a running emulator instead of --demo")
    ap.add_argument("--memory", action="store_true", help="also report peak RSS after loading and filtering")
    ap.add_argument("--smaps", action="store_true", help="with --memory: print the largest mappings (KB resident) to stderr")
    args = ap.parse_args()
    state = tempfile.mkdtemp(prefix="contactdesk-pty-")
    cols, rows = (int(x) for x in args.size.split("x"))
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {"TERM": args.term, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": "/tmp",
               "XDG_STATE_HOME": state}
        if "CONTACTDESK_SECRET_KEY" in os.environ:
            env["CONTACTDESK_SECRET_KEY"] = os.environ["CONTACTDESK_SECRET_KEY"]
        where = ["--endpoint", args.url, "--sdkappid", "1400000000", "--admin", "administrator"] if args.url else ["--demo"]
        os.execve(args.binary, [args.binary] + where + ["--account", args.account], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    # The first frame: everything until the output pauses after the first byte (results of effects are
    # drawn at most every 50 ms, so a 30 ms pause ends a frame).
    first = read_until(fd, b"ContactDesk")
    first += read_until_quiet(fd, quiet=0.03)
    start = first + read_until(fd, b"friends loaded")
    start += read_until_quiet(fd)
    moves = []
    for _ in range(20):
        os.write(fd, b"j")
        moves.append(len(read_until_quiet(fd, quiet=0.3)))
    os.write(fd, b"k" * 20)
    burst = len(read_until_quiet(fd, quiet=0.5))
    peak = None
    if args.memory:
        for key in ["/", "田", "中", "\x7f", "\x7f", "v", "i", "p", "\x1b"]:
            os.write(fd, key.encode())
            read_until_quiet(fd, quiet=0.3)
        if args.smaps:
            agg = {}
            cur = None
            for line in open(f"/proc/{pid}/smaps"):
                parts = line.split()
                if re.match(r'^[0-9a-f]+-[0-9a-f]+ ', line):
                    cur = (parts[5] if len(parts) > 5 else '[anon]') + " " + parts[1]
                elif parts[0] == 'Rss:':
                    agg[cur] = agg.get(cur, 0) + int(parts[1])
            for k, v in sorted(agg.items(), key=lambda x: -x[1])[:14]:
                print(v, k, file=sys.stderr)
        with open(f"/proc/{pid}/status") as status:
            peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    os.write(fd, b"q")
    read_until_quiet(fd, quiet=0.5)
    os.waitpid(pid, 0)
    shutil.rmtree(state, ignore_errors=True)
    if args.json:
        print(json.dumps({"size": args.size, "term": args.term, "account": args.account, "first": len(first), "open": len(start),
                          "moves": moves, "burst": burst, "peakKB": peak}))
        return
    print(f"terminal {args.size} TERM={args.term} account={args.account}")
    print(f"first frame: {len(first)} bytes")
    print(f"open until the list is loaded: {len(start)} bytes")
    print(f"one cursor move (j), median of 20: {statistics.median(moves):.0f} bytes (min {min(moves)}, max {max(moves)})")
    print(f"20 queued keys (k x20 in one write): {burst} bytes")
    if peak is not None:
        print(f"peak resident size after load and filter: {peak / 1024:.1f} MB")

if __name__ == "__main__":
    main()
