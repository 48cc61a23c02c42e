# exit, quit and help for pyheap's prompt, under the name of the CPython module that holds
# them. Shown bare they say how to use them; called, exit()/quit() raise SystemExit and
# help() prints a short guide, help(obj) a summary of obj's type and documentation.

class Quitter:
    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return 'Use ' + self.name + '() or ' + self.eof + ' to exit'

    def __call__(self, code=None):
        raise SystemExit(code)


_GUIDE = """pyheap repl: Python 3.12 whose every object lives on a native heap.

Type Python statements; an expression's value is echoed and kept in _.
A statement goes on with "... " while a bracket or triple-quoted string is
open, after a trailing backslash, and in a block until a blank line.
Ctrl-C stops a running statement (KeyboardInterrupt); exit(), quit() or
Ctrl-D ends the session.

Looking at the heap:
  %dump EXPR     annotated hex dump of the object EXPR evaluates to
  %refs EXPR     what it references and what refers to it, with edge labels
  %why EXPR      the chain of references from a root that keeps it alive
  %census        live objects by type, count and bytes, growth since start
  %help          these commands
The heapdebug, gc, sys, ctypes, weakref and tracemalloc modules can be imported.
help(obj) summarises obj's type and its documentation."""


def _public(names):
    return [n for n in names if not n.startswith('_')]


class _Helper:
    def __repr__(self):
        return ('Type help() for interactive help, '
                'or help(object) for help about object.')

    def __call__(self, *args):
        if len(args) > 1:
            raise TypeError('help() takes at most 1 argument (' + str(len(args)) + ' given)')
        if not args:
            print(_GUIDE)
            return
        obj = args[0]
        if isinstance(obj, type):
            kind = 'class ' + obj.__name__
        elif callable(obj) and hasattr(obj, '__name__'):
            kind = type(obj).__name__ + ' ' + obj.__name__
        else:
            kind = type(obj).__name__ + ' object'
        print('Help on ' + kind + ':')
        print()
        doc = getattr(obj, '__doc__', None)
        if doc is None and not isinstance(obj, type) and not callable(obj):
            doc = getattr(type(obj), '__doc__', None)
        if isinstance(doc, str) and doc:
            for line in doc.strip().splitlines():
                print('    ' + line.strip())
        else:
            print('    (no documentation)')
        names = _public(dir(obj if isinstance(obj, type) else type(obj)))
        if names:
            print()
            print('    attributes: ' + ', '.join(names))
