# find/index/count/replace.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"))
print(s.index("fox"), s.count("o"), s.count("the"))
print(s.replace("the", "a"), s.replace("o", "0", 2))
print("fox" in s, "cat" not in s)
try:
    s.index("cat")
except ValueError as e:
    print("ValueError:", e)
