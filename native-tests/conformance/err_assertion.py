# Uncaught AssertionError with a message.
balance = 100
print("balance", balance)
balance -= 150
assert balance >= 0, "balance went negative: " + str(balance)
print("unreachable")
