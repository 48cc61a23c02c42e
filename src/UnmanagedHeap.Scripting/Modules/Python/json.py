# json: dumps/dump and loads/load, written for this interpreter from the documented
# behaviour (https://docs.python.org/3.12/library/json.html) and RFC 8259. Output,
# escaping and error messages follow CPython 3.12's.

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


################################################################ encoding

_SHORT_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t',
                  '\b': '\\b', '\f': '\\f'}


def _encode_str(s, ensure_ascii):
    # Character by character: slices of strings outside the BMP are not yet reliable here.
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"' or ch == '\\' or o < 0x20 or (ensure_ascii and o > 0x7e):
            esc = _SHORT_ESCAPES.get(ch)
            if esc is not None:
                out.append(esc)
            elif o < 0x10000:
                out.append('\\u%04x' % o)
            else:
                # Outside the BMP: a UTF-16 surrogate pair.
                v = o - 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (v >> 10), 0xdc00 | (v & 0x3ff)))
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _mapping_items(o):
    # dict, and the collections classes that stand in for dict subclasses here.
    if type(o) is dict:
        return o.items()
    data = getattr(o, '_data', None)
    if type(data) is dict and hasattr(o, 'keys') and hasattr(o, '__getitem__'):
        return data.items()
    return None


def _sequence_items(o):
    t = type(o)
    if t is list or t is tuple:
        return o
    tup = getattr(o, '_t', None)
    if type(tup) is tuple and hasattr(o, '_fields'):
        return tup
    return None


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable' % type(o).__name__)

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, self.ensure_ascii)
        chunks = []
        self._encode(o, chunks, 0, {} if self.check_circular else None)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])

    def _float(self, f):
        if f != f:
            text = 'NaN'
        elif f == float('inf'):
            text = 'Infinity'
        elif f == float('-inf'):
            text = '-Infinity'
        else:
            return repr(f)
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant: ' + repr(f))
        return text

    def _encode(self, o, chunks, level, markers):
        if isinstance(o, str):
            chunks.append(_encode_str(o, self.ensure_ascii))
            return
        if o is None:
            chunks.append('null')
            return
        if o is True:
            chunks.append('true')
            return
        if o is False:
            chunks.append('false')
            return
        if isinstance(o, int):
            chunks.append(repr(int(o)))
            return
        if isinstance(o, float):
            chunks.append(self._float(o))
            return
        items = _mapping_items(o)
        if items is not None:
            self._encode_dict(o, items, chunks, level, markers)
            return
        seq = _sequence_items(o)
        if seq is not None:
            self._encode_list(o, seq, chunks, level, markers)
            return
        if markers is not None:
            key = id(o)
            if key in markers:
                raise ValueError('Circular reference detected')
            markers[key] = o
        self._encode(self.default(o), chunks, level, markers)
        if markers is not None:
            del markers[key]

    def _open(self, o, markers):
        if markers is not None:
            key = id(o)
            if key in markers:
                raise ValueError('Circular reference detected')
            markers[key] = o

    def _close(self, o, markers):
        if markers is not None:
            del markers[id(o)]

    def _encode_list(self, o, seq, chunks, level, markers):
        if len(seq) == 0:
            chunks.append('[]')
            return
        self._open(o, markers)
        chunks.append('[')
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = self.item_separator + newline
            chunks.append(newline)
        else:
            sep = self.item_separator
        first = True
        for value in seq:
            if not first:
                chunks.append(sep)
            first = False
            self._encode(value, chunks, level, markers)
        if indent is not None:
            level -= 1
            chunks.append('\n' + indent * level)
        chunks.append(']')
        self._close(o, markers)

    def _key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self._float(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return repr(int(key))
        if self.skipkeys:
            return None
        raise TypeError('keys must be str, int, float, bool or None, not %s' % type(key).__name__)

    def _encode_dict(self, o, items, chunks, level, markers):
        if len(items) == 0:
            chunks.append('{}')
            return
        self._open(o, markers)
        chunks.append('{')
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = self.item_separator + newline
            chunks.append(newline)
        else:
            sep = self.item_separator
        if self.sort_keys:
            items = sorted(items)
        first = True
        for key, value in items:
            k = self._key(key)
            if k is None:
                continue
            if not first:
                chunks.append(sep)
            first = False
            chunks.append(_encode_str(k, self.ensure_ascii))
            chunks.append(self.key_separator)
            self._encode(value, chunks, level, markers)
        if indent is not None:
            level -= 1
            chunks.append('\n' + indent * level)
        chunks.append('}')
        self._close(o, markers)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


################################################################ decoding

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'


class _Parser:
    def __init__(self, s, object_hook, object_pairs_hook, parse_float, parse_int,
                 parse_constant, strict):
        self.s = s
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict

    def skip(self, i):
        s = self.s
        n = len(s)
        while i < n and s[i] in _WS:
            i += 1
        return i

    def value(self, i):
        s = self.s
        if i >= len(s):
            raise JSONDecodeError('Expecting value', s, i)
        ch = s[i]
        if ch == '"':
            return self.string(i + 1)
        if ch == '{':
            return self.object(i + 1)
        if ch == '[':
            return self.array(i + 1)
        if ch == 'n' and s.startswith('null', i):
            return None, i + 4
        if ch == 't' and s.startswith('true', i):
            return True, i + 4
        if ch == 'f' and s.startswith('false', i):
            return False, i + 5
        if ch == 'N' and s.startswith('NaN', i):
            return self.constant('NaN'), i + 3
        if ch == 'I' and s.startswith('Infinity', i):
            return self.constant('Infinity'), i + 8
        if ch == '-' and s.startswith('-Infinity', i):
            return self.constant('-Infinity'), i + 9
        return self.number(i)

    def constant(self, name):
        if self.parse_constant is not None:
            return self.parse_constant(name)
        return float(name.replace('Infinity', 'inf').replace('NaN', 'nan'))

    def number(self, i):
        s = self.s
        n = len(s)
        start = i
        if i < n and s[i] == '-':
            i += 1
        if i < n and s[i] == '0':
            i += 1
        elif i < n and s[i] in '123456789':
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            raise JSONDecodeError('Expecting value', s, start)
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
            is_float = True
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
                is_float = True
        text = s[start:i]
        if is_float:
            return (self.parse_float(text) if self.parse_float is not None else float(text)), i
        return (self.parse_int(text) if self.parse_int is not None else int(text)), i

    def string(self, i):
        s = self.s
        n = len(s)
        begin = i - 1
        chunks = []
        while True:
            j = i
            while j < n:
                ch = s[j]
                if ch == '"' or ch == '\\' or ch < ' ':
                    break
                j += 1
            if j >= n:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            if j > i:
                chunks.append(s[i:j])
            ch = s[j]
            if ch == '"':
                return ''.join(chunks), j + 1
            if ch != '\\':
                if self.strict:
                    raise JSONDecodeError('Invalid control character at', s, j)
                chunks.append(ch)
                i = j + 1
                continue
            if j + 1 >= n:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            esc = s[j + 1]
            if esc != 'u':
                if esc not in _ESCAPES:
                    raise JSONDecodeError('Invalid \\escape', s, j)
                chunks.append(_ESCAPES[esc])
                i = j + 2
                continue
            code = self.hex4(j)
            i = j + 6
            if 0xd800 <= code <= 0xdbff and s.startswith('\\u', i):
                low = self.hex4(i)
                if 0xdc00 <= low <= 0xdfff:
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                    i += 6
            chunks.append(chr(code))

    def hex4(self, j):
        s = self.s
        digits = s[j + 2:j + 6]
        if len(digits) != 4 or not all([c in _HEX for c in digits]):
            raise JSONDecodeError('Invalid \\uXXXX escape', s, j + 1)
        return int(digits, 16)

    def object(self, i):
        s = self.s
        pairs = []
        i = self.skip(i)
        if i < len(s) and s[i] == '}':
            return self.finish_object(pairs), i + 1
        while True:
            if i >= len(s) or s[i] != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes', s, i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= len(s) or s[i] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self.skip(i + 1)
            value, i = self.value(i)
            pairs.append((key, value))
            i = self.skip(i)
            if i < len(s) and s[i] == '}':
                return self.finish_object(pairs), i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self.skip(i + 1)

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def array(self, i):
        s = self.s
        values = []
        i = self.skip(i)
        if i < len(s) and s[i] == ']':
            return values, i + 1
        while True:
            value, i = self.value(i)
            values.append(value)
            i = self.skip(i)
            if i < len(s) and s[i] == ']':
                return values, i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self.skip(i + 1)


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def raw_decode(self, s, idx=0):
        p = _Parser(s, self.object_hook, self.object_pairs_hook, self.parse_float,
                    self.parse_int, self.parse_constant, self.strict)
        return p.value(idx)

    def decode(self, s):
        p = _Parser(s, self.object_hook, self.object_pairs_hook, self.parse_float,
                    self.parse_int, self.parse_constant, self.strict)
        i = p.skip(0)
        value, end = p.value(i)
        end = p.skip(end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return value


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if not isinstance(s, str):
        if type(s).__name__ in ('bytes', 'bytearray'):
            s = s.decode('utf-8')
        else:
            raise TypeError('the JSON object must be str, bytes or bytearray, not %s' % type(s).__name__)
    if s.startswith('\ufeff'):
        raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
