#!/usr/bin/env python3
"""Times each benchmark program in native looplab and in CPython 3.13 side by side, in one run.

Usage: python3 bench/run.py [--looplab build/release/looplab] [--repeat 3] [-k substring]
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


# A program holding N tasks suspended in Event.wait(), all alive at the same moment.
SUSPENDED_TASKS = """\
import asyncio
async def waiter(ev):
    await ev.wait()
async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev)) for _ in range({n})]
    await asyncio.sleep(1)
    ev.set()
    await asyncio.gather(*tasks)
    print(len(tasks))
asyncio.run(main())
"""


def peak_rss_kb(cmd, env):
    """Peak resident memory of one child process, from wait4's rusage."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} exited with {proc.returncode}")
    return usage.ru_maxrss


def memory_per_suspended_task(runners, count=100_000):
    """(peak RSS with `count` suspended tasks - with none) / count, in bytes, per runtime."""
    import tempfile
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for n in (0, count):
            paths[n] = os.path.join(tmp, f"suspended_{n}.py")
            with open(paths[n], "w") as f:
                f.write(SUSPENDED_TASKS.format(n=n))
        for name, (argv, env) in runners.items():
            base = peak_rss_kb(argv + [paths[0]], env)
            full = peak_rss_kb(argv + [paths[count]], env)
            result[name] = (full - base) * 1024 / count
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # The release build (profile-guided, ThinLTO), as CPython's own release builds are made.
    ap.add_argument("--looplab", default=str(ROOT / "build" / "release" / "looplab"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("-k", default="")
    args = ap.parse_args()
    if not os.access(args.looplab, os.X_OK):
        sys.exit(f"bench: no looplab binary at {args.looplab} (build it with scripts/build release)")

    cpython_env = dict(os.environ, PYENV_VERSION="3.13.0", PYTHONPATH=str(ORACLE))
    # Call CPython 3.13 itself, not the pyenv shim (which may pick another version).
    cpython_env["PATH"] = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep)
                                          if "/.pyenv/versions/" not in p)
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
    if not args.k or args.k == "memory":
        per_task = memory_per_suspended_task({
            "cpython": (["python3"], cpython_env),
            "looplab": ([args.looplab, "run"], dict(os.environ)),
        })
        print(f"memory per suspended task (Event.wait, 100,000 tasks): "
              f"CPython 3.13 {per_task['cpython']:.0f} B, looplab {per_task['looplab']:.0f} B")


if __name__ == "__main__":
    main()
