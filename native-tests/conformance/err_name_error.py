# Dies with an uncaught NameError after printing.
print("before")
value = 1
print(value + x)
print("never printed")
