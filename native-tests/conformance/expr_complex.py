# complex: literals, repr (signed zeros), arithmetic with ints and floats, powers, equality, hash, size.
import sys
print(1j, -1j, 0j, -0j, 1+2j, 1-2j, -(1+2j), 2.5j, 1e20j, 1j*1j)
print(repr(complex(-0.0, 0.0)), repr(complex(0.0, -0.0)), complex(1, -0.0), complex(-0.0, -0.0))
print(float("inf") * 1j, complex(float("nan"), 1))
z = 3 + 4j
print(abs(z), z.real, z.imag, z.conjugate(), type(z.real).__name__)
print(z + 1, 1 + z, z - 1.5, 2 * z, z * z, z / 2, 1 / z, z / (1 - 1j))
print(z ** 2, z ** -1, z ** 0.5, 2 ** z, (1j) ** 2, (1 + 1j) ** 10, 0j ** 0)
print(z == 3 + 4j, 1 + 0j == 1, 1.5 + 0j == 1.5, 1j == 1, z != z, 2**60 + 0j == 2**60, 2**53 + 1 == complex(2**53 + 1))
print(hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(2j) == hash(2j), {1: "int"}[1 + 0j])
print(sys.getsizeof(1j), bool(0j), bool(1j), -z, +z)
w = 1j
w += 1
w *= 2
print(w, [x * 1j for x in range(3)])
for bad in [lambda: z < z, lambda: 1 / 0j, lambda: 0j ** -1, lambda: z % 2, lambda: z // 2, lambda: abs(complex(1e308, 1e308))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
