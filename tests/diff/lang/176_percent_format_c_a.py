# printf-style %c and %a, with their errors, next to the common conversions.
print("%5.2f|%-6d|%s|%r|%x|%05.1f|%%|%c" % (3.14159, 42, "s", "r", 255, 2.25, 65))
print("[%c%c%c]" % ("h", 105, 0x1F600), "[%3c|%-3c]" % ("x", "y"))
print("%a|%a|%-8a|%r" % ("café", 3, "ü", "ü"))
print("%(name)s scored %(score)c" % {"name": "ann", "score": "A"})
for bad in ["ab", 1.5, -1, 0x110000, [1]]:
    try:
        print("%c" % (bad,))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
