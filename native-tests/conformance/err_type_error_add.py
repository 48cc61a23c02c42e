# Uncaught TypeError from an operator.
count = 3
print("count is", count)
label = "items: " + count
print(label)
