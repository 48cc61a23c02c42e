# string: the character-class constants, capwords and Template, written from the
# documented behaviour (https://docs.python.org/3.12/library/string.html).

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace', 'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join([w.capitalize() for w in s.split(sep)])


def _is_ident_start(ch):
    return ch == '_' or ('a' <= ch <= 'z') or ('A' <= ch <= 'Z')


def _is_ident_char(ch):
    return _is_ident_start(ch) or ('0' <= ch <= '9')


class Template:
    # $$ is a literal $, $name and ${name} are placeholders (ASCII identifiers, as
    # Template's default idpattern with re.ASCII is in 3.12).
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        s = self.template
        out = []
        i = 0
        n = len(s)
        while i < n:
            ch = s[i]
            if ch != '$':
                j = s.find('$', i)
                if j < 0:
                    j = n
                out.append(s[i:j])
                i = j
                continue
            if i + 1 < n and s[i + 1] == '$':
                out.append('$')
                i += 2
                continue
            if i + 1 < n and s[i + 1] == '{':
                j = i + 2
                while j < n and _is_ident_char(s[j]):
                    j += 1
                name = s[i + 2:j]
                if name and _is_ident_start(name[0]) and j < n and s[j] == '}':
                    out.append(self._lookup(mapping, name, s[i:j + 1], safe))
                    i = j + 1
                    continue
            elif i + 1 < n and _is_ident_start(s[i + 1]):
                j = i + 1
                while j < n and _is_ident_char(s[j]):
                    j += 1
                name = s[i + 1:j]
                out.append(self._lookup(mapping, name, s[i:j], safe))
                i = j
                continue
            if safe:
                out.append('$')
                i += 1
                continue
            lineno = s.count('\n', 0, i) + 1
            colno = i - (s.rfind('\n', 0, i) + 1) + 1
            raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))
        return ''.join(out)

    def _lookup(self, mapping, name, text, safe):
        try:
            return '%s' % (mapping[name],)
        except KeyError:
            if safe:
                return text
            raise

    def substitute(self, mapping=None, **kws):
        return self._scan(_merge(mapping, kws), False)

    def safe_substitute(self, mapping=None, **kws):
        return self._scan(_merge(mapping, kws), True)

    def get_identifiers(self):
        names = []
        s = self.template
        i = 0
        n = len(s)
        while i < n:
            if s[i] == '$' and i + 1 < n:
                if s[i + 1] == '$':
                    i += 2
                    continue
                j = i + 1
                brace = s[j] == '{'
                if brace:
                    j += 1
                k = j
                while k < n and _is_ident_char(s[k]):
                    k += 1
                name = s[j:k]
                if name and _is_ident_start(name[0]) and (not brace or (k < n and s[k] == '}')):
                    if name not in names:
                        names.append(name)
                i = k
            else:
                i += 1
        return names

    def is_valid(self):
        try:
            self._scan(_Anything(), False)
        except ValueError:
            return False
        return True


class _Anything:
    def __getitem__(self, key):
        return ''


def _merge(mapping, kws):
    if mapping is None:
        return kws
    if not kws:
        return mapping
    return _ChainLookup(kws, mapping)


class _ChainLookup:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        if key in self.first:
            return self.first[key]
        return self.second[key]
