from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack
@contextmanager
def tag(name):
    print('<%s>' % name)
    try:
        yield name.upper()
    finally:
        print('</%s>' % name)
with tag('b') as t:
    print('inside', t)
try:
    with tag('i'):
        raise ValueError('boom')
except ValueError as e:
    print('escaped', e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', repr(e))
with swallow():
    {}['missing']
print('after swallow')
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print('not suppressed:', e)
class Res:
    def __init__(self, n): self.n = n
    def close(self): print('closing', self.n)
with closing(Res(1)) as r:
    print('using', r.n)
with nullcontext(42) as v:
    print('null', v)
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, 'callback', i)
    print('res', stack.enter_context(tag('s')))
    print('body done')
stack = ExitStack()
stack.callback(print, 'later')
moved = stack.pop_all()
stack.close(); print('first closed')
moved.close()
with ExitStack() as s:
    s.push(lambda t, v, tb: print('saw', t.__name__) or True)
    raise RuntimeError('x')
print('exit stack suppressed')
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield(): pass
except RuntimeError as e:
    print(e)
@tag('deco')
def decorated(x):
    print('decorated body', x)
decorated(1)
