#!/usr/bin/env python3
"""Runs asyncio programs under the real asyncio (the oracle) and under Loop Lab's prelude, both on
CPython 3.13 with a virtual clock, and compares stdout, stderr and exit status.

Programs: tests/diff/aio/*.py (the differential corpus) and tests/aio_prelude/probes/*.py.
Both outputs go through tests/diff/run.py's own normalisation (imported, not copied).

Usage: run_against_cpython.py [-k SUBSTR] [-j N] [-v] [--update-cache]
"""

import argparse
import concurrent.futures
import difflib
import glob
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
PRELUDE = os.path.join(ROOT, "engine", "aio", "prelude")
SHIM = os.path.join(HERE, "shim")


def load_diff_runner():
    spec = importlib.util.spec_from_file_location("diff_run", os.path.join(ROOT, "tests", "diff", "run.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


diff = load_diff_runner()


def prelude_env():
    env = diff.oracle_env()   # same interpreter and settings as the oracle ...
    env["PYTHONPATH"] = os.pathsep.join([PRELUDE, SHIM])   # ... but our asyncio first
    return env


# Programs about what only native code can do: a Future whose __init__ never ran answers like
# CPython's C Future in Loop Lab (future_methods.cpp), not in the prelude's Python Future.
NATIVE_ONLY = {"198_future_uninitialized.py"}


def programs(substring):
    found = sorted(p for p in glob.glob(os.path.join(ROOT, "tests", "diff", "aio", "*.py"))
                   if os.path.basename(p) not in NATIVE_ONLY)
    found += sorted(glob.glob(os.path.join(HERE, "probes", "*.py")))
    return [p for p in found if not substring or substring in os.path.relpath(p, ROOT)]


def compare(path, key_extra, update):
    expected = diff.cached_oracle(path, key_extra, update)
    actual = diff.run_command(["python3", path], prelude_env())
    want, got = diff.render(expected, path), diff.render(actual, path)
    if want == got:
        return True, ""
    lines = list(difflib.unified_diff(want.splitlines(), got.splitlines(),
                                      "cpython", "prelude", lineterm=""))
    if len(lines) > 60:
        lines = lines[:60] + [f"... ({len(lines) - 60} more diff lines)"]
    return False, "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-k", dest="substring")
    ap.add_argument("-j", dest="jobs", type=int, default=2)
    ap.add_argument("-v", dest="verbose", action="store_true")
    ap.add_argument("--update-cache", action="store_true")
    args = ap.parse_args()
    version = diff.python_version()
    with open(diff.HARNESS, "rb") as f:
        key_extra = f.read() + b"\0" + version.encode()
    todo = programs(args.substring)
    passed = failed = 0
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = pool.map(lambda p: compare(p, key_extra, args.update_cache), todo)
        for path, (ok, report) in zip(todo, results):
            name = os.path.relpath(path, ROOT)
            if ok:
                passed += 1
                if args.verbose:
                    print(f"PASS {name}")
            else:
                failed += 1
                failures.append(name)
                print(f"FAIL {name}")
                print(report)
            sys.stdout.flush()
    if failures:
        print("failed:", " ".join(os.path.basename(f) for f in failures))
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
