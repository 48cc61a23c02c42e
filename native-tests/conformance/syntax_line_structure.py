# Semicolons, backslash continuation, implicit continuation, comments.
a = 1; b = 2; print(a + b)
total = 1 + \
    2 + \
    3
print(total)
values = [
    1,  # one
    2,  # two
    3,
]
print(values)
result = (10
          * 2
          - 5)
print(result)
if a < b: print("one-line if")
while a < 3: a += 1
print(a)
for i in range(2): print("loop", i)


def f(x): return x * 2


print(f(21))
# a comment on its own line
print("end")  # trailing comment
