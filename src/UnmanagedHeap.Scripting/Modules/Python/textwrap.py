# textwrap: wrap, fill, shorten, dedent and indent, written for this interpreter from the
# documented behaviour (https://docs.python.org/3.12/library/textwrap.html): text is cut
# into whitespace and word chunks (words also after hyphens between letters), then lines
# are filled greedily.

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '


def _is_letter(ch):
    return ch.isalpha()


class TextWrapper:
    def __init__(self, width=70, initial_indent='', subsequent_indent='', expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for ch in '\t\n\x0b\x0c\r':
                text = text.replace(ch, ' ')
        return text

    def _split(self, text):
        chunks = []
        i = 0
        n = len(text)
        while i < n:
            j = i
            if text[i] in _whitespace:
                while j < n and text[j] in _whitespace:
                    j += 1
                chunks.append(text[i:j])
            else:
                while j < n and text[j] not in _whitespace:
                    j += 1
                word = text[i:j]
                if self.break_on_hyphens:
                    chunks.extend(self._split_hyphens(word))
                else:
                    chunks.append(word)
            i = j
        return chunks

    def _split_hyphens(self, w):
        # A hyphen ends a chunk when two letters (or letter-hyphen-letter) come before it
        # and a letter, an optional hyphen and a letter come after.
        parts = []
        start = 0
        n = len(w)
        for k in range(n):
            if w[k] != '-':
                continue
            before = (k >= 2 and _is_letter(w[k - 2]) and _is_letter(w[k - 1])) or \
                     (k >= 3 and _is_letter(w[k - 3]) and w[k - 2] == '-' and _is_letter(w[k - 1]))
            if not before or k - start < 1:
                continue
            after = k + 1 < n and _is_letter(w[k + 1]) and (
                (k + 2 < n and _is_letter(w[k + 2])) or
                (k + 3 < n and w[k + 2] == '-' and _is_letter(w[k + 3])))
            if after:
                parts.append(w[start:k + 1])
                start = k + 1
        parts.append(w[start:])
        return parts

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            c = chunks[i]
            if chunks[i + 1] == ' ' and len(c) >= 2 and c[-1] in '.!?' or \
               (chunks[i + 1] == ' ' and len(c) >= 3 and c[-1] in '"\'' and c[-2] in '.!?'):
                core = c.rstrip('"\'')[:-1]
                if core and core[-1].islower():
                    chunks[i + 1] = '  '
                    i += 2
                    continue
            i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any([c != '-' for c in chunk[:hyphen]]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError('invalid width %r (must be > 0)' % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                ind = self.subsequent_indent
            else:
                ind = self.initial_indent
            if len(ind) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError('placeholder too large for max width')
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            if lines:
                ind = self.subsequent_indent
            else:
                ind = self.initial_indent
            width = self.width - len(ind)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                l = len(chunks[-1])
                if cur_len + l <= width:
                    cur_line.append(chunks.pop())
                    cur_len += l
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum([len(c) for c in cur_line])
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                rest_blank = not chunks or (self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                        (rest_blank and cur_len <= width)):
                    lines.append(ind + ''.join(cur_line))
                else:
                    placed = False
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(ind + ''.join(cur_line))
                            placed = True
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    if not placed:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(ind + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return '\n'.join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def _leading_ws(line):
    i = 0
    while i < len(line) and line[i] in ' \t':
        i += 1
    return line[:i]


def dedent(text):
    lines = text.split('\n')
    margin = None
    for line in lines:
        if line.strip(' \t') == '':
            continue
        ws = _leading_ws(line)
        if margin is None:
            margin = ws
        else:
            k = 0
            while k < len(margin) and k < len(ws) and margin[k] == ws[k]:
                k += 1
            margin = margin[:k]
    out = []
    for line in lines:
        if line.strip(' \t') == '':
            out.append('')
        elif margin:
            out.append(line[len(margin):])
        else:
            out.append(line)
    return '\n'.join(out)


def indent(text, prefix, predicate=None):
    out = []
    for line in text.splitlines(True):
        if (predicate(line) if predicate is not None else line.strip()):
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
