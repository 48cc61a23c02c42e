#!/usr/bin/env python3
"""Time every bench/programs/NAME.py under CPython 3.12 and under `pyheap run`.

    bench/compare programs [--runs N] [--no-build] [--json PATH] [--timeout S] [NAME ...]

Each program is first run once under pyheap and its stdout and exit status are
compared with CPython 3.12's stored NAME.out / NAME.status: a program pyheap
cannot run, or whose output differs, is marked FAIL with the reason in one
phrase and is not timed further. Then both interpreters are run N times each,
alternately (so both see the same machine load), and the best wall time of each
counts. Prints a Markdown table and the geometric mean of the pyheap/CPython
ratios over the programs that passed, and writes the same as JSON
(default bench/results/programs.json). Exit status: 0, or 2 for bad usage.
"""

import argparse
import sys
from pathlib import Path

import benchlib

HERE = benchlib.ROOT / "bench" / "programs"

DEFAULT_JSON = benchlib.ROOT / "bench" / "results" / "programs.json"


def expected(name):
    out = (HERE / (name + ".out")).read_bytes()
    status = (HERE / (name + ".status")).read_text(encoding="utf-8").splitlines()
    code = int(status[0].split(":", 1)[1])
    last = status[1].split(":", 1)[1].strip()
    return out, code, last


def first_difference(actual, wanted):
    a = actual.decode("utf-8", "replace").splitlines()
    b = wanted.decode("utf-8", "replace").splitlines()
    for i in range(max(len(a), len(b))):
        if i >= len(a) or i >= len(b) or a[i] != b[i]:
            return "output differs at line %d" % (i + 1)
    return "output differs (line ends)"


def failure_reason(result, want):
    """None when `result` matches CPython's stored output, else a short phrase."""
    out, code, last = want
    if result.timed_out:
        return "timed out"
    if result.code != code:
        line = result.last_stderr_line or "no message"
        return "exit %s: %s" % (result.code, line[:90])
    if result.stdout != out:
        return first_difference(result.stdout, out)
    if result.last_stderr_line != last:
        return "stderr differs: %s" % result.last_stderr_line[:90]
    return None


def time_program(name, runs, timeout, python, pyheap):
    want = expected(name)
    script = name + ".py"
    row = {"program": name, "status": "ok", "reason": None,
           "cpython_s": None, "pyheap_s": None, "ratio": None,
           "cpython_cpu_s": None, "pyheap_cpu_s": None}
    first = benchlib.run([str(pyheap), "run", script], HERE, timeout)
    reason = failure_reason(first, want)
    if reason is not None:
        row["status"], row["reason"] = "FAIL", reason
    cpython_runs, pyheap_runs = [], [first] if reason is None else []
    for i in range(runs):
        c = benchlib.run([python, script], HERE, timeout)
        if failure_reason(c, want) is not None:
            row["status"], row["reason"] = "CPYTHON-DIFFERS", failure_reason(c, want)
            return row
        cpython_runs.append(c)
        if row["status"] == "ok" and i < runs - 1:
            p = benchlib.run([str(pyheap), "run", script], HERE, timeout)
            reason = failure_reason(p, want)
            if reason is not None:
                row["status"], row["reason"] = "FAIL", "a later run: " + reason
            else:
                pyheap_runs.append(p)
    row["cpython_s"] = min(r.wall for r in cpython_runs)
    row["cpython_cpu_s"] = min(r.cpu for r in cpython_runs)
    if row["status"] == "ok":
        row["pyheap_s"] = min(r.wall for r in pyheap_runs)
        row["pyheap_cpu_s"] = min(r.cpu for r in pyheap_runs)
        row["ratio"] = row["pyheap_s"] / row["cpython_s"]
    return row


def fmt(value, digits):
    return "-" if value is None else "%.*f" % (digits, value)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=benchlib.positive_int, default=3,
                    help="runs per interpreter and program, best counts (default 3)")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds allowed per run (default 600)")
    ap.add_argument("--no-build", action="store_true", help="time the pyheap binary already built")
    ap.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write the results")
    ap.add_argument("names", nargs="*", help="program names (default: all)")
    args = ap.parse_args(argv)
    benchlib.require_cpython_312("bench/compare programs")

    available = sorted(p.stem for p in HERE.glob("*.py"))
    names = [n[:-3] if n.endswith(".py") else n for n in args.names] or available
    unknown = [n for n in names if n not in available]
    if unknown:
        raise benchlib.UsageError("no such program: %s (have: %s)" % (", ".join(unknown), " ".join(available)))
    if not args.no_build:
        benchlib.build_dotnet(benchlib.PYHEAP_PROJECT, "pyheap")
    if not benchlib.PYHEAP_BINARY.exists():
        raise benchlib.UsageError("no pyheap binary at %s (build it, or drop --no-build)" % benchlib.PYHEAP_BINARY)

    rows = []
    for name in names:
        print("timing %s ..." % name, file=sys.stderr, flush=True)
        rows.append(time_program(name, args.runs, args.timeout, sys.executable, benchlib.PYHEAP_BINARY))

    ratios = [r["ratio"] for r in rows if r["status"] == "ok"]
    geomean = benchlib.geometric_mean(ratios)
    table = benchlib.markdown_table(
        ["program", "CPython 3.12 s", "pyheap s", "ratio", "status"],
        [[r["program"], fmt(r["cpython_s"], 3), fmt(r["pyheap_s"], 3), fmt(r["ratio"], 2),
          "ok" if r["status"] == "ok" else "%s: %s" % (r["status"], r["reason"])] for r in rows],
        right_aligned={1, 2, 3})
    print(table)
    summary = "geometric mean pyheap/CPython over %d of %d programs that ran: %s" % (
        len(ratios), len(rows), "-" if geomean is None else "%.2f" % geomean)
    print()
    print(summary + "; best of %d runs, wall seconds" % args.runs)
    benchlib.write_json(args.json, {
        "runs": args.runs, "machine": benchlib.machine_note(), "programs": rows,
        "geometric_mean_ratio": geomean, "programs_ok": len(ratios), "programs_total": len(rows)})
    print("wrote %s" % args.json, file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except benchlib.UsageError as e:
        print("bench/compare programs: %s" % e, file=sys.stderr)
        sys.exit(2)
    except RuntimeError as e:
        print("bench/compare programs: %s" % e, file=sys.stderr)
        sys.exit(1)
