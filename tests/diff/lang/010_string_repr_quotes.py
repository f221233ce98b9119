# repr chooses quotes the way CPython does.
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\t", "nl\n", "back\\slash", "", "é"]:
    print(repr(s))
print(repr(["a", "b'c"]), str(["x"]))
print(ascii("é"), repr("\x00\x7f"))
