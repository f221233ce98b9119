# Common enumerate/zip idioms: pairwise, transposition, indexing.
names = ["ann", "bob", "cy"]; ages = [31, 25, 40]
for i, (n, a) in enumerate(zip(names, ages), start=1):
    print(f"{i}. {n} is {a}")
pairs = list(zip(names, names[1:]))
print(pairs)
cols = list(zip(*[(1, "a", True), (2, "b", False)]))
print(cols)
print(dict(enumerate("xyz")), {n: a for n, a in zip(names, ages) if a > 30})
print([i for i, v in enumerate([5, 0, 3, 0]) if v == 0])
print(list(zip(range(3), "abcd", [True, False])))
