# while_loop: a plain counting while loop with integer arithmetic, the simplest interpreter-loop micro-benchmark; written for UnmanagedHeap

N = 10000000
i = 0
total = 0
while i < N:
    total += i & 255
    i += 1
print("while_loop:", N, "iterations, total", total)
