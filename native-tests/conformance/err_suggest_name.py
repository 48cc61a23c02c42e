# NameError with a "Did you mean" suggestion from the globals.
length = 10
width = 4
print(length * width)
print(lenght)
