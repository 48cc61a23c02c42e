# Python callbacks that mutate a bytearray while one of its methods runs.
ba = bytearray(b"abcdef")

def gen():
    for i in range(5):
        ba.clear()
        ba.extend(b"xy" * i)
        yield 65 + i
ba.extend(gen())
print(ba)

class Evil:
    def __init__(self, target, value):
        self.target = target
        self.value = value
    def __index__(self):
        self.target.clear()
        return self.value

ba = bytearray(b"0123456789")
try:
    ba[Evil(ba, 5)] = 1
except IndexError as e:
    print("IndexError", e)
print(ba)
ba = bytearray(b"0123456789")
ba.insert(Evil(ba, 3), 66)
print(ba)
ba = bytearray(b"0123456789")
ba.append(Evil(ba, 67))
print(ba)
ba = bytearray(b"0123456789")
try:
    print(ba.pop(Evil(ba, 2)))
except IndexError as e:
    print("IndexError", e)
ba = bytearray(b"0123456789")
print(ba[Evil(ba, 0):Evil(ba, 4)])
ba = bytearray(b"0123456789")
ba[2:4] = (Evil(ba, 70 + i) for i in range(3))
print(ba)
ba = bytearray(b"0123456789")
print(ba * Evil(ba, 3))
ba = bytearray(b"0123456789")
print(ba.find(b"5", Evil(ba, 1)))
ba = bytearray(b"0123456789")
for x in ba:
    del ba[:3]
print(ba)
ba = bytearray(b"abc")
try:
    ba += ba
except BufferError as e:
    print("BufferError", e)
ba.extend(ba)
print(ba)
ba[1:] = ba
print(ba)
class Counted:
    calls = 0
    def __init__(self, target, v):
        self.target, self.v = target, v
    def __index__(self):
        Counted.calls += 1
        self.target.clear()
        self.target.extend(b"zzz")
        return self.v
ba = bytearray(b"abc")
print(Counted(ba, 122) in ba, Counted.calls, ba)
ba = bytearray(b"abc")
print(ba.count(Counted(ba, 122)), ba.index(Counted(ba, 122)), Counted.calls)
m = memoryview(bytearray(b"abc"))
try:
    m[0] = Counted(bytearray(), 5)
except TypeError as e:
    print("TypeError", e)
print(bytearray(b"abc") * Counted(bytearray(), 2))
class Releaser:
    def __init__(self, view):
        self.view = view
    def __index__(self):
        self.view.release()
        return 1
m = memoryview(bytearray(b"abc"))
try:
    m[0] = Releaser(m)
except ValueError as e:
    print("ValueError", e)
print(sum(Counted.calls for _ in [0]))
