# io: the in-memory text stream StringIO, written for this interpreter from the documented
# behaviour (https://docs.python.org/3.12/library/io.html#io.StringIO). Files stay refused:
# open() is not part of this interpreter's sandbox.

__all__ = ['StringIO', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'UnsupportedOperation']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(ValueError):
    # OSError and ValueError both, in CPython; single inheritance here.
    pass


class StringIO:
    # Appends at the end go to a list of chunks, joined only when the text is read, so a
    # loop of writes stays linear.
    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s' % type(initial_value).__name__)
        self._value = initial_value
        self._chunks = []
        self._pos = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError('I/O operation on closed file')

    def _text(self):
        if self._chunks:
            self._value = self._value + ''.join(self._chunks)
            self._chunks = []
        return self._value

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def isatty(self):
        self._check()
        return False

    def getvalue(self):
        self._check()
        return self._text()

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        n = len(s)
        if n == 0:
            return 0
        size = len(self._value) + sum([len(c) for c in self._chunks]) if self._chunks else len(self._value)
        if self._pos == size:
            self._chunks.append(s)
        else:
            text = self._text()
            if self._pos > len(text):
                text = text + '\0' * (self._pos - len(text))
            self._value = text[:self._pos] + s + text[self._pos + n:]
        self._pos += n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check()
        text = self._text()
        start = self._pos
        if size is None or size < 0:
            end = len(text)
        else:
            end = min(len(text), start + size)
        if start >= end:
            return ''
        self._pos = end
        return text[start:end]

    def readline(self, size=-1):
        self._check()
        text = self._text()
        start = self._pos
        if start >= len(text):
            return ''
        nl = text.find('\n', start)
        end = len(text) if nl < 0 else nl + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = end
        return text[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._text())
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('Negative size value %d' % size)
        text = self._text()
        self._value = text[:size]
        return size

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return '<_io.StringIO object at 0x%x>' % id(self)
