"""A small bank with accounts, transfers and an audit log."""
from collections import defaultdict
import functools


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner!r} cannot withdraw {amount:.2f}")
        self.account = account
        self.amount = amount


def logged(func):
    @functools.wraps(func)
    def wrapper(self, *args, **kwargs):
        self.log.append((func.__name__, args, kwargs))
        return func(self, *args, **kwargs)
    return wrapper


class Account:
    interest_rate: float = 0.01
    _next_id = 1

    def __init__(self, owner, balance=0, *, overdraft=0):
        self.owner = owner
        self.balance = balance
        self.overdraft = overdraft
        self.log = []
        self.id, Account._next_id = Account._next_id, Account._next_id + 1

    @logged
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        return self.balance

    @logged
    def withdraw(self, amount):
        if self.balance + self.overdraft < amount:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        return self.balance

    def __repr__(self):
        return f"Account({self.owner!r}, balance={self.balance})"


def transfer(source, target, amount):
    try:
        source.withdraw(amount)
    except InsufficientFunds as exc:
        print("refused:", exc)
        return False
    else:
        target.deposit(amount)
        return True
    finally:
        print(f"transfer {source.id} -> {target.id} of {amount} done")


accounts = [Account(name, balance) for name, balance in [("ann", 100), ("bob", 20)]]
by_owner = {a.owner: a for a in accounts}
totals = defaultdict(int)
for a in accounts:
    totals[a.owner[0]] += a.balance

transfer(by_owner["ann"], by_owner["bob"], 30)
transfer(by_owner["bob"], by_owner["ann"], 1_000)
print(sorted(totals.items()), sum(a.balance for a in accounts))
print(*(repr(a) for a in accounts), sep="\n")
