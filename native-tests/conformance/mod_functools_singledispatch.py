from functools import singledispatch
@singledispatch
def show(x): return 'obj ' + repr(x)
@show.register(int)
def _(x): return 'int %d' % x
@show.register(list)
def _(x): return 'list of %d' % len(x)
print(show(1), show([1, 2]), show('s'), show(True), show.dispatch(bool) is show.registry[int])
