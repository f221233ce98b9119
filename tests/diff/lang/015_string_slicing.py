# String indexing and slicing with steps.
s = "abcdefghij"
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[::2], s[1::3], s[::-1], s[-3:], s[5:2:-1])
print(s[100:], s[-100:2], s[3:3] == "")
print(len(s), s * 2, s + "!", "-" * 20)
print(min(s), max(s), sorted("hello"), list("abc"))
