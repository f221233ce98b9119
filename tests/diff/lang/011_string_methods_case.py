# Case and classification methods.
s = "Hello, World of Python"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize())
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "  ".isspace(), "Ab".isupper(), "ab".islower())
print("hello world".title(), "HELLO".casefold())
print(s.startswith("Hello"), s.endswith("thon"), s.startswith(("x", "He")))
