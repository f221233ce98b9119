# Sorting stability and multi-pass sorts.
records = [("eng", "zoe", 3), ("ops", "al", 1), ("eng", "al", 2), ("ops", "bo", 3), ("eng", "bo", 1)]
by_name = sorted(records, key=lambda r: r[1])
by_dept_then_name = sorted(by_name, key=lambda r: r[0])
print(by_dept_then_name)
print(sorted(records, key=lambda r: (r[0], -r[2])))
nums = [3, -1, 2, -3, 1, -2]
print(sorted(nums, key=abs), sorted(nums, key=lambda n: (abs(n), n)))
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
