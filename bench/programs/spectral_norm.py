# spectral_norm: the Computer Language Benchmarks Game spectral-norm (as in pyperformance bm_spectral_norm); written for UnmanagedHeap
# Power iteration for the largest singular value of the infinite matrix
# A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), truncated to N x N.


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_a(u):
    n = len(u)
    return [sum(a(i, j) * u[j] for j in range(n)) for i in range(n)]


def times_a_transposed(u):
    n = len(u)
    return [sum(a(j, i) * u[j] for j in range(n)) for i in range(n)]


def times_ata(u):
    return times_a_transposed(times_a(u))


N = 300
u = [1.0] * N
for _ in range(10):
    v = times_ata(u)
    u = times_ata(v)
vbv = 0.0
vv = 0.0
for ue, ve in zip(u, v):
    vbv += ue * ve
    vv += ve * ve
print("spectral_norm: N=%d norm %.9f" % (N, (vbv / vv) ** 0.5))
