# Generators: yield, next, exhaustion, return value in StopIteration.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "finished"

g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
print(list(count_up(5)), sum(count_up(101)))
print(next(count_up(0), "default"))
print(type(g).__name__)
