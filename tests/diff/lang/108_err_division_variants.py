# ZeroDivisionError messages for int, float, modulo and divmod.
cases = [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: divmod(1, 0), lambda: 0 ** -1, lambda: 5.0 % 0.0]
for c in cases:
    try:
        c()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
x = 10
y = x - 10
print(x % y)
