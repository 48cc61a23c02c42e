"""Helpers shared by bench/compare.py and bench/programs/compare.py.

Both drivers run under CPython 3.12 (the reference interpreter), start the
programs they time as child processes, and report wall-clock seconds (the best
of several runs) together with the children's CPU seconds.
"""

import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYHEAP_PROJECT = ROOT / "tools" / "PyHeap" / "PyHeap.csproj"
PYHEAP_BINARY = ROOT / "tools" / "PyHeap" / "bin" / "Release" / "net10.0" / "pyheap"


class UsageError(Exception):
    """Bad command-line input: reported as one line with exit code 2."""


def require_cpython_312(tool):
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 12):
        raise UsageError("%s must run under CPython 3.12 (it is the reference), not %s %s; "
                         "run it as PYENV_VERSION=3.12.1 python3 ..."
                         % (tool, sys.implementation.name, sys.version.split()[0]))


def child_env(**extra):
    """The environment for timed children: no PYTHON* variables that change behaviour."""
    env = {k: v for k, v in os.environ.items()
           if not (k.startswith("PYTHON") and k not in ("PYTHONHASHSEED",))}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


class Run:
    """One finished child process."""

    def __init__(self, code, stdout, stderr, wall, cpu, timed_out=False):
        self.code = code
        self.stdout = stdout
        self.stderr = stderr
        self.wall = wall
        self.cpu = cpu
        self.timed_out = timed_out

    @property
    def last_stderr_line(self):
        text = self.stderr.decode("utf-8", errors="replace")
        for line in reversed(text.splitlines()):
            if line.strip():
                return line.strip()
        return ""


def run(cmd, cwd, timeout, env=None):
    """Run `cmd` once (stdin empty); wall and CPU (user + system) seconds of the child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=str(cwd), env=env or child_env(), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return Run(None, e.stdout or b"", e.stderr or b"", time.perf_counter() - start, 0.0, True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(proc.returncode, proc.stdout, proc.stderr, wall, cpu)


def build_dotnet(project, what):
    """`dotnet build -c Release` of one project; raises RuntimeError with the build's last lines."""
    print("building %s (Release) ..." % what, file=sys.stderr, flush=True)
    proc = subprocess.run(["dotnet", "build", "-c", "Release", str(project), "-v", "quiet", "-nologo"],
                          cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        tail = proc.stdout.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise RuntimeError("building %s failed:\n  %s" % (what, "\n  ".join(tail)))


def geometric_mean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def markdown_table(headers, rows, right_aligned):
    """Rows of strings as a Markdown table; columns listed in `right_aligned` align right."""
    line = "| " + " | ".join(headers) + " |"
    rule = "|" + "|".join("---:" if i in right_aligned else "---" for i in range(len(headers))) + "|"
    body = ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join([line, rule] + body)


def write_json(path, data):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def positive_int(text):
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise UsageError("expected a positive whole number, not %r" % text)
    return value


def machine_note():
    """Load average and core count, since the figures depend on them."""
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    return {"cores": os.cpu_count(), "load_average": list(load) if load else None,
            "cpython": sys.version.split()[0]}
