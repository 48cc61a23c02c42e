# fannkuch: the Computer Language Benchmarks Game fannkuch-redux, Anderson and Rettig's pancake-flipping benchmark (as in pyperformance bm_fannkuch); written for UnmanagedHeap
# For every permutation of 0..n-1: repeatedly reverse the first p[0]+1
# elements until 0 is in front; report the largest flip count and the
# alternating-sign checksum of all flip counts.


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        first = perm1[0]
        if first:
            perm = perm1[:]
            flips = 0
            while first:
                perm[:first + 1] = perm[first::-1]
                flips += 1
                first = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips * sign
        sign = -sign
        # next permutation in the counting order
        while True:
            if r == n:
                return checksum, max_flips
            head = perm1.pop(0)
            perm1.insert(r, head)
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


N = 9
ROUNDS = 3
for _ in range(ROUNDS):
    checksum, flips = fannkuch(N)
print("fannkuch: n=%d checksum %d, max flips %d" % (N, checksum, flips))
