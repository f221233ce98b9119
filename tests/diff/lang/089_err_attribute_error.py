# AttributeError with 3.13's "Did you mean" suggestion.
class Account:
    def __init__(self):
        self.balance = 100
acct = Account()
print(acct.balance)
print(acct.balanse)
