"""The allocation workloads side by side: CPython 3.12, .NET objects, the C# API, pyheap.

    bench/compare [--runs N] [--no-build] [--json PATH]

Runs, in one sitting:
  * bench/Compare (compare-dotnet): each workload with ordinary .NET objects and through
    the UnmanagedHeap C# API, in-process, Stopwatch, one warm-up, best of N;
  * the scripts under bench/cpython under CPython 3.12 and under `pyheap run`, as whole
    processes, alternately, best of N; a start-up baseline (hello.py, or the script that
    builds the same heap without the timed part) is timed the same way and taken off.
Every side's time is divided by the same operation count (see WORKLOADS). Prints a
Markdown table of ns per operation with the ratios, and writes it all as JSON
(default bench/results/compare.json). A pyheap run whose output differs from CPython's
is reported, not timed.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

import benchlib

SCRIPTS = benchlib.ROOT / "bench" / "cpython"
COMPARE_PROJECT = benchlib.ROOT / "bench" / "Compare" / "Compare.csproj"
COMPARE_BINARY = benchlib.ROOT / "bench" / "Compare" / "bin" / "Release" / "net10.0" / "compare-dotnet"
DEFAULT_JSON = benchlib.ROOT / "bench" / "results" / "compare.json"


class Workload:
    def __init__(self, key, title, unit, script, baseline, operations,
                 cpython_malloc="pymalloc", pyheap_allocator="pymalloc"):
        self.key = key
        self.title = title
        self.unit = unit
        self.script = script
        self.baseline = baseline
        self.operations = operations
        self.cpython_malloc = cpython_malloc      # PYTHONMALLOC, or None when CPython 3.12 has no such allocator
        self.pyheap_allocator = pyheap_allocator


# Operation counts match bench/Compare/Workloads.cs and the scripts' own constants.
WORKLOADS = [
    Workload("node_create_free", "Node create+free", "ns per Node", "create_drop_nodes.py", "hello.py", 1_000_000),
    Workload("cycles_create_collect", "2-cycles create+collect", "ns per cycle", "collect_cycles.py", "hello.py", 500_000),
    Workload("live_heap_collect", "collect a live heap, nothing to free", "ns per object scanned",
             "collect_live_heap.py", "build_live_heap.py", 2 * 1_000_000 * 10),
    Workload("deep_chain_free", "deep chain build+free", "ns per link", "deep_chain_free.py", "hello.py", 3 * 1_000_000),
    Workload("binary_trees_16", "binary trees of depth 16", "ns per tree node", "binary_trees_16.py", "hello.py",
             10 * ((1 << 17) - 1)),
    Workload("alloc_free_pymalloc", "Node create+free, pymalloc", "ns per Node", "create_drop_nodes.py", "hello.py",
             1_000_000, "pymalloc", "pymalloc"),
    Workload("alloc_free_system", "Node create+free, system malloc", "ns per Node", "create_drop_nodes.py", "hello.py",
             1_000_000, "malloc", "system"),
    Workload("alloc_free_mimalloc", "Node create+free, mimalloc", "ns per Node", "create_drop_nodes.py", "hello.py",
             1_000_000, None, "mimalloc"),
]


class ScriptTimer:
    """Times scripts as processes, best of N, caching each (interpreter, allocator, script)."""

    def __init__(self, runs, timeout):
        self.runs = runs
        self.timeout = timeout
        self.cache = {}

    def cpython(self, script, malloc):
        return self._best(("cpython", malloc, script), [sys.executable, script],
                          benchlib.child_env(PYTHONMALLOC=malloc))

    def pyheap(self, script, allocator):
        return self._best(("pyheap", allocator, script),
                          [str(benchlib.PYHEAP_BINARY), "run", "--allocator", allocator, script], None)

    def _best(self, key, cmd, env):
        if key not in self.cache:
            results = [benchlib.run(cmd, SCRIPTS, self.timeout, env) for _ in range(self.runs)]
            bad = [r for r in results if r.timed_out or r.code != 0]
            if bad:
                r = bad[0]
                self.cache[key] = (None, "timed out" if r.timed_out else "exit %s: %s" % (r.code, r.last_stderr_line[:80]), b"")
            else:
                self.cache[key] = (min(r.wall for r in results), None, results[0].stdout)
        return self.cache[key]


def per_op(timer_result, baseline_result, operations):
    """(ns per operation, problem) from a timed script and its baseline."""
    seconds, problem, _ = timer_result
    base, base_problem, _ = baseline_result
    if problem or base_problem:
        return None, problem or ("baseline " + base_problem)
    if seconds <= base:
        return None, "within start-up noise"
    return (seconds - base) * 1e9 / operations, None


def measure_scripts(workload, timer, pyheap_skip):
    row = {"cpython": None, "pyheap": None, "notes": []}
    reference = None
    if workload.cpython_malloc is None:
        row["notes"].append("CPython 3.12 has no mimalloc (3.13 adds it)")
    else:
        w = timer.cpython(workload.script, workload.cpython_malloc)
        b = timer.cpython(workload.baseline, workload.cpython_malloc)
        row["cpython"], problem = per_op(w, b, workload.operations)
        reference = w[2]
        if problem:
            row["notes"].append("CPython: " + problem)
    if pyheap_skip:
        row["notes"].append("pyheap: " + pyheap_skip)
        return row
    w = timer.pyheap(workload.script, workload.pyheap_allocator)
    if reference is None:
        reference = timer.cpython(workload.script, "pymalloc")[2]
    if w[1] is None and w[2] != reference:
        row["notes"].append("pyheap: output differs from CPython's")
        return row
    b = timer.pyheap(workload.baseline, workload.pyheap_allocator)
    row["pyheap"], problem = per_op(w, b, workload.operations)
    if problem:
        row["notes"].append("pyheap: " + problem)
    return row


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def fmt(value, suffix=""):
    if value is None:
        return "-"
    return ("%.2f" % value if value < 100 else "%.0f" % value) + suffix


def run_dotnet(runs):
    proc = subprocess.run([str(COMPARE_BINARY), "--runs", str(runs)], cwd=str(benchlib.ROOT),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise RuntimeError("compare-dotnet failed (exit %d):\n  %s" % (proc.returncode, "\n  ".join(tail)))
    return json.loads(proc.stdout)


def main(argv):
    ap = argparse.ArgumentParser(prog="bench/compare", description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=benchlib.positive_int, default=3,
                    help="measured runs per side, best counts (default 3)")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds allowed per script run (default 600)")
    ap.add_argument("--no-build", action="store_true", help="use the Release binaries already built")
    ap.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write the results")
    args = ap.parse_args(argv)
    benchlib.require_cpython_312("bench/compare")

    if not args.no_build:
        benchlib.build_dotnet(benchlib.PYHEAP_PROJECT, "pyheap")
        benchlib.build_dotnet(COMPARE_PROJECT, "bench/Compare")
    for binary in (benchlib.PYHEAP_BINARY, COMPARE_BINARY):
        if not binary.exists():
            raise benchlib.UsageError("no binary at %s (build it, or drop --no-build)" % binary)

    print("running .NET and C# API workloads ...", file=sys.stderr, flush=True)
    dotnet = run_dotnet(args.runs)
    timer = ScriptTimer(args.runs, args.timeout)
    rows = []
    for w in WORKLOADS:
        print("timing %s under CPython and pyheap ..." % w.key, file=sys.stderr, flush=True)
        in_process = dotnet["ns_per_op"].get(w.key, {})
        skip = dotnet["skipped"].get(w.key)
        row = measure_scripts(w, timer, skip)
        row.update(workload=w.key, title=w.title, unit=w.unit, operations=w.operations,
                   dotnet=in_process.get("dotnet"), csharp_api=in_process.get("csharp_api"))
        if skip:
            row["notes"].append("C# API: " + skip)
        row["csharp_vs_dotnet"] = ratio(row["csharp_api"], row["dotnet"])
        row["csharp_vs_cpython"] = ratio(row["csharp_api"], row["cpython"])
        row["pyheap_vs_cpython"] = ratio(row["pyheap"], row["cpython"])
        rows.append(row)

    table = benchlib.markdown_table(
        ["workload", "unit", "CPython 3.12", ".NET objects", "C# API", "pyheap run",
         "C# API / .NET", "C# API / CPython", "pyheap / CPython", "notes"],
        [[r["title"], r["unit"], fmt(r["cpython"]), fmt(r["dotnet"]), fmt(r["csharp_api"]), fmt(r["pyheap"]),
          fmt(r["csharp_vs_dotnet"], "×"), fmt(r["csharp_vs_cpython"], "×"), fmt(r["pyheap_vs_cpython"], "×"),
          "; ".join(r["notes"])] for r in rows],
        right_aligned={2, 3, 4, 5, 6, 7, 8})
    print(table)
    print()
    print("best of %d runs; scripts timed as whole processes minus their baseline; %s"
          % (args.runs, dotnet.get("runtime", ".NET")))
    benchlib.write_json(args.json, {"runs": args.runs, "machine": benchlib.machine_note(),
                                    "runtime": dotnet.get("runtime"), "workloads": rows})
    print("wrote %s" % args.json, file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except benchlib.UsageError as e:
        print("bench/compare: %s" % e, file=sys.stderr)
        sys.exit(2)
    except RuntimeError as e:
        print("bench/compare: %s" % e, file=sys.stderr)
        sys.exit(1)
