#!/usr/bin/env python3
"""Counts the bytes ContactDesk writes to its terminal: first paint, one cursor move, 20 queued keys.

Runs the real binary on a pseudo-terminal of a fixed size against the built-in emulator and waits for
output to go quiet after each input. Usage: scripts/pty-bytes.py [BINARY] [--size 80x24] [--term TERM]
"""
import argparse, fcntl, os, pty, select, statistics, struct, sys, termios, time

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
    args = ap.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {"TERM": args.term, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": "/tmp",
               "XDG_STATE_HOME": "/tmp/contactdesk-pty-state"}
        os.execve(args.binary, [args.binary, "--demo", "--account", args.account], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    start = read_until(fd, b"friends loaded")
    start += read_until_quiet(fd)
    moves = []
    for _ in range(20):
        os.write(fd, b"j")
        moves.append(len(read_until_quiet(fd, quiet=0.3)))
    os.write(fd, b"k" * 20)
    burst = len(read_until_quiet(fd, quiet=0.5))
    os.write(fd, b"q")
    read_until_quiet(fd, quiet=0.5)
    os.waitpid(pid, 0)
    print(f"terminal {args.size} TERM={args.term} account={args.account}")
    print(f"open until the list is loaded: {len(start)} bytes")
    print(f"one cursor move (j), median of 20: {statistics.median(moves):.0f} bytes (min {min(moves)}, max {max(moves)})")
    print(f"20 queued keys (k x20 in one write): {burst} bytes")

if __name__ == "__main__":
    main()
