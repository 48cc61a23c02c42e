#!/usr/bin/env python3
"""Regenerate (or check) the CPython 3.12 conformance corpus.

Every ``native-tests/conformance/NAME.py`` is run with CPython 3.12 and its
expected results are written next to it:

    NAME.out     CPython's exact stdout (raw bytes, UTF-8)
    NAME.status  two lines:  ``exit: N``  and  ``stderr-last: TEXT``

See ``native-tests/conformance/README.md`` for the format.

Usage (from anywhere; the interpreter running this script is the oracle):

    PYENV_VERSION=3.12.1 python3 tools/regen-conformance.py            # rewrite all
    PYENV_VERSION=3.12.1 python3 tools/regen-conformance.py --check    # compare only
    PYENV_VERSION=3.12.1 python3 tools/regen-conformance.py gc_ seed_listing1_cycle
    PYENV_VERSION=3.12.1 python3 tools/regen-conformance.py --dir bench/programs

``--dir`` points the script at another folder of programs in the same format
(bench/programs: the benchmark programs); the name-prefix and the 0.5 s checks
belong to the conformance corpus and are skipped there.

Each program is run twice, once with PYTHONHASHSEED=0 (the recorded run) and
once with a different hash seed; if the two runs disagree in stdout, exit
code or last stderr line the program is reported as NONDETERMINISTIC and the
script fails.  That catches printed addresses and ids, and output that
depends on the order of sets/dicts of strings.
"""

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REQUIRED = (3, 12)
PREFIXES = (
    "syntax_", "stmt_", "expr_", "builtin_", "str_", "list_", "dict_", "set_",
    "class_", "func_", "exc_", "gc_", "weakref_", "ctypes_", "sys_", "seed_", "err_",
    "tracemalloc_", "mod_", "bytes_",
)
RECORD_SEED = "0"
CROSS_CHECK_SEED = "1234"
SLOW_SECONDS = 0.5
# Environment variables that would change how CPython runs a program.
SCRUB = (
    "PYTHONOPTIMIZE", "PYTHONDEVMODE", "PYTHONWARNINGS", "PYTHONMALLOC",
    "PYTHONMALLOCSTATS", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP",
    "PYTHONINSPECT", "PYTHONDEBUG", "PYTHONVERBOSE", "PYTHONTRACEMALLOC",
    "PYTHONPROFILEIMPORTTIME", "PYTHONASYNCIODEBUG", "PYTHONBREAKPOINT",
    "PYTHONSAFEPATH", "PYTHONUSERBASE", "PYTHONPERFSUPPORT", "PYTHONINTMAXSTRDIGITS",
    "PYTHONNODEBUGRANGES", "PYTHONFAULTHANDLER", "PYTHONPYCACHEPREFIX",
)

CORPUS = Path(__file__).resolve().parent.parent / "native-tests" / "conformance"


def refuse_wrong_python():
    impl = sys.implementation.name
    ver = sys.version_info[:2]
    if impl != "cpython" or ver != REQUIRED:
        sys.stderr.write(
            "regen-conformance.py: the expected outputs must come from CPython %d.%d, "
            "but this is %s %d.%d (%s).\n"
            "Run it as:  PYENV_VERSION=3.12.1 python3 tools/regen-conformance.py\n"
            % (REQUIRED[0], REQUIRED[1], impl, ver[0], ver[1], sys.executable))
        sys.exit(2)


def last_stderr_line(data):
    """The last non-blank line of stderr, trailing whitespace removed, or ''."""
    text = data.decode("utf-8", errors="replace")
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.rstrip()
    return ""


def status_text(code, last):
    return "exit: %d\nstderr-last:%s\n" % (code, (" " + last) if last else "")


class Result:
    def __init__(self, name):
        self.name = name
        self.problems = []      # fatal: timeout, crash, nondeterminism
        self.stdout = b""
        self.code = None
        self.last = ""
        self.seconds = 0.0


def run_once(path, seed, timeout):
    env = {k: v for k, v in os.environ.items() if k not in SCRUB}
    env["PYTHONHASHSEED"] = seed
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONNOUSERSITE"] = "1"
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, path.name], cwd=str(path.parent), env=env,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        timeout=timeout)
    return proc, time.perf_counter() - start


def run_program(path, timeout):
    res = Result(path.stem)
    try:
        first, seconds = run_once(path, RECORD_SEED, timeout)
        second, _ = run_once(path, CROSS_CHECK_SEED, timeout)
    except subprocess.TimeoutExpired:
        res.problems.append("TIMEOUT after %gs" % timeout)
        return res
    res.stdout, res.code, res.seconds = first.stdout, first.returncode, seconds
    res.last = last_stderr_line(first.stderr)
    if res.code < 0:
        res.problems.append("killed by signal %d" % -res.code)
    again = (second.stdout, second.returncode, last_stderr_line(second.stderr))
    if again != (res.stdout, res.code, res.last):
        what = []
        if second.stdout != res.stdout:
            a = res.stdout.decode("utf-8", "replace").splitlines()
            b = second.stdout.decode("utf-8", "replace").splitlines()
            for i in range(max(len(a), len(b))):
                la = a[i] if i < len(a) else "<missing>"
                lb = b[i] if i < len(b) else "<missing>"
                if la != lb:
                    what.append("stdout line %d: %r vs %r" % (i + 1, la, lb))
                    break
        if second.returncode != res.code:
            what.append("exit %d vs %d" % (res.code, second.returncode))
        if again[2] != res.last:
            what.append("stderr-last %r vs %r" % (res.last, again[2]))
        res.problems.append("NONDETERMINISTIC (two runs differ: %s)" % "; ".join(what))
    return res


def read_bytes(path):
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def main():
    refuse_wrong_python()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="compare with the stored .out/.status instead of writing; "
                         "exit 1 on any difference")
    ap.add_argument("--timeout", type=float, default=20.0,
                    help="seconds allowed per run (default 20)")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--dir", type=Path, default=CORPUS,
                    help="folder of programs (default native-tests/conformance)")
    ap.add_argument("names", nargs="*",
                    help="program names or name prefixes to limit the run to")
    args = ap.parse_args()
    corpus = args.dir.resolve()
    if not corpus.is_dir():
        sys.stderr.write("regen-conformance.py: no such folder: %s\n" % args.dir)
        return 2
    # The naming and speed rules are the conformance corpus's own.
    is_conformance = corpus == CORPUS

    programs = sorted(corpus.glob("*.py"))
    if args.names:
        wanted = [n[:-3] if n.endswith(".py") else n for n in args.names]
        programs = [p for p in programs if any(p.stem.startswith(w) for w in wanted)]
        if not programs:
            sys.stderr.write("no conformance program matches %s\n" % " ".join(args.names))
            return 2

    failures = 0
    warnings = 0
    changed = 0

    # Outputs whose program was deleted.
    if not args.names:
        stems = {p.stem for p in programs}
        for extra in sorted(list(corpus.glob("*.out")) + list(corpus.glob("*.status"))):
            if extra.stem not in stems:
                if args.check:
                    print("ORPHAN   %s (no %s.py)" % (extra.name, extra.stem))
                    failures += 1
                else:
                    extra.unlink()
                    print("removed  %s (no %s.py)" % (extra.name, extra.stem))

    for p in programs if is_conformance else []:
        if not p.stem.startswith(PREFIXES):
            print("WARNING  %s: name has none of the prefixes %s" % (p.name, " ".join(PREFIXES)))
            warnings += 1

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda p: run_program(p, args.timeout), programs))

    for res in results:
        out_path = corpus / (res.name + ".out")
        status_path = corpus / (res.name + ".status")
        if res.problems:
            for prob in res.problems:
                print("FAIL     %s: %s" % (res.name, prob))
            failures += 1
            continue
        if is_conformance and res.seconds > SLOW_SECONDS:
            print("WARNING  %s: took %.2fs (limit %.1fs)" % (res.name, res.seconds, SLOW_SECONDS))
            warnings += 1
        status = status_text(res.code, res.last).encode("utf-8")
        old_out, old_status = read_bytes(out_path), read_bytes(status_path)
        same = old_out == res.stdout and old_status == status
        if args.check:
            if not same:
                failures += 1
                if old_out is None or old_status is None:
                    print("MISSING  %s: no stored .out/.status" % res.name)
                if old_out is not None and old_out != res.stdout:
                    print("DIFFERS  %s.out" % res.name)
                if old_status is not None and old_status != status:
                    print("DIFFERS  %s.status: stored %r, CPython %r"
                          % (res.name, old_status.decode("utf-8", "replace"),
                             status.decode("utf-8")))
            elif args.verbose:
                print("ok       %s (%.2fs)" % (res.name, res.seconds))
        else:
            if not same:
                out_path.write_bytes(res.stdout)
                status_path.write_bytes(status)
                changed += 1
                print("wrote    %s (exit %d)" % (res.name, res.code))
            elif args.verbose:
                print("same     %s (%.2fs)" % (res.name, res.seconds))

    verb = "checked" if args.check else "ran"
    print("%s %d programs with %s: %d failing, %d warnings%s"
          % (verb, len(programs), sys.version.split()[0], failures, warnings,
             "" if args.check else ", %d rewritten" % changed))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
