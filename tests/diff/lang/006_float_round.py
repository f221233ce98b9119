# round() with and without ndigits, banker's rounding.
for x in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 3.14159):
    print(x, round(x), round(x, 2))
print(round(1234, -2), round(1250, -2), round(1350, -2))
print(round(2.5), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(-0.4), round(0.49999999999999994))
