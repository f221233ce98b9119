# Building strings: join vs concatenation, multiplication, patterns.
rows = []
for i in range(1, 6):
    rows.append(" " * (5 - i) + "*" * (2 * i - 1))
print("\n".join(rows))
s = ""
for ch in "hello":
    s = ch + s
print(s, s[::-1] == "hello")
print("=" * 10, "-" * 0 == "", "ab" * 3)
words = ["alpha", "beta", "gamma"]
print(", ".join(w.capitalize() for w in words), "|".join(map(str, range(4))))
print("CSV:", ",".join(f'"{w}"' for w in words))
table = [("name", "score"), ("ann", 93), ("bob", 7)]
for n, sc in table:
    print(f"{n:<6}{sc!s:>6}")
