#!/usr/bin/env python3
"""Differential test runner: every program in tests/diff/<suite>/ must give the same stdout,
stderr and exit status under Loop Lab as under CPython 3.13 on a virtual clock (the oracle).

Normalisation, applied identically to both sides before comparing (and nothing else):
  1. Traceback frames whose file is not the program itself are dropped, together with their
     source, caret and "...<N lines>..." lines. That removes CPython's stdlib frames
     (File "<LIB>/asyncio/tasks.py", ...), the oracle harness's own frames and Loop Lab's
     prelude frames (File "<asyncio>", ...), whose paths and line numbers can never agree.
     Frames inside exception-group boxes ("    |   File ...") are handled the same way.
  2. The program's absolute path is replaced by its basename everywhere (task reprs,
     warnings, tracebacks), so results do not depend on where the checkout lives.

The notebook suite holds `# %%`-separated notebooks: Loop Lab runs them with `looplab notebook`,
CPython with oracle/notebook.py (the same cells, rule between cells and Out[N] lines).

Usage: run.py --looplab build/native/looplab [--suite lang|aio|threads|notebook|all] [-k SUBSTR] [-j N]
              [--runner "node ... looplab.js"] [--update-cache] [-v]
       run.py --check-oracle [--suite ...] [-k ...] [-j N]
"""

import argparse
import concurrent.futures
import difflib
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE_DIR = os.path.join(HERE, "oracle")
HARNESS = os.path.join(ORACLE_DIR, "sitecustomize.py")
NOTEBOOK_ORACLE = os.path.join(ORACLE_DIR, "notebook.py")
SUITES = ("lang", "aio", "threads", "notebook")
TIMEOUT = 20.0
SLOW = 5.0
CACHE_DIR = os.path.join(os.path.expanduser("~"), ".cache", "looplab", "oracle")

# A traceback frame header, possibly inside exception-group boxes ("  |   File ...").
FRAME_RE = re.compile(r'^(?P<box>[ |]*?)  File "(?P<path>[^"]*)", line \d+')


class Result:
    def __init__(self, stdout, stderr, status, seconds=0.0):
        self.stdout, self.stderr, self.status, self.seconds = stdout, stderr, status, seconds

    def to_json(self):
        return {"stdout": self.stdout, "stderr": self.stderr, "status": self.status}

    @staticmethod
    def from_json(d):
        return Result(d["stdout"], d["stderr"], d["status"])


def base_env():
    """The environment both sides run in: nothing inherited that changes Python's behaviour."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # keeps __pycache__ out of tests/diff/oracle
    return env


def oracle_env(hash_seed=None):
    env = base_env()
    env["PYENV_VERSION"] = "3.13.0"
    # When run.py itself was started through a pyenv shim, `pyenv exec` has put that version's
    # bin directory first on PATH; drop it so `python3` reaches the shim again.
    env["PATH"] = os.pathsep.join(d for d in env.get("PATH", "").split(os.pathsep)
                                  if "/.pyenv/versions/" not in d)
    env["PYTHONPATH"] = ORACLE_DIR
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = str(hash_seed)
    return env


def run_command(argv, env):
    with tempfile.TemporaryDirectory(prefix="looplab-diff-") as cwd:
        start = time.monotonic()
        try:
            proc = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                  capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"").decode("utf-8", "replace")
            err = (e.stderr or b"").decode("utf-8", "replace")
            return Result(out, err + f"\n<timed out after {TIMEOUT:g} s>\n", "timeout",
                          time.monotonic() - start)
        return Result(proc.stdout.decode("utf-8", "replace"),
                      proc.stderr.decode("utf-8", "replace"), proc.returncode,
                      time.monotonic() - start)


def python_version():
    proc = subprocess.run(["python3", "-c", "import sys; print(sys.version)"],
                          env=oracle_env(), capture_output=True, text=True)
    version = proc.stdout.strip()
    if not version.startswith("3.13"):
        sys.exit(f"run.py: the oracle must be CPython 3.13 (PYENV_VERSION=3.13.0 python3), got {version!r}")
    return version


def is_notebook(path):
    return os.path.basename(os.path.dirname(path)) == "notebook"


def run_oracle(path, hash_seed=None):
    argv = ["python3", NOTEBOOK_ORACLE, path] if is_notebook(path) else ["python3", path]
    return run_command(argv, oracle_env(hash_seed))


def cached_oracle(path, key_extra, update):
    with open(path, "rb") as f:
        text = f.read()
    # The output names the program by its absolute path, so the path is part of the key: two
    # checkouts of the same program must not share a cached result.
    if is_notebook(path):
        with open(NOTEBOOK_ORACLE, "rb") as f:
            key_extra += b"\0" + f.read()
    key = hashlib.sha256(text + b"\0" + os.path.abspath(path).encode() + b"\0" + key_extra).hexdigest()
    cache_file = os.path.join(CACHE_DIR, key + ".json")
    if not update and os.path.exists(cache_file):
        with open(cache_file) as f:
            return Result.from_json(json.load(f))
    result = run_oracle(path)
    if result.status != "timeout":
        os.makedirs(CACHE_DIR, exist_ok=True)
        tmp = f"{cache_file}.{os.getpid()}.tmp"
        with open(tmp, "w") as f:
            json.dump(result.to_json(), f)
        os.replace(tmp, cache_file)
    return result


def drop_internal_frames(text, program):
    """Rule 1: keep only traceback frames that belong to the program."""
    out = []
    skipping = None  # the box prefix of the frame being dropped
    for line in text.split("\n"):
        if skipping is not None:
            # A dropped frame's source/caret lines are indented deeper than its File line.
            if line.startswith(skipping + "    ") and not FRAME_RE.match(line):
                continue
            skipping = None
        m = FRAME_RE.match(line)
        if m and m.group("path") != program:
            skipping = m.group("box")
            continue
        out.append(line)
    return "\n".join(out)


def normalise(text, program):
    text = drop_internal_frames(text, program)
    return text.replace(program, os.path.basename(program))  # rule 2


def render(result, program):
    """One text holding everything compared, so one diff shows every difference."""
    return (f"--- exit status: {result.status}\n"
            f"--- stdout:\n{normalise(result.stdout, program)}"
            f"--- stderr:\n{normalise(result.stderr, program)}")


KNOWN_FAILURES = os.path.join(HERE, "known_failures.txt")
KNOWN_FAILURES_HEADER = """\
# Programs of the corpus that Loop Lab does not pass yet, one per line (suite/name.py).
# run.py still runs them and reports each, but does not count them as failed; a listed program
# that passes is reported as XPASS so it can be removed. Regenerate with --write-known-failures.
# The goal is an empty list: every entry is a bug or a missing feature.
"""


def read_known_failures(path):
    if not path or not os.path.exists(path):
        return set()
    with open(path) as f:
        return {line.split("#")[0].strip() for line in f if line.split("#")[0].strip()}


def list_programs(suite, substring):
    suites = SUITES if suite == "all" else (suite,)
    programs = []
    for s in suites:
        folder = os.path.join(HERE, s)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py") and (not substring or substring in f"{s}/{name}"):
                programs.append(os.path.join(folder, name))
    return programs


def short(path):
    return os.path.relpath(path, HERE)


def compare_one(path, looplab_argv, key_extra, update):
    expected = cached_oracle(path, key_extra, update)
    actual = run_command(looplab_argv + ["notebook" if is_notebook(path) else "run", path], base_env())
    want, got = render(expected, path), render(actual, path)
    if want == got:
        return True, ""
    diff = difflib.unified_diff(want.splitlines(), got.splitlines(),
                                "cpython/" + short(path), "looplab/" + short(path), lineterm="")
    lines = list(diff)
    if len(lines) > 40:
        lines = lines[:40] + [f"... ({len(lines) - 40} more diff lines)"]
    return False, "\n".join(lines)


def check_oracle_one(path):
    """Two uncached runs with different hash seeds: any difference is non-determinism."""
    first = run_oracle(path, hash_seed=1)
    second = run_oracle(path, hash_seed=2)
    problems = []
    if render(first, path) != render(second, path):
        diff = difflib.unified_diff(render(first, path).splitlines(),
                                    render(second, path).splitlines(),
                                    "run-1", "run-2", lineterm="")
        problems.append("output differs between runs:\n" + "\n".join(list(diff)[:40]))
    slowest = max(first.seconds, second.seconds)
    if slowest > SLOW:
        problems.append(f"took {slowest:.1f} s (limit {SLOW:g} s)")
    if "oracle: deadlock" in first.stderr:
        problems.append("the oracle reported a deadlock")
    return not problems, "\n".join(problems), first


def main():
    ap = argparse.ArgumentParser(description="Loop Lab differential tests against CPython 3.13.")
    ap.add_argument("--looplab", help="path of the native looplab binary")
    ap.add_argument("--runner", help='command that runs the WebAssembly build, e.g. "node x/looplab.js"')
    ap.add_argument("--suite", choices=SUITES + ("all",), default="all")
    ap.add_argument("-k", dest="substring", help="only programs whose suite/name contains this")
    ap.add_argument("-j", dest="jobs", type=int, default=1)
    ap.add_argument("--update-cache", action="store_true", help="re-run the oracle, ignoring the cache")
    ap.add_argument("--check-oracle", action="store_true",
                    help="run each program twice under CPython: report non-determinism and slowness")
    ap.add_argument("-v", dest="verbose", action="store_true", help="print every program's outcome")
    ap.add_argument("--known-failures", default=KNOWN_FAILURES,
                    help="file listing programs Loop Lab does not pass yet (reported, not counted as failed)")
    ap.add_argument("--write-known-failures", action="store_true",
                    help="rewrite the known-failures file with exactly the programs failing now")
    args = ap.parse_args()
    known = read_known_failures(args.known_failures)

    programs = list_programs(args.suite, args.substring)
    version = python_version()

    if args.check_oracle:
        work = lambda p: check_oracle_one(p)  # noqa: E731
    else:
        if args.runner:
            looplab_argv = shlex.split(args.runner)
        elif args.looplab:
            if not (os.path.isfile(args.looplab) and os.access(args.looplab, os.X_OK)):
                print(f"run.py: looplab binary not found or not executable: {args.looplab}", file=sys.stderr)
                return 2
            looplab_argv = [os.path.abspath(args.looplab)]
        else:
            print("run.py: give --looplab PATH or --runner COMMAND (or --check-oracle)", file=sys.stderr)
            return 2
        with open(HARNESS, "rb") as f:
            key_extra = f.read() + b"\0" + version.encode()
        work = lambda p: compare_one(p, looplab_argv, key_extra, args.update_cache)[:2]  # noqa: E731

    passed = failed = expected_failures = 0
    failing_now = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for path, outcome in zip(programs, pool.map(work, programs)):
            ok, report = outcome[0], outcome[1]
            if not ok:
                failing_now.append(short(path))
            if ok and short(path) in known and not args.check_oracle:
                passed += 1
                print(f"XPASS {short(path)} (passes now: remove it from {os.path.relpath(args.known_failures)})")
            elif ok:
                passed += 1
                if args.verbose:
                    print(f"PASS {short(path)}")
            elif short(path) in known and not args.check_oracle:
                expected_failures += 1
                if args.verbose:
                    print(f"XFAIL {short(path)}")
                    print(report)
            else:
                failed += 1
                print(f"FAIL {short(path)}")
                print(report)
            if args.verbose and args.check_oracle:
                status = outcome[2].status
                print(f"     exit {status}, {outcome[2].seconds:.2f} s")
            sys.stdout.flush()
    if args.write_known_failures:
        with open(args.known_failures, "w") as f:
            f.write(KNOWN_FAILURES_HEADER)
            f.writelines(name + "\n" for name in failing_now)
        print(f"wrote {len(failing_now)} programs to {args.known_failures}")
    if expected_failures:
        print(f"{expected_failures} known failures (listed in {os.path.relpath(args.known_failures)}, not counted)")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
