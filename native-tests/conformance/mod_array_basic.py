from array import array
import array as array_module
a = array('i', [3, 1, 2])
a.append(7); a.extend([8, 9]); a.insert(0, -1)
print(a, len(a), a[0], a[-1], a[1:3], a.tolist(), a.typecode, a.itemsize, 7 in a)
print(a.pop(), a.pop(0), a.index(2), a.count(1), a)
a.reverse(); print(a); a[0] = 100; del a[1]; print(a, list(a), sum(a))
d = array('d', [1, 2.5]); print(d, d.itemsize, array('i'), array('b', [1, 2]).itemsize, array('u', 'hi'), array('q').itemsize)
f = array('f', [0.1]); print(f[0], f.tobytes(), array('h', [1, -2]).tobytes())
print(array('i', [1, 2]) == array('i', [1, 2]), array('i', [1]) + array('i', [2]), array('i', [1]) * 2, array('i', [1]) < array('i', [2]))
for tc, v in [('b', 200), ('b', -200), ('B', 256), ('B', -1), ('h', 40000), ('H', -1), ('H', 70000), ('i', 2**31), ('I', -1), ('I', 2**32), ('l', 2**63), ('q', 2**63), ('Q', -1), ('i', 1.5), ('f', 'x'), ('u', 1)]:
    try: array(tc, [v])
    except (OverflowError, TypeError) as e: print(tc, v, type(e).__name__, e)
try: array('z')
except ValueError as e: print(e)
try: array('i', [1]) + array('d', [1])
except TypeError as e: print(e)
try: array('i', [1])[5]
except IndexError as e: print(e)
print(array_module.typecodes)
sieve = array('B', [1]) * 50
sieve[0] = sieve[1] = 0
for i in range(2, 8):
    if sieve[i]:
        for j in range(i * i, 50, i):
            sieve[j] = 0
print([i for i in range(50) if sieve[i]])
