# strip, padding and alignment methods.
print(repr("  hi  ".strip()), repr("xxhixx".strip("x")), repr("  hi".lstrip()), repr("hi  ".rstrip()))
print(repr("hi".center(10, "*")), repr("hi".ljust(5)), repr("hi".rjust(5, ".")), "42".zfill(5), "-42".zfill(5))
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"))
print("a\tb".expandtabs(4))
