# Deeply nested blocks and mixed indentation widths per block.
def classify(numbers):
    out = []
    for n in numbers:
        if n > 0:
            if n % 2 == 0:
                kind = "even"
                if n > 10:
                    kind = "big even"
            else:
                kind = "odd"
        elif n == 0:
            kind = "zero"
        else:
            kind = "negative"
        out.append(kind)
    return out


print(classify([1, 2, 0, -3, 12]))
for i in range(3):
  for j in range(3):
        if i == j:
           print("diag", i)
x = 0
while x < 10:
    x += 1
    if x % 3:
        continue
    print("multiple of 3:", x)
