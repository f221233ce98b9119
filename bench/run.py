#!/usr/bin/env python3
"""Times each benchmark program in native looplab and in CPython 3.13 side by side, in one run.

Usage: python3 bench/run.py [--looplab build/native/looplab] [--repeat 3] [-k substring]
Prints one row per program (best wall time of each, and looplab/CPython as a ratio: below 1.0
means Loop Lab is faster) and checks that both printed the same output. asyncio programs in
bench/aio run CPython on the virtual clock of tests/diff/oracle, as the differential tests do.
"""
import argparse
import os
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
ORACLE = ROOT / "tests" / "diff" / "oracle"


def timed(cmd, env):
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    return time.perf_counter() - start, proc


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--looplab", default=str(ROOT / "build" / "native" / "looplab"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("-k", default="")
    args = ap.parse_args()
    if not os.access(args.looplab, os.X_OK):
        sys.exit(f"bench: no looplab binary at {args.looplab} (build it with scripts/build native)")

    cpython_env = dict(os.environ, PYENV_VERSION="3.13.0", PYTHONPATH=str(ORACLE))
    programs = sorted(p for p in (ROOT / "bench").glob("*/*.py") if args.k in p.name)
    print(f"{'program':34} {'CPython 3.13':>12} {'looplab':>10} {'ratio':>7}  output")
    ratios = []
    for prog in programs:
        best = {}
        outputs = {}
        for name, cmd, env in (("cpython", ["python3", str(prog)], cpython_env),
                               ("looplab", [args.looplab, "run", str(prog)], dict(os.environ))):
            runs = [timed(cmd, env) for _ in range(args.repeat)]
            best[name] = min(t for t, _ in runs)
            outputs[name] = (runs[-1][1].returncode, runs[-1][1].stdout)
        same = "same" if outputs["cpython"] == outputs["looplab"] else "DIFFERENT"
        ratio = best["looplab"] / best["cpython"]
        ratios.append(ratio)
        label = f"{prog.parent.name}/{prog.name}"
        print(f"{label:34} {best['cpython']:>11.3f}s {best['looplab']:>9.3f}s {ratio:>6.2f}x  {same}")
    if ratios:
        geo = 1.0
        for r in ratios:
            geo *= r
        print(f"geometric mean ratio (looplab / CPython): {geo ** (1 / len(ratios)):.2f}x")


if __name__ == "__main__":
    main()
