# pidigits: the Computer Language Benchmarks Game pi-digits, Gibbons' unbounded spigot for the digits of pi (as in pyperformance bm_pidigits); written for UnmanagedHeap
# All arithmetic is on big integers that grow with every digit.


def pi_digits(count):
    q, r, t, k = 1, 0, 1, 1
    digits = []
    while len(digits) < count:
        # the next digit is settled once floor((3q + r)/t) == floor((4q + r)/t)
        d = (3 * q + r) // t
        if d == (4 * q + r) // t:
            digits.append(d)
            q, r = 10 * q, 10 * (r - d * t)
        else:
            q, r, t, k = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1), k + 1
    return digits


COUNT = 3000
digits = pi_digits(COUNT)
text = "".join(str(d) for d in digits)
print("pidigits:", COUNT, "digits; first", text[:20], "last", text[-20:], "digit sum", sum(digits))
