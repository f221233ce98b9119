# TypeError: unsupported operand type(s).
def total(items):
    result = 0
    for it in items:
        result = result + it
    return result
print(total([1, 2]))
print(total([1, "2"]))
