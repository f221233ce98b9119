#!/usr/bin/env python3
"""Checks the looplab command-line contract: usage and bad flags, CPython's missing-file message,
exit statuses (sys.exit, a runaway loop, a deadlock), the --trace / --json renderings of a
tiny asyncio program whose timing was checked against CPython 3.13 on the virtual clock, and
`looplab notebook` (cells, Out[N] lines, a failing cell, its options).

    python3 tests/cli/run.py --looplab build/native/looplab
    python3 tests/cli/run.py --runner "node --no-experimental-fetch build/wasm/looplab-node.js"

Ends with the line "N passed, N failed"; the exit status is 0 only when all passed.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

# Task-2 starts at t=1.0 and sleeps 2 s; CPython 3.13 on the oracle's virtual clock prints this.
TIMED_PROGRAM = """\
import asyncio, time
async def worker():
    print("worker starts at", time.monotonic())
    await asyncio.sleep(2)
    print("worker done at", time.monotonic())
async def main():
    await asyncio.sleep(1)
    await asyncio.create_task(worker())
    print("main done at", time.monotonic())
asyncio.run(main())
"""
TIMED_STDOUT = "worker starts at 1.0\nworker done at 3.0\nmain done at 3.0\n"

RUNAWAY_PROGRAM = "x = 0\nprint('before')\nwhile True:\n    x += 1\n"
RUNAWAY_TASK_PROGRAM = """\
import asyncio
async def spin():
    await asyncio.sleep(1)
    while True:
        pass
asyncio.run(spin())
"""
DEADLOCK_PROGRAM = "import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n"
EXIT_PROGRAM = "import sys\nprint('bye')\nsys.exit(5)\n"

# A notebook: CPython 3.13 (tests/diff/oracle/notebook.py) prints NOTEBOOK_STDOUT for it.
NOTEBOOK = """\
# a notebook of four cells
import asyncio
# %%
t = asyncio.create_task(asyncio.sleep(2, result="slept"))
await asyncio.sleep(1)
asyncio.get_running_loop().time()
# %%
1 / 0
# %%
await t
"""
NOTEBOOK_STDOUT = "Out[2]: 1.0\nOut[4]: 'slept'\n"


class Checker:
    def __init__(self, argv, workdir):
        self.argv = argv
        self.workdir = workdir
        self.passed = 0
        self.failed = 0

    def write(self, name, text):
        path = os.path.join(self.workdir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def run(self, *args):
        p = subprocess.run(self.argv + list(args), cwd=self.workdir, capture_output=True, text=True, timeout=120)
        return p.returncode, p.stdout, p.stderr

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))


def narration_lines(stderr):
    return [l for l in stderr.splitlines() if re.match(r"^tick \d+ t=\S+  \S", l)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--looplab", help="path of the native looplab binary")
    ap.add_argument("--runner", help='command that runs the WebAssembly build, e.g. "node x/looplab-node.js"')
    args = ap.parse_args()
    if args.runner:
        argv = shlex.split(args.runner)
    elif args.looplab and os.path.exists(args.looplab):
        argv = [os.path.abspath(args.looplab)]
    else:
        print("tests/cli/run.py: give --looplab PATH (an existing binary) or --runner COMMAND", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        tmp = os.path.realpath(tmp)
        c = Checker(argv, tmp)

        # Usage.
        st, out, err = c.run("--help")
        c.check("--help exits 0", st == 0, f"status {st}")
        c.check("--help prints usage on stdout", out.startswith("usage: looplab run") and "--trace" in out
                and "--json" in out and "--budget" in out and "--memory-mb" in out, out[:200])
        st, out, err = c.run()
        c.check("no arguments: usage, exit 2", st == 2 and "usage: looplab" in err, f"status {st}, {err[:200]!r}")
        prog = c.write("timed.py", TIMED_PROGRAM)
        st, out, err = c.run("run", "--bogus", prog)
        c.check("unknown flag: exit 2 and named", st == 2 and "'--bogus'" in err and out == "", f"status {st}, {err!r}")
        st, out, err = c.run("run", "--budget", "lots", prog)
        c.check("bad --budget value: exit 2", st == 2 and "--budget" in err, f"status {st}, {err!r}")
        st, out, err = c.run("run", prog, "--budget")
        c.check("--budget without value: exit 2", st == 2 and "--budget" in err, f"status {st}, {err!r}")
        st, out, err = c.run("frobnicate", prog)
        c.check("unknown command: exit 2", st == 2 and "frobnicate" in err, f"status {st}, {err!r}")

        # A missing file: CPython's message (`python3 missing.py` run in the same directory), with
        # the program name "looplab".
        st, out, err = c.run("run", "missing.py")
        want = f"looplab: can't open file '{tmp}/missing.py': [Errno 2] No such file or directory\n"
        c.check("missing file: CPython's message", err == want, f"{err!r} != {want!r}")
        c.check("missing file: exit 2", st == 2 and out == "", f"status {st}")
        st, out, err = c.run("run", "--trace", "./missing.py")
        c.check("missing file with --trace: same message, path as given",
                st == 2 and err == f"looplab: can't open file '{tmp}/./missing.py': [Errno 2] No such file or directory\n",
                f"status {st}, {err!r}")

        # The plain run of the timed program: CPython's output.
        st, plain_out, plain_err = c.run("run", prog)
        c.check("plain run: CPython's stdout", st == 0 and plain_out == TIMED_STDOUT and plain_err == "",
                f"status {st}, {plain_out!r}, {plain_err!r}")

        # --trace: the same stdout; narration on stderr, one line per tick, stamped.
        st, out, err = c.run("run", "--trace", prog)
        c.check("--trace: exit 0", st == 0, f"status {st}: {err[-300:]}")
        c.check("--trace: stdout is the program's", out == TIMED_STDOUT, repr(out))
        lines = narration_lines(err)
        c.check("--trace: every stderr line is a narrated tick", lines and len(lines) == len(err.splitlines()), err)
        ticks = [int(l.split()[1]) for l in lines]
        c.check("--trace: ticks in order", ticks == sorted(ticks), str(ticks))
        sleep2 = [l for l in lines if "Task-2" in l and "asyncio.sleep" in l and "until t=3.0" in l]
        c.check("--trace: Task-2's sleep(2) at t=1.0, pending until t=3.0",
                len(sleep2) == 1 and " t=1.0  " in sleep2[0] and "pending" in sleep2[0], "\n".join(lines))
        sleep1 = [l for l in lines if "Task-1" in l and "asyncio.sleep" in l and "until t=1.0" in l]
        c.check("--trace: Task-1's sleep(1) at t=0.0", len(sleep1) == 1 and " t=0.0  " in sleep1[0], "\n".join(lines))

        # --json: one JSON object per line; the prints are in it with their virtual times.
        st, out, err = c.run("run", "--json", prog)
        c.check("--json: exit 0, nothing on stderr", st == 0 and err == "", f"status {st}, {err!r}")
        events = []
        bad = []
        for l in out.splitlines():
            try:
                events.append(json.loads(l))
            except ValueError:
                bad.append(l)
        c.check("--json: every line parses", out and not bad, repr(bad[:3]))
        c.check("--json: tick, time and kind in every event",
                events and all(isinstance(e.get("tick"), int) and isinstance(e.get("time"), (int, float))
                               and isinstance(e.get("kind"), str) for e in events), repr(events[:3]))
        times = [e["time"] for e in events]
        c.check("--json: time never goes back", times == sorted(times))
        prints = [(e["time"], e.get("detail")) for e in events if e.get("kind") == "print"]
        c.check("--json: prints with their times",
                prints == [(1.0, "worker starts at 1.0"), (3.0, "worker done at 3.0"), (3.0, "main done at 3.0")],
                repr(prints))
        c.check("--json: tick_end events carry the narration",
                sum(1 for e in events if e["kind"] == "tick_end") == len(lines), "")

        # Exit statuses go through in both modes.
        ex = c.write("exit5.py", EXIT_PROGRAM)
        for flags in ([], ["--trace"]):
            st, out, err = c.run("run", *flags, ex)
            c.check(f"sys.exit(5) {flags}: status 5", st == 5 and out == "bye\n", f"status {st}, {out!r}")

        # A runaway loop: stopped, exit 3, the line named.
        rp = c.write("runaway.py", RUNAWAY_PROGRAM)
        for flags in ([], ["--trace"]):
            st, out, err = c.run("run", "--budget", "200000", *flags, rp)
            c.check(f"runaway {flags}: exit 3", st == 3, f"status {st}, {err!r}")
            c.check(f"runaway {flags}: output before it kept", out == "before\n", repr(out))
            c.check(f"runaway {flags}: line 3 named", re.search(r"\bline 3\b", err) is not None, repr(err))
        tp = c.write("runaway_task.py", RUNAWAY_TASK_PROGRAM)
        st, out, err = c.run("run", "--budget", "200000", "--trace", tp)
        c.check("runaway task --trace: exit 3, Task-1 at line 4",
                st == 3 and re.search(r"Task-1 is stuck at line [45]\b", err) is not None, f"status {st}, {err!r}")

        # A deadlock: exit 3 and the oracle's message.
        dp = c.write("deadlock.py", DEADLOCK_PROGRAM)
        for flags in ([], ["--trace"]):
            st, out, err = c.run("run", *flags, dp)
            c.check(f"deadlock {flags}: exit 3 with a message", st == 3 and "deadlock" in err, f"status {st}, {err!r}")

        # A logged exception is shown once with --trace (its trace event is not a second copy).
        lost = c.write("lost.py", "import asyncio\nasync def boom():\n    raise ValueError('lost')\n"
                                  "async def main():\n    asyncio.create_task(boom())\n    await asyncio.sleep(1)\n"
                                  "asyncio.run(main())\n")
        st, out, err = c.run("run", "--trace", lost)
        c.check("--trace: 'Task exception was never retrieved' once",
                st == 0 and err.count("Task exception was never retrieved") == 1 and "ValueError: lost" in err, repr(err[-400:]))

        # looplab notebook: Out[N] lines, a failing cell's traceback, the next cell runs, status 1.
        nb = c.write("nb.py", NOTEBOOK)
        st, out, err = c.run("notebook", nb)
        c.check("notebook: Out lines on stdout", out == NOTEBOOK_STDOUT, repr(out))
        c.check("notebook: the failing cell's traceback names its line",
                err == f'Traceback (most recent call last):\n  File "{tmp}/nb.py", line 8, in <module>\n'
                       "    1 / 0\n    ~~^~~\nZeroDivisionError: division by zero\n", repr(err))
        c.check("notebook: exit 1 after a failing cell", st == 1, f"status {st}")
        ok = c.write("nb_ok.py", "# %%\nx = 2\n# %%\nx * 21\n")
        st, out, err = c.run("notebook", ok)
        c.check("notebook without failures: exit 0", st == 0 and out == "Out[2]: 42\n" and err == "",
                f"status {st}, {out!r}, {err!r}")
        st, out, err = c.run("notebook", "--trace", nb)
        c.check("notebook --trace: same stdout, narrated ticks on stderr",
                st == 1 and out == NOTEBOOK_STDOUT and narration_lines(err) and "ZeroDivisionError" in err,
                f"status {st}, {out!r}")
        st, out, err = c.run("notebook", "--json", ok)
        c.check("notebook --json: the Out line is a print event",
                st == 0 and any(json.loads(l).get("detail") == "Out[2]: 42" for l in out.splitlines()), repr(out[:300]))
        st, out, err = c.run("notebook", "missing.py")
        c.check("notebook: missing file, CPython's message, exit 2",
                st == 2 and "can't open file" in err and "missing.py" in err, f"status {st}, {err!r}")
        st, out, err = c.run("notebook", "--bogus", nb)
        c.check("notebook: unknown flag, exit 2", st == 2 and "'--bogus'" in err, f"status {st}, {err!r}")
        st, out, err = c.run("--help")
        c.check("--help documents notebook", "looplab notebook" in out and "# %%" in out and "Out[N]" in out, out[:300])
        ndl = c.write("nb_deadlock.py", "import asyncio\n# %%\nawait asyncio.Event().wait()\n")
        st, out, err = c.run("notebook", ndl)
        c.check("notebook: a cell waiting forever is a deadlock, exit 3", st == 3 and "deadlock" in err, f"status {st}, {err!r}")

    print(f"{c.passed} passed, {c.failed} failed")
    return 0 if c.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
