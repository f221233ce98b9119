# String building: f-strings, concatenation, join and str methods.
parts = []
for i in range(600000):
    parts.append(f"item-{i}:{i * 2}")
text = ",".join(parts)
words = text.split(",")
upper = 0
for w in words:
    if w.endswith("0"):
        upper += len(w.upper())
print(len(text), len(words), upper)
