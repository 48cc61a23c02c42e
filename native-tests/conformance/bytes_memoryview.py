import sys

m = memoryview(b"abcdef")
print(m[0], m[-1], len(m), m.tobytes(), m.tolist(), bytes(m), m.nbytes, m.readonly, m.format, m.itemsize, m.ndim)
s = m[1:4]
print(type(s).__name__, s.tobytes(), len(s), s[0], m[::2].tobytes(), m[::-1].tobytes(), m[::2][1], s.shape, m[::2].strides)
print(sys.getsizeof(m), b"x" + m, m.hex(), bytearray(m), b"bc" in bytes(m))
print(m.obj is not None)
m.release()
try:
    m[0]
except ValueError as e:
    print("ValueError", e)
try:
    len(m)
except ValueError as e:
    print("ValueError", e)

ba = bytearray(b"hello")
view = memoryview(ba)
view[0] = 74
view[1:3] = b"EL"
print(ba, view.readonly, view.tobytes())
try:
    ba.append(33)
except BufferError as e:
    print("BufferError", e)
try:
    ba.extend(b"xyz")
except BufferError as e:
    print("BufferError", e)
try:
    del ba[0]
except BufferError as e:
    print("BufferError", e)
try:
    ba += b"!"
except BufferError as e:
    print("BufferError", e)
ba[0] = 75
print(ba, view.tobytes())
view.release()
ba.append(33)
print(ba)

ro = memoryview(b"ro")
for bad in (lambda: ro.__setitem__(0, 1), lambda: memoryview("str"), lambda: memoryview(5), lambda: ro[5]):
    try:
        bad()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)

ba = bytearray(b"with")
with memoryview(ba) as v:
    print(v.tobytes(), v[1])
    try:
        ba.clear()
    except BufferError as e:
        print("BufferError", e)
ba.clear()
print(ba)
sub = memoryview(bytearray(b"0123456789"))[2:8:2]
print(sub.tobytes(), sub.tolist(), len(sub))
