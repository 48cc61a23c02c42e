#!/usr/bin/env python3
"""Generate the container-mutation corpus: native-tests/mutation/.

Every program crosses one callback-capable special method (or a ``key=``
function) with one container operation that calls it.  The callback mutates
the container under operation, once, in each of these ways, one section per
way: clear it, shrink it, grow it, replace its items, delete its last name.
The program prints what the operation returned or raised and what is left of
the container, so a use-after-free, a stale size or a missed "changed size"
check shows up as different output, and the debug allocator's 0xDD fills turn
a freed-memory read into garbage or a crash.

The expected results come from the CPython 3.12 running this script and are
written next to each program in the conformance corpus format
(``NAME.py``, ``NAME.out``, ``NAME.status``; see native-tests/conformance/README.md).
A combination is kept only when its callback actually ran in CPython (the
program prints ``fired True``), CPython ends it with exit 0 and an empty
stderr, and two runs with different hash seeds print the same.

Usage:

    PYENV_VERSION=3.12.1 python3 tools/gen-mutation-corpus.py           # rewrite the corpus
    PYENV_VERSION=3.12.1 python3 tools/gen-mutation-corpus.py --check   # compare only; exit 1 on a difference
"""

import argparse
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REQUIRED = (3, 12)
CORPUS = Path(__file__).resolve().parent.parent / "native-tests" / "mutation"
SEEDS = ("0", "1234")

# ---- the callbacks -------------------------------------------------------
#
# Every item is a T.  M gives the plain, non-mutating behaviour; T overrides the
# one special method under test so that it calls mutate() first.  For "key"
# nothing is overridden and the operation's key function K mutates instead.

BASE = '''\
class M:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "M(%d)" % self.v
    def __eq__(self, o):
        return isinstance(o, M) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __lt__(self, o):
        return self.v < o.v
'''

OVERRIDES = {
    "eq": "    def __eq__(self, o):\n        mutate()\n        return M.__eq__(self, o)\n    __hash__ = M.__hash__\n",
    "lt": "    def __lt__(self, o):\n        mutate()\n        return M.__lt__(self, o)\n",
    "hash": "    def __hash__(self):\n        mutate()\n        return M.__hash__(self)\n",
    "repr": "    def __repr__(self):\n        mutate()\n        return M.__repr__(self)\n",
    "len": "    def __len__(self):\n        mutate()\n        return self.v\n",
    "iter": "    def __iter__(self):\n        mutate()\n        return iter([self.v, self.v + 1])\n",
    "index": "    def __index__(self):\n        mutate()\n        return self.v\n",
    "bool": "    def __bool__(self):\n        mutate()\n        return self.v % 2 == 0\n",
    "key": "    pass\n",
}

KEY_FUNCTIONS = {
    "key": "def K(x):\n    mutate()\n    return x.v\n",
}
PLAIN_KEY = "def K(x):\n    return x.v\n"

# ---- the containers and what mutating each means ----------------------------

CONTAINERS = {
    "list": {
        "make": "[T(i) for i in range(8)]",
        "other": "[T(i) for i in range(8)]",
        "mutations": {
            "clear": "c.clear()",
            "shrink": "del c[len(c) // 2:]",
            "grow": "c.extend([T(100 + i) for i in range(20)])",
            "replace": "c[:] = [T(50 + i) for i in range(len(c))]",
            "delname": "del c",
        },
    },
    "tuple": {
        "make": "tuple(T(i) for i in range(8))",
        "other": "tuple(T(i) for i in range(8))",
        "mutations": {
            # A tuple cannot change; dropping its last reference is what a callback can do.
            "replace": "c = tuple(T(50 + i) for i in range(8))",
            "delname": "del c",
        },
    },
    "dict": {
        "make": "{T(i): T(10 + i) for i in range(8)}",
        "other": "{T(i): T(10 + i) for i in range(8)}",
        "mutations": {
            "clear": "c.clear()",
            "shrink": "c.popitem()",
            "grow": "c.update({T(100 + i): T(i) for i in range(20)})",
            "replace": "for k in list(c):\n        c[k] = T(50)",
            "delname": "del c",
        },
    },
    "object": {
        "make": "O()",
        "other": "None",
        "mutations": {
            "clear": "c.__dict__.clear()",
            "shrink": "del c.a7",
            "grow": "for i in range(20):\n        setattr(c, 'b%d' % i, T(i))",
            "replace": "for k in list(vars(c)):\n        setattr(c, k, T(50))",
            "delname": "del c",
        },
    },
    "set": {
        "make": "{T(i) for i in range(8)}",
        "other": "{T(i) for i in range(8)}",
        "mutations": {
            "clear": "c.clear()",
            "shrink": "c.discard(T(7))\n    c.discard(T(6))",
            "grow": "c.update([T(100 + i) for i in range(20)])",
            "replace": "old = [x.v for x in c]\n    c.clear()\n    c.update([T(50 + v) for v in old])",
            "delname": "del c",
        },
    },
}

# ---- the operations ---------------------------------------------------------
#
# Each is a statement that sets r.  `c` is the container, `o` a fresh container
# of the same kind and contents, K the key function.

SEQUENCE_OPS = {
    "repr": "r = repr(c)",
    "str": "r = str(c)",
    "print": "print(c)\n    r = None",
    "fstring": "r = f'{c}'",
    "eq": "r = c == o",
    "ne": "r = c != o",
    "lt": "r = c < o[:7] + type(o)([T(99)])",
    "contains": "r = T(5) in c",
    "not_contains": "r = T(42) not in c",
    "index": "r = c.index(T(5))",
    "count": "r = c.count(T(5))",
    "sorted": "r = sorted(c)",
    "sorted_key": "r = sorted(c, key=K)",
    "sorted_len": "r = sorted(c, key=len)",
    "min": "r = min(c)",
    "max": "r = max(c)",
    "min_key": "r = min(c, key=K)",
    "max_key": "r = max(c, key=K)",
    "any": "r = any(c)",
    "all": "r = all(c)",
    "filter": "r = [x for x in c if x]",
    "not": "r = [not x for x in c]",
    "for_repr": "r = []\n    for x in c:\n        r.append(repr(x))",
    "join": "r = '-'.join([repr(x) for x in c])",
    "set_of": "r = len(set(c))",
    "dict_of": "r = len({x: 1 for x in c})",
    "unpack": "a, *b = c\n    r = (a, len(b))",
    "getitem_index": "r = c[T(5)]",
    "slice_index": "r = c[T(2):T(6)]",
    "repeat_index": "r = len(c * T(2))",
}

LIST_OPS = dict(SEQUENCE_OPS)
LIST_OPS.update({
    "remove": "c.remove(T(5))\n    r = None",
    "sort": "c.sort()\n    r = None",
    "sort_key": "c.sort(key=K)\n    r = None",
    "sort_reverse": "c.sort(reverse=True)\n    r = None",
    "sort_len": "c.sort(key=len)\n    r = None",
    "setitem_index": "c[T(5)] = T(77)\n    r = None",
    "delitem_index": "del c[T(5)]\n    r = None",
    "pop_index": "r = c.pop(T(5))",
    "insert_index": "c.insert(T(5), T(77))\n    r = None",
    "extend_iter": "c.extend(T(3))\n    r = None",
    "iadd_iter": "c += T(3)\n    r = None",
    "slice_assign_iter": "c[1:3] = T(3)\n    r = None",
})

TUPLE_OPS = dict(SEQUENCE_OPS)

DICT_OPS = {
    "repr": "r = repr(c)",
    "str": "r = str(c)",
    "eq": "r = c == o",
    "getitem": "r = c[T(5)]",
    "contains": "r = T(5) in c",
    "get": "r = c.get(T(5))",
    "setitem": "c[T(5)] = T(0)\n    r = None",
    "setitem_new": "c[T(42)] = T(0)\n    r = None",
    "delitem": "del c[T(5)]\n    r = None",
    "pop": "r = c.pop(T(5))",
    "setdefault": "r = c.setdefault(T(5), T(0))",
    "keys_repr": "r = [repr(k) for k in c]",
    "values_repr": "r = [repr(v) for v in c.values()]",
    "items_repr": "r = [repr(k) + repr(v) for k, v in c.items()]",
    "values_bool": "r = [x for x in c.values() if x]",
    "sorted": "r = sorted(c)",
    "sorted_key": "r = sorted(c, key=K)",
    "min_key": "r = min(c, key=K)",
    "max": "r = max(c)",
    "any": "r = any(c)",
    "all": "r = all(c.values())",
    "update": "c.update({T(5): T(1), T(42): T(2)})\n    r = None",
    "update_iter": "c.update(T(3))\n    r = None",
    "keys_in": "r = T(5) in c.keys()",
}

SET_OPS = {
    "repr": "r = repr(c)",
    "str": "r = str(c)",
    "contains": "r = T(5) in c",
    "add": "c.add(T(5))\n    r = None",
    "add_new": "c.add(T(42))\n    r = None",
    "discard": "c.discard(T(5))\n    r = None",
    "remove": "c.remove(T(5))\n    r = None",
    "eq": "r = c == o",
    "le": "r = c <= o",
    "issubset": "r = c.issubset(o)",
    "isdisjoint": "r = c.isdisjoint(o)",
    "and": "r = c & o",
    "or": "r = c | o",
    "sub": "r = c - o",
    "xor": "r = c ^ o",
    "for_repr": "r = []\n    for x in c:\n        r.append(repr(x))",
    "sorted": "r = sorted(c)",
    "sorted_key": "r = sorted(c, key=K)",
    "min": "r = min(c)",
    "max_key": "r = max(c, key=K)",
    "any": "r = any(c)",
    "all": "r = all(c)",
    "update_iter": "c.update(T(3))\n    r = None",
}

# The owner of a descriptor is a container too: its attributes.  Here the callback
# is a property (getter, setter and deleter) or __getattr__ of the owner's class.
OBJECT_CALLBACKS = {
    "property": '''\
class O:
    def __init__(self):
        for i in range(8):
            setattr(self, "a%d" % i, T(i))
    @property
    def p(self):
        mutate()
        return T(1)
    @p.setter
    def p(self, v):
        mutate()
        self.a0 = v
    @p.deleter
    def p(self):
        mutate()
''',
    "getattr": '''\
class O:
    def __init__(self):
        for i in range(8):
            setattr(self, "a%d" % i, T(i))
    def __getattr__(self, name):
        mutate()
        return T(len(name))
''',
}

OBJECT_OPS = {
    "get": "r = c.p",
    "get_missing": "r = c.missing",
    "getattr": "r = getattr(c, 'p')",
    "getattr_default": "r = getattr(c, 'missing', None)",
    "hasattr": "r = hasattr(c, 'p')",
    "set": "c.p = T(9)\n    r = None",
    "delete": "del c.p\n    r = None",
    "get_then_read": "r = (c.p, c.a3)",
}

OPERATIONS = {"list": LIST_OPS, "tuple": TUPLE_OPS, "dict": DICT_OPS, "set": SET_OPS, "object": OBJECT_OPS}

SHOW = '''\
def show(x):
    if isinstance(x, (set, frozenset)):
        return "set " + repr(sorted(x, key=lambda m: m.v if isinstance(m, M) else m))
    if isinstance(x, O):
        return "attributes " + repr(sorted(vars(x).items()))
    return repr(x)
'''


def program(container, op_name, dunder):
    spec = CONTAINERS[container]
    op = OPERATIONS[container][op_name]
    lines = [
        "# Generated by tools/gen-mutation-corpus.py: %s.%s with a %s that mutates the container."
        % (container, op_name, dunder if dunder in ("key", "property") else "__%s__" % dunder),
        BASE,
        "class T(M):",
        OVERRIDES.get(dunder, "    pass\n"),
        OBJECT_CALLBACKS.get(dunder, "class O:\n    pass\n"),
        "armed = False",
        "fired = 0",
        "",
        KEY_FUNCTIONS.get(dunder, PLAIN_KEY),
        SHOW,
    ]
    for how, body in spec["mutations"].items():
        lines.append("def mutate_%s():\n    global c\n    %s\n" % (how, body))
    lines.append('''\
def mutate():
    global fired
    if not armed:
        return
    fired += 1
    if fired == 1:
        HOW()
''')
    for how in spec["mutations"]:
        lines.append('''\
print("-- %(how)s")
HOW = mutate_%(how)s
armed = False
c = %(make)s
o = %(other)s
fired = 0
armed = True
try:
    %(op)s
    print("result", show(r))
except Exception as e:
    print(type(e).__name__, e)
armed = False
print("fired", fired > 0)
try:
    print("after", show(c))
except NameError:
    print("after: c is gone")
del o
''' % {"how": how, "make": spec["make"], "other": spec["other"], "op": op})
    return "\n".join(lines)


def run_cpython(source, seed, timeout=20):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = seed
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as f:
        f.write(source)
        path = f.name
    try:
        p = subprocess.run([sys.executable, path], env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    finally:
        os.unlink(path)
    return p.stdout, p.returncode, p.stderr


def last_stderr_line(data):
    for line in reversed(data.decode("utf-8", "replace").splitlines()):
        if line.strip():
            return line.rstrip()
    return ""


def candidates():
    for container, ops in OPERATIONS.items():
        for op_name in ops:
            for dunder in (OBJECT_CALLBACKS if container == "object" else OVERRIDES):
                yield "%s_%s__%s" % (container, op_name, dunder), program(container, op_name, dunder)


def evaluate(item):
    name, source = item
    out, code, err = run_cpython(source, SEEDS[0])
    again = run_cpython(source, SEEDS[1])
    if code != 0 or err.strip():
        return name, source, None, "CPython exit %d: %s" % (code, last_stderr_line(err))
    if (again[0], again[1]) != (out, code):
        return name, source, None, "nondeterministic"
    if b"fired True" not in out:
        return name, source, None, "callback never ran"
    return name, source, out, None


def main():
    if sys.implementation.name != "cpython" or sys.version_info[:2] != REQUIRED:
        sys.stderr.write("gen-mutation-corpus.py must run under CPython 3.12: "
                         "PYENV_VERSION=3.12.1 python3 tools/gen-mutation-corpus.py\n")
        return 2
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the stored files; exit 1 on any difference")
    ap.add_argument("-v", "--verbose", action="store_true", help="say why each dropped combination was dropped")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(evaluate, candidates()))

    kept = {}
    dropped = 0
    for name, source, out, why in results:
        if out is None:
            dropped += 1
            if args.verbose:
                print("dropped  %s: %s" % (name, why))
            continue
        kept[name] = (source, out)

    status = "exit: 0\nstderr-last:\n"
    differences = 0
    CORPUS.mkdir(parents=True, exist_ok=True)
    for name, (source, out) in sorted(kept.items()):
        files = {name + ".py": source.encode("utf-8"), name + ".out": out, name + ".status": status.encode("utf-8")}
        for file, data in files.items():
            path = CORPUS / file
            old = path.read_bytes() if path.exists() else None
            if old != data:
                differences += 1
                if args.check:
                    print("DIFFERS  %s" % file)
                else:
                    path.write_bytes(data)
    for path in sorted(CORPUS.glob("*")):
        if path.suffix in (".py", ".out", ".status") and path.stem not in kept:
            differences += 1
            if args.check:
                print("EXTRA    %s" % path.name)
            else:
                path.unlink()
    print("%d programs kept, %d combinations dropped, %d files %s"
          % (len(kept), dropped, differences, "differ" if args.check else "written or removed"))
    return 1 if args.check and differences else 0


if __name__ == "__main__":
    sys.exit(main())
