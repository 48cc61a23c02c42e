# Uncaught AssertionError without a message: the last stderr line is just the name.
items = []
print("checking", len(items))
assert items
