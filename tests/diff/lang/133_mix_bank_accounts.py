# A tiny bank-account class hierarchy with errors and reprs.
class InsufficientFunds(Exception):
    pass

class Account:
    count = 0
    def __init__(self, owner, balance=0):
        Account.count += 1
        self.number = Account.count
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"{type(self).__name__}(#{self.number}, {self.owner!r}, {self.balance})"

class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest

class Checking(Account):
    def __init__(self, owner, balance=0, overdraft=50):
        super().__init__(owner, balance)
        self.overdraft = overdraft
    def withdraw(self, amount):
        if amount > self.balance + self.overdraft:
            raise InsufficientFunds(f"over the overdraft by {amount - self.balance - self.overdraft}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

accounts = [Savings("ann", 1000), Checking("bob", 20), Account("cy")]
accounts[0].add_interest(); accounts[1].withdraw(60); accounts[2].deposit(5)
for a in accounts:
    print(a, a.history)
for a, amt in [(accounts[1], 100), (accounts[2], 10), (accounts[2], -1)]:
    try:
        a.withdraw(amt) if amt > 0 else a.deposit(amt)
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__, e)
print(sum(a.balance for a in accounts), Account.count)
print(sorted(accounts, key=lambda a: a.balance))
