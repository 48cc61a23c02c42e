#!/usr/bin/env bash
# Time the bench/cpython workloads under CPython 3.12 and under pyheap, and
# print a table of seconds and the pyheap/CPython ratio.
#
#   bench/cpython/compare.sh                 build pyheap (Release), then time both
#   bench/cpython/compare.sh --no-build      time the pyheap binary already built
#   bench/cpython/compare.sh --cpython-only  time CPython only
#   bench/cpython/compare.sh hello.py        only the named scripts
#
# Environment: RUNS (default 3) runs per measurement, best one reported;
# PYTHON (default python3 with PYENV_VERSION=3.12.1) the CPython 3.12 to use;
# PYHEAP the pyheap binary to time (default tools/PyHeap/bin/Release/net10.0/pyheap).
# Uses hyperfine when installed, otherwise bash `time`. A pyheap row that
# cannot be built, fails to run, or prints something other than CPython
# shows "pyheap failed" (with the reason) instead of a time.

set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
project="$root/tools/PyHeap/PyHeap.csproj"
pyheap="${PYHEAP:-$root/tools/PyHeap/bin/Release/net10.0/pyheap}"
runs="${RUNS:-3}"
build=1
use_pyheap=1
scripts=()

for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        --cpython-only) use_pyheap=0 ;;
        -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "compare.sh: unknown option $arg" >&2; exit 2 ;;
        *) scripts+=("$(basename "$arg")") ;;
    esac
done
if [ ${#scripts[@]} -eq 0 ]; then
    scripts=(hello.py create_drop_nodes.py collect_cycles.py)
fi

export PYENV_VERSION="${PYENV_VERSION:-3.12.1}"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(0 if sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 12) else 1)' 2>/dev/null; then
    echo "compare.sh: '$python' is not CPython 3.12 ($("$python" --version 2>&1)); set PYTHON or PYENV_VERSION" >&2
    exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

have_hyperfine=0
if command -v hyperfine >/dev/null 2>&1; then
    have_hyperfine=1
fi

# best_seconds NAME CMD...: run CMD (cwd = this folder) RUNS times, print the best wall time.
best_seconds() {
    local name="$1"; shift
    if [ "$have_hyperfine" = 1 ]; then
        local json="$tmp/$name.json" cmd="" a
        for a in "$@"; do cmd+="$(printf '%q ' "$a")"; done
        if ! (cd "$here" && hyperfine --style none --runs "$runs" --export-json "$json" "$cmd") >/dev/null 2>&1; then
            return 1
        fi
        "$python" -c 'import json, sys; print("%.3f" % min(json.load(open(sys.argv[1]))["results"][0]["times"]))' "$json"
    else
        local best="" t i
        for ((i = 0; i < runs; i++)); do
            local TIMEFORMAT=%R
            # the subshell records the command's status; `time` reports on stderr
            t="$( { time (cd "$here" && "$@" >/dev/null 2>&1; echo $? >"$tmp/rc") ; } 2>&1 )"
            [ "$(cat "$tmp/rc")" = 0 ] || return 1
            if [ -z "$best" ] || awk "BEGIN { exit !($t < $best) }"; then best="$t"; fi
        done
        printf '%.3f\n' "$best"
    fi
}

# Build pyheap once, up front.
pyheap_problem=""
if [ "$use_pyheap" = 1 ]; then
    if [ "$build" = 1 ]; then
        echo "building pyheap (Release) ..." >&2
        if ! dotnet build -c Release "$project" -v quiet -nologo >"$tmp/build.log" 2>&1; then
            pyheap_problem="build failed"
            tail -n 5 "$tmp/build.log" | sed 's/^/  /' >&2
        fi
    fi
    if [ -z "$pyheap_problem" ] && [ ! -x "$pyheap" ]; then
        pyheap_problem="no binary at ${pyheap#$root/}"
    fi
fi

printf '%-24s %12s %14s %8s\n' "script" "cpython (s)" "pyheap (s)" "ratio"
printf '%-24s %12s %14s %8s\n' "------" "-----------" "----------" "-----"
status=0
for s in "${scripts[@]}"; do
    if [ ! -f "$here/$s" ]; then
        echo "compare.sh: no such script: $s" >&2
        status=2
        continue
    fi
    name="${s%.py}"
    # Reference output first; it also checks the workload itself runs.
    if ! (cd "$here" && "$python" "$s" >"$tmp/$name.cpython.out" 2>"$tmp/$name.cpython.err"); then
        printf '%-24s %12s\n' "$s" "cpython failed: $(tail -n 1 "$tmp/$name.cpython.err")"
        status=1
        continue
    fi
    cpy="$(best_seconds "$name-cpython" "$python" "$s")" || cpy="failed"
    py="-"
    ratio="-"
    note=""
    if [ "$use_pyheap" = 1 ]; then
        if [ -n "$pyheap_problem" ]; then
            py="pyheap failed"
            note="$pyheap_problem"
        elif ! (cd "$here" && "$pyheap" run "$s" >"$tmp/$name.pyheap.out" 2>"$tmp/$name.pyheap.err"); then
            py="pyheap failed"
            note="$(tail -n 1 "$tmp/$name.pyheap.err")"
        elif ! cmp -s "$tmp/$name.cpython.out" "$tmp/$name.pyheap.out"; then
            py="pyheap failed"
            note="output differs from CPython"
        else
            py="$(best_seconds "$name-pyheap" "$pyheap" run "$s")" || { py="pyheap failed"; note="a timed run failed"; }
        fi
        if [ "$py" != "pyheap failed" ] && [ "$cpy" != "failed" ]; then
            ratio="$(awk "BEGIN { if ($cpy > 0) printf \"%.2f\", $py / $cpy; else print \"-\" }")"
        fi
    fi
    printf '%-24s %12s %14s %8s' "$s" "$cpy" "$py" "$ratio"
    [ -n "$note" ] && printf '  (%s)' "$note"
    printf '\n'
    printf '%-24s %s\n' "" "output: $(head -c 200 "$tmp/$name.cpython.out" | tr '\n' ' ')"
done
tool="bash time"
[ "$have_hyperfine" = 1 ] && tool="hyperfine"
echo "best of $runs runs ($tool); ratio = pyheap / cpython; $("$python" --version 2>&1)"
exit $status
