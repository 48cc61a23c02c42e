# Inside a method, a bare name that is an attribute of self.
class Account:
    def __init__(self):
        self.balance = 100

    def report(self):
        return balance

a = Account()
print(a.balance)
print(a.report())
