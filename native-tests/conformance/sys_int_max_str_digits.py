# CPython 3.12's limit on int <-> decimal str conversion: 4300 digits by default, set
# with sys.set_int_max_str_digits (0 or at least 640), for str(), repr(), f-strings,
# format and %d, and int() of text in any base that is not a power of two.
import sys
print(sys.get_int_max_str_digits())
big = 10 ** 4300
ok = 10 ** 4299
print(len(str(ok)), len(repr(-ok)), len(str(big // 10)))
for f in (lambda: str(big), lambda: repr(-big), lambda: f"{big}", lambda: "%d" % big, lambda: format(big, "d"),
          lambda: int("9" * 4301), lambda: int("-" + "1" * 5000), lambda: int("7" * 4301, 8 + 1), lambda: print(big)):
    try:
        f()
        print("no error")
    except ValueError as e:
        print(e)
print(len(hex(big)), len(bin(big)), len(oct(big)), int("f" * 5000, 16) == 16 ** 5000 - 1, int("1" * 9000, 2) == 2 ** 9000 - 1)
print(int("1" * 4300) % 1000, int("-" + "3" * 4300) % 1000, int("1_" * 2000 + "1") % 1000)
for n in (0, 639, -1, 640, "x"):
    try:
        sys.set_int_max_str_digits(n)
        print("set", n, sys.get_int_max_str_digits())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(maxdigits=5000)
print(sys.get_int_max_str_digits(), len(str(big)))
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)), int("5" * 20000) % 997)
for f in (lambda: sys.set_int_max_str_digits(), lambda: sys.set_int_max_str_digits(1, 2)):
    try:
        f()
    except TypeError as e:
        print(e)
