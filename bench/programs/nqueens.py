# nqueens: the N-queens solver of pyperformance bm_nqueens (permutations filtered by distinct diagonals); written for UnmanagedHeap
from itertools import permutations


def solutions(n):
    """Yield each placement (queen of row i in column vec[i]) with no shared diagonal."""
    columns = range(n)
    for vec in permutations(columns):
        if n == len(set(vec[i] + i for i in columns)) == len(set(vec[i] - i for i in columns)):
            yield vec


ROUNDS = 15
for _ in range(ROUNDS):
    found = list(solutions(8))
print("nqueens: 8 queens,", len(found), "solutions; first", found[0], "last", found[-1])
