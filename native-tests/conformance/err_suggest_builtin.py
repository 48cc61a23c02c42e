# A misspelt builtin.
items = [3, 1, 2]
print(sortd(items))
