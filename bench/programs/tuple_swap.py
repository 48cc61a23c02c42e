# tuple_swap: a tuple-packing and unpacking loop (iterative Fibonacci by `a, b = b, a + b` and a three-way rotation), a common micro-benchmark; written for UnmanagedHeap


def rotate(n):
    x, y, z = 1, 2, 3
    for _ in range(n):
        x, y, z = y, z, x
    return x, y, z


def fib_mod(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % 1000000007
    return a


N = 5000000
print("tuple_swap:", N, "steps; rotation", rotate(N), "fib mod p", fib_mod(N))
