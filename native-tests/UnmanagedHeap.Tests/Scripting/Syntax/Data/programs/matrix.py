class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged matrix")
        self.rows = [list(r) for r in rows]

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __getitem__(self, index):
        i, j = index
        return self.rows[i][j]

    def __setitem__(self, index, value):
        i, j = index
        self.rows[i][j] = value

    def __matmul__(self, other):
        (n, m), (m2, p) = self.shape, other.shape
        if m != m2:
            raise ValueError(f"shape mismatch: {self.shape} @ {other.shape}")
        return Matrix([[sum(self[i, k] * other[k, j] for k in range(m)) for j in range(p)] for i in range(n)])

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def transpose(self):
        return Matrix(list(map(list, zip(*self.rows))))

    def __str__(self):
        width = max(len(str(x)) for row in self.rows for x in row)
        return "\n".join(" ".join(f"{x:>{width}}" for x in row) for row in self.rows)


identity = Matrix([[1 if i == j else 0 for j in range(3)] for i in range(3)])
m = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
assert m @ identity == m
m[0, 0] = -1
print(m.transpose(), (m @ m).shape, sep="\n")
try:
    Matrix([[1, 2], [3]])
except ValueError as e:
    print("error:", e)
with open(__file__) as source:
    first_line = source.readline()
print(first_line.startswith("class"), m[1, 2] >= 6 > m[0, 1] != 0)
