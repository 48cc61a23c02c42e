# A misspelt method of a built-in type.
names = ["b", "a"]
names.sort()
print(names)
names.apend("c")
