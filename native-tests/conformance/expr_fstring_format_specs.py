# f-string format specs.
x = 255
y = 3.14159
n = 42
s = "ab"
print(f"{x:#x} {x:x} {x:X} {x:#X} {x:o} {x:#o} {x:b} {x:#b}")
print(f"{y:.2f} {y:.0f} {y:.4f} {y:10.3f}| {y:<10.2f}| {-y:.1f}")
print(f"[{n:>5}] [{n:<5}] [{n:^5}] [{n:05}] [{n:+}] [{-n:+}]")
print(f"[{s:>5}] [{s:<5}] [{s:^6}] [{s:*^6}] [{s:.1}]")
print(f"{1234567:,} {1234567:_} {1234567.891:,.2f}")
print(f"{0.5:%} {0.25:.1%} {12345.678:e} {12345.678:.2e}")
print(f"{n:d} {n:8d}| {-n:8d}| {n:<8d}|")
print(f"{x:08b} {x:#010x} {5:03}")
w = 8
p = 3
print(f"[{y:{w}.{p}f}] [{n:>{w}}]")
print(f"{3.0:g} {1e20:g} {0.0001:g} {123456789.0:g}")
print(f"{True:d} {True} {None!s:>6}|")
print(f"{'x'!r:>5}|")
print("{} and {}".format(1, 2), "{0}{1}{0}".format("a", "b"), "{:>4}".format(7))
