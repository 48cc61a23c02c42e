# fib: the classic doubly recursive Fibonacci micro-benchmark, fib(30) (2.7 million calls), four times; written for UnmanagedHeap


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


ROUNDS = 4
for _ in range(ROUNDS):
    result = fib(30)
print("fib(30) =", result, "computed", ROUNDS, "times")
