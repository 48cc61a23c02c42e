# chaos: a chaos-game fractal in the spirit of pyperformance bm_chaos (random affine maps applied to a point), here Barnsley's fern with a self-written LCG; written for UnmanagedHeap
# Counts how often each cell of a 64x64 grid is visited and prints a checksum.


class LCG:
    """Knuth's MMIX 64-bit linear congruential generator; deterministic everywhere."""

    def __init__(self, seed):
        self.state = seed

    def next_float(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 11) / 9007199254740992.0


class GVector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return GVector(self.x + other.x, self.y + other.y)


class AffineMap:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d = a, b, c, d
        self.offset = GVector(e, f)
        self.weight = weight

    def apply(self, p):
        return GVector(self.a * p.x + self.b * p.y, self.c * p.x + self.d * p.y) + self.offset


MAPS = [
    AffineMap(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
    AffineMap(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
    AffineMap(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
    AffineMap(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
]


def pick(rng):
    r = rng.next_float()
    for m in MAPS:
        r -= m.weight
        if r < 0:
            return m
    return MAPS[-1]


def play(points, grid):
    rng = LCG(20261204)
    counts = [[0] * grid for _ in range(grid)]
    p = GVector(0.0, 0.0)
    for _ in range(points):
        p = pick(rng).apply(p)
        col = int((p.x + 2.75) / 5.5 * grid)
        row = int(p.y / 10.0 * grid)
        if 0 <= col < grid and 0 <= row < grid:
            counts[row][col] += 1
    return counts


POINTS = 750000
GRID = 64
counts = play(POINTS, GRID)
checksum = 0
filled = 0
for row in counts:
    for c in row:
        checksum = (checksum * 131 + c) % 2147483647
        if c:
            filled += 1
print("chaos:", POINTS, "points,", filled, "of", GRID * GRID, "cells visited, checksum", checksum)
