# split, rsplit, splitlines, join, partition.
print("a,b,,c".split(","), "a b  c ".split(), "a-b-c".split("-", 1), "a-b-c".rsplit("-", 1))
print("line1\nline2\r\nline3".splitlines())
print("-".join(["x", "y", "z"]), "".join(reversed("abc")))
print("key=value=more".partition("="), "abc".partition("x"), "a.b.c".rpartition("."))
print(", ".join(str(i) for i in range(5)))
