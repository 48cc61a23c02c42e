# A stdlib module used without importing it.
print("start")
print(sys.argv)
