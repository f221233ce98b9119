# Traceback through methods, a lambda and a comprehension.
class Table:
    def __init__(self, rows):
        self.rows = rows
    def column(self, name):
        return [r[name] for r in self.rows]
    def total(self, name):
        return sum(map(lambda v: v, self.column(name)))
t = Table([{"qty": 1}, {"qty": 2}, {"price": 3}])
print(Table(t.rows[:2]).column("qty"))
print(t.total("qty"))
