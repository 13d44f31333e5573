#!/usr/bin/env python3
"""Times the dashboard from outside, as a terminal sees it (shinchoku-bench --pty runs this).

The binary runs in a pseudo-terminal of COLUMNS x ROWS. Measured:
- start to first screen: from the fork to the first frame's key bar (its last row) read; with
  --starts N, the median of N starts (and the slowest), with the phases of the median one;
- start to complete calendar: from the fork to the moment the dashboard says its events are in
  (it writes CLOCK_MONOTONIC to SHINCHOKU_BENCH_EVENTS_FILE);
- the floor (not with --start-only): the same for a key echoed back by `cat` in a pty of its
  own (the pty, the wakeups and this script, with no dashboard): what this machine adds to
  every key, p50, p99 and the slowest;
- per key (not with --start-only): from the key's bytes written to the pty to the last byte of the redraw (output
  quiet for --quiet ms, minus that wait), p50 and p99, and the bytes written per key; and of
  that, the part inside the dashboard (it writes, per key, when it read the key, changed the
  state, rendered and drew the frame to SHINCHOKU_BENCH_KEYS_FILE): p50 and p99 of key read to
  frame drawn, and the p50 of each step.
Prints one JSON object.
"""
import argparse
import fcntl
import json
import os
import pty
import select
import struct
import sys
import tempfile
import termios
import time

ACTIONS = {
    # name: (keys to get there, the two keys, how many of one before the other): every key
    # changes the screen.
    "move a day": ("\t\t", ["\x1b[C", "\x1b[D"], 40),
    "move a month": ("\t\t", ["\x1b[6~", "\x1b[5~"], 12),
    "move in the matrix": ("", ["\x1b[B", "\x1b[A"], 3),
    "switch snapshot": ("", ["[", "]"], 1),
}
# The key bar's last hint: once it is drawn, the first frame is (ncurses sends rows in order).
FRAME_END = ("終了".encode(), b"Quit")


def read_until_quiet(fd, quiet, limit=30.0):
    """Reads until nothing came for `quiet` seconds: (bytes, time of the last byte)."""
    data = bytearray()
    last = None
    start = time.monotonic()
    while time.monotonic() - start < limit:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            if data:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
        last = time.monotonic()
    return bytes(data), last


def floor(repeat, quiet):
    """Each key's time to come back from `cat` in raw mode: the pty's and this script's part."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execv("/bin/sh", ["sh", "-c", "stty raw -echo && printf ready && exec cat"])
    data = bytearray()
    while b"ready" not in data:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            break
        data += os.read(fd, 65536)
    samples = []
    for _ in range(repeat):
        sent = time.monotonic()
        os.write(fd, b"x")
        _, last = read_until_quiet(fd, quiet, limit=2)
        if last is not None:
            samples.append((last - sent) * 1000)
    os.kill(pid, 15)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)
    if not samples:
        return None
    return {
        "p50_ms": percentile(samples, 0.5), "p99_ms": percentile(samples, 0.99),
        "max_ms": max(samples),
    }


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(len(ordered) * p + 0.999) - 1))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--themes", required=True)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--quiet", type=float, default=30, help="ms of no output that ends a redraw")
    parser.add_argument("--events-timeout", type=float, default=120, help="s to wait for the events")
    parser.add_argument("--start-only", action="store_true", help="only the start: no keys")
    parser.add_argument(
        "--starts", type=int, default=1,
        help="starts timed to the first screen (the median is reported, with the phases of that start)")
    parser.add_argument(
        "--actions", default=",".join(ACTIONS),
        help="the actions timed, comma-separated (for a profile of one): " + ", ".join(ACTIONS))
    parser.add_argument(
        "--samples", action="store_true",
        help="also print each key's time and its inside part (ms), in the order sent")
    args = parser.parse_args()
    chosen = [name.strip() for name in args.actions.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in ACTIONS]
    if unknown:
        parser.error("unknown action: " + ", ".join(unknown))
    columns, rows = (int(n) for n in args.size.split("x"))
    quiet = args.quiet / 1000
    marker = tempfile.mktemp(prefix="shinchoku-pty-events-")
    phases = tempfile.mktemp(prefix="shinchoku-pty-phases-")
    keys_file = tempfile.mktemp(prefix="shinchoku-pty-keys-")
    env = dict(
        os.environ, TERM="xterm-256color", SHINCHOKU_BENCH_EVENTS_FILE=marker, LANG="C.UTF-8",
        SHINCHOKU_BENCH_PHASES_FILE=phases, SHINCHOKU_BENCH_KEYS_FILE=keys_file)
    env.pop("NO_COLOR", None)
    def launch():
        """Starts the dashboard: (pid, fd, start, the first frame's bytes, its last byte's time)."""
        start = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            os.execve(args.binary, [args.binary, "--data", args.data, "--themes", args.themes], env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        # The first frame ends with the key bar (the last row) and the cursor's placement; the
        # events' progress may redraw right after it, so quiet cannot tell where it ends.
        first = bytearray()
        last = None
        while last is None and time.monotonic() - start < 120:
            ready, _, _ = select.select([fd], [], [], 1)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                first += chunk
                if any(mark in first for mark in FRAME_END):
                    last = time.monotonic()
        return pid, fd, start, first, last

    def read_phases(start):
        """Where the start's time went: each phase's end, ms from the fork (the dashboard's word)."""
        try:
            with open(phases) as file:
                found = {
                    name: round((int(ns) / 1e9 - start) * 1000, 2)
                    for name, ns in (line.split() for line in file if line.strip())
                }
            os.unlink(phases)
            return found
        except (OSError, ValueError):
            return None

    # Starts before the measured run, each ended once its first screen is out: the first
    # screen is reported as the median of them all (one start alone says little at 50 ms).
    starts = []
    for _ in range(max(0, args.starts - 1)):
        pid, fd, start, _, last = launch()
        os.write(fd, b"q")
        read_until_quiet(fd, quiet, limit=5)
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        os.close(fd)
        if os.path.exists(marker):
            os.unlink(marker)
        if last is not None:
            starts.append(((last - start) * 1000, read_phases(start)))
        elif os.path.exists(phases):
            os.unlink(phases)
    pid, fd, start, first, last = launch()
    result = {"first_screen_ms": (last - start) * 1000 if last else None, "first_screen_bytes": len(first)}
    measured_start = start
    # The complete calendar: the dashboard's own word (CLOCK_MONOTONIC, ns, as time.monotonic).
    deadline = time.monotonic() + args.events_timeout
    while not os.path.exists(marker) and time.monotonic() < deadline:
        read_until_quiet(fd, 0.005, limit=0.05)
    try:
        with open(marker) as file:
            result["complete_calendar_ms"] = (int(file.read()) / 1e9 - start) * 1000
        os.unlink(marker)
    except (OSError, ValueError):
        result["complete_calendar_ms"] = None
    read_until_quiet(fd, quiet * 3)
    result["phases_ms"] = read_phases(measured_start)
    if starts:
        if last is not None:
            starts.append((result["first_screen_ms"], result["phases_ms"]))
        starts.sort(key=lambda run: run[0])
        middle = starts[len(starts) // 2]
        result["first_screen_ms"], result["phases_ms"] = middle
        result["first_screen_starts"] = len(starts)
        result["first_screen_max_ms"] = starts[-1][0]
    actions = {}
    # The dashboard's own account of each key (one line per key, once its frame is drawn).
    keys_log = None
    def inside_lines():
        nonlocal keys_log
        if keys_log is None:
            try:
                keys_log = open(keys_file)
            except OSError:
                return []
        return [[int(n) for n in line.split()] for line in keys_log.readlines() if line.strip()]
    for name, (setup, keys, period) in ([] if args.start_only else ACTIONS.items()):
        if name not in chosen:
            continue
        for key in setup:
            os.write(fd, key.encode())
            read_until_quiet(fd, quiet)
        samples = []
        sizes = []
        inside = []
        inside_lines()
        for index in range(args.repeat):
            key = keys[(index // period) % 2]
            sent = time.monotonic()
            os.write(fd, key.encode())
            data, last = read_until_quiet(fd, quiet, limit=2)
            if last is None:
                # No redraw: not a sample.
                continue
            samples.append((last - sent) * 1000)
            sizes.append(len(data))
            lines = inside_lines()
            if len(lines) == 1 and len(lines[0]) == 4:
                inside.append([(b - a) / 1e6 for a, b in zip(lines[0], lines[0][1:])])
        if not samples:
            continue
        actions[name] = {
            "p50_ms": percentile(samples, 0.5),
            "p90_ms": percentile(samples, 0.9),
            "p99_ms": percentile(samples, 0.99),
            "max_ms": max(samples),
            "bytes_per_key": sum(sizes) / len(sizes),
        }
        if args.samples:
            actions[name]["samples_ms"] = [round(sample, 3) for sample in samples]
            actions[name]["inside_samples_ms"] = [round(sum(parts), 3) for parts in inside]
        if inside:
            totals = [sum(parts) for parts in inside]
            actions[name].update({
                "inside_p50_ms": percentile(totals, 0.5),
                "inside_p99_ms": percentile(totals, 0.99),
                "state_p50_ms": percentile([parts[0] for parts in inside], 0.5),
                "render_p50_ms": percentile([parts[1] for parts in inside], 0.5),
                "draw_p50_ms": percentile([parts[2] for parts in inside], 0.5),
            })
        # Back to the matrix (Tab cycles the three panes) for the next action.
        for _ in range((3 - len(setup)) % 3):
            os.write(fd, b"\t")
            read_until_quiet(fd, quiet)
    result["actions"] = actions
    if keys_log is not None:
        keys_log.close()
    os.write(fd, b"q")
    read_until_quiet(fd, quiet)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    if os.path.exists(keys_file):
        os.unlink(keys_file)
    if not args.start_only:
        result["floor"] = floor(args.repeat, quiet)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
