# Chained comparisons, walrus and conditional expressions.
x = 5
print(1 < x < 10, 1 < x > 10, 3 <= x <= 5 == 5, 0 < x != 5)
print("big" if x > 3 else "small", "neg" if x < 0 else "zero" if x == 0 else "pos")
data = [1, 7, 3, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print([y for v in data if (y := v * 2) > 6])
i = 0
while (chunk := data[i:i + 2]):
    print("chunk", chunk); i += 2
print(y, x is not None, None is None)
