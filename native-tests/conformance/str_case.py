# Case methods.
s = "hello World of PYTHON"
print(s.upper())
print(s.lower())
print(s.capitalize())
print(s.title())
print(s.swapcase())
print("already UPPER".isupper(), "ABC".isupper(), "abc".islower(), "Title Case".istitle())
print("".upper() == "", "123abc".upper(), "mIxEd".lower())
