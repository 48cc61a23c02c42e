# An IndentationError: a block is missing after if.
print("never runs")
if True:
print("not indented")
