# Format-spec widths and precisions past the machine's integers, %c outside Unicode,
# and pow() with a modulus: CPython's errors, never the host's.
def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)


attempt(format, 1.5, "8.2147483648f")
attempt(format, 1.5, ".2147483648")
attempt(format, 1.5, "99999999999999999999d")
attempt(format, 1, "9223372036854775808")
attempt(format, "x", ".9223372036854775808s")
attempt(format, 1, ".2")
attempt(format, "abc", ".2147483648")
attempt(format, 65, "c")
attempt(format, 2**40, "c")
attempt(format, -1, "c")
attempt(lambda: repr(format(0xD800, "c")) == repr(chr(0xD800)))
attempt(lambda: len(chr(0xDFFF)))
attempt(lambda: f"{1:{'9' * 30}}")
attempt(pow, 2, -1, 7)
attempt(pow, -3, 5, 7)
attempt(pow, 3, 5, -7)
attempt(pow, -3, -2, 7)
attempt(pow, 3, -2, -7)
attempt(pow, 3, 2, 1)
attempt(pow, 3, -1, 2**70)
attempt(pow, 2, -1, 4)
attempt(pow, 2, 3, 0)
attempt(pow, 2.0, 1, 3)
attempt(pow, 12345678901234567890, 98765432109876543210, 10**20 + 39)
