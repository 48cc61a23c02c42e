# complex(): from nothing, numbers, two parts, complex parts, keywords and strings; its errors.
print(complex(), complex(3), complex(2.5, 1), complex(True), complex(1+2j, 3+4j), complex(real=1, imag=2))
for text in ["1+2j", " (3-4.5j) ", "-j", "+j", "1e3", "infj", "-inf-infj", "2.5e-3+1E2j", "(1)", "  7j  ", "1_000+2_0j"]:
    print(repr(text), complex(text))
c = 5 + 6j
print(complex(c) is c, isinstance(c, complex), type(c).__name__, str(c), f"{c!r} {c}")
for args in [("abc",), ("1+",), ("1+2j", 2), (1, "2"), ([],), (1, None), ("",), ("1 + 2j",)]:
    try:
        complex(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
