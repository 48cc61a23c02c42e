# while loops with counters, break and continue.
n = 0
while n < 5:
    n += 1
print("counted to", n)
i = 0
total = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 9:
        break
    total += i
print("sum of odd below 10:", total)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
stack = [1, 2, 3]
while stack:
    print("pop", stack.pop())
x = 27
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz steps for 27:", steps)
