# IndexError from list and string indexing.
items = [10, 20, 30]
for i in (0, -1, 2):
    print(i, items[i])
try:
    "abc"[5]
except IndexError as e:
    print("caught:", e)
try:
    [].pop()
except IndexError as e:
    print("caught:", e)
print(items[3])
