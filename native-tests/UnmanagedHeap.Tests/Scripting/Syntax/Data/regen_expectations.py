"""Regenerates the CPython 3.12 expectations the Syntax tests compare against.

Run from this directory with CPython 3.12:  PYENV_VERSION=3.12.1 python3 regen_expectations.py

* syntax_errors.txt holds snippets separated by a line '===='; for each, syntax_errors.expected
  gets one line: 'OK', or 'Class: message @ line:offset-end_line:end_offset' from compile().
* programs/*.py are realistic programs; programs/*.ast gets ast.dump(tree, include_attributes=True).
  CPython 3.12 leaves empty Constant('') parts in a format spec next to nested fields; the tree
  here does not keep empty text, so those are removed before dumping.
"""
import ast
import pathlib
import sys

assert sys.version_info[:2] == (3, 12), "expectations are CPython 3.12's"
here = pathlib.Path(__file__).parent


def outcome(source):
    try:
        compile(source, "f.py", "exec")
        return "OK"
    except SyntaxError as e:
        return f"{type(e).__name__}: {e.msg} @ {e.lineno}:{e.offset}-{e.end_lineno}:{e.end_offset}"


snippets = (here / "syntax_errors.txt").read_text(encoding="utf-8").split("\n====\n")
lines = [outcome(s) for s in snippets]
(here / "syntax_errors.expected").write_text("\n".join(lines) + "\n", encoding="utf-8")


def drop_empty_spec_text(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            node.format_spec.values = [
                v for v in node.format_spec.values if not (isinstance(v, ast.Constant) and v.value == "")
            ]
    return tree


for program in sorted((here / "programs").glob("*.py")):
    tree = drop_empty_spec_text(ast.parse(program.read_text(encoding="utf-8")))
    dump = ast.dump(tree, include_attributes=True)
    program.with_suffix(".ast").write_text(dump + "\n", encoding="utf-8")

print(f"{len(snippets)} error snippets, {len(list((here / 'programs').glob('*.py')))} programs")
