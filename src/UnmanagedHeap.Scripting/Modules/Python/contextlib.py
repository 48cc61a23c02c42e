# contextlib, written for this interpreter from the documented behaviour
# (https://docs.python.org/3.12/library/contextlib.html).

__all__ = ['contextmanager', 'closing', 'suppress', 'nullcontext', 'ExitStack',
           'AbstractContextManager', 'redirect_stdout', 'redirect_stderr']


class AbstractContextManager:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class _GeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # Suppressed, unless it is the StopIteration we threw in.
            return exc is not value
        except BaseException as exc:
            if exc is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")

    def __call__(self, func):
        # Used as a decorator: each call runs inside a fresh context.
        return _ContextDecorated(self.func, self.args, self.kwds, func)


class _ContextDecorated:
    def __init__(self, cm_func, cm_args, cm_kwds, func):
        self._cm = (cm_func, cm_args, cm_kwds)
        self._func = func
        self.__name__ = getattr(func, '__name__', None)
        self.__wrapped__ = func

    def __call__(self, *args, **kwds):
        cm_func, cm_args, cm_kwds = self._cm
        with _GeneratorContextManager(cm_func, cm_args, cm_kwds):
            return self._func(*args, **kwds)


def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class nullcontext(AbstractContextManager):
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class suppress(AbstractContextManager):
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return False
        for e in self._exceptions:
            if issubclass(exctype, e):
                return True
        return False


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        import sys
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        import sys
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    _stream = 'stdout'


class redirect_stderr(_RedirectStream):
    _stream = 'stderr'


class ExitStack(AbstractContextManager):
    # Callbacks run last-in first-out; each sees the exception the later ones left.
    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new_stack = ExitStack()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        if hasattr(exit, '__exit__'):
            cm = exit
            self._exit_callbacks.append(lambda t, v, tb: cm.__exit__(t, v, tb))
        else:
            self._exit_callbacks.append(exit)
        return exit

    def enter_context(self, cm):
        if not hasattr(cm, '__enter__') or not hasattr(cm, '__exit__'):
            raise TypeError("'%s' object does not support the context manager protocol" % type(cm).__name__)
        result = cm.__enter__()
        self._exit_callbacks.append(lambda t, v, tb: cm.__exit__(t, v, tb))
        return result

    def callback(self, callback, *args, **kwds):
        def _exit_wrapper(t, v, tb):
            callback(*args, **kwds)
        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def close(self):
        self.__exit__(None, None, None)

    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        received = typ is not None
        suppressed = False
        pending = None
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if cb(typ, value, tb):
                    suppressed = True
                    typ = value = tb = None
                    pending = None
            except BaseException as e:
                typ = type(e)
                value = e
                tb = None
                pending = e
        if pending is not None:
            raise pending
        return received and suppressed
