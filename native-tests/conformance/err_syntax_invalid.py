# A syntax error: nothing runs, not even the first print.
print("this line is never executed")
x = 1 +* 2
print(x)
