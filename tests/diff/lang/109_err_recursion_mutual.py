# Mutual recursion hitting the limit, caught; then a normal deep recursion.
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(7))
try:
    is_even(-1)
except RecursionError as e:
    print(type(e).__name__, "-", e)
print(is_even(300))
