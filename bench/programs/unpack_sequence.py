# unpack_sequence: pyperformance's bm_unpack_sequence — unpack ten-element tuples and lists into ten names, many times per loop; written for UnmanagedHeap


def unpack(seq, loops):
    total = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        total += a + j
    return total


LOOPS = 1000000
t = unpack((1, 2, 3, 4, 5, 6, 7, 8, 9, 10), LOOPS)
lst = unpack([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], LOOPS)
print("unpack_sequence:", LOOPS, "loops; tuple total", t, "list total", lst)
