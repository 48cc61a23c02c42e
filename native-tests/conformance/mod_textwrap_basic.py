import textwrap
text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs; "
        "how vexingly quick daft zebras jump! A well-known self-referential sentence follows.")
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, 40))
print(textwrap.fill(text, 25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap('short', 10), textwrap.wrap('', 10), textwrap.wrap('   ', 10), textwrap.wrap('  lead  trail  ', 8))
print(textwrap.wrap('supercalifragilisticexpialidocious is long', 10))
print(textwrap.wrap('supercalifragilisticexpialidocious', 10, break_long_words=False))
print(textwrap.wrap('a-very-long-hyphenated-compound-word here', 12))
print(textwrap.wrap('a-very-long-hyphenated-compound-word here', 12, break_on_hyphens=False))
print(textwrap.wrap('tabs\tand\nnewlines\there', 12))
print(textwrap.shorten('Hello  world!  This is a test.', width=15), textwrap.shorten('Hello world', width=11))
print(textwrap.fill(text, 30, max_lines=2), '|', textwrap.fill(text, 30, max_lines=3, placeholder=' ...'))
src = '''
    def f():
        return 1

    print(f())
'''
print(repr(textwrap.dedent(src)))
print(repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent('   x\n   \n   y')))
print(textwrap.indent('one\ntwo\n\nthree\n', '> '), end='')
print(textwrap.indent('a\n\nb', '+ ', lambda line: True))
w = textwrap.TextWrapper(width=20, drop_whitespace=False)
print(w.wrap('spaces   kept   between words here'))
try: textwrap.wrap('x', 0)
except ValueError as e: print(e)
