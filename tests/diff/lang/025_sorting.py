# sorted and list.sort with key and reverse; stability.
words = ["banana", "Apple", "cherry", "date", "fig", "elder"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
people = [("bob", 25), ("amy", 30), ("cat", 25), ("dan", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
nums = [5, -3, 2, -8]; nums.sort(key=abs); print(nums)
print(sorted("hello"), sorted({3: "a", 1: "b"}), sorted([3, 1, 2], reverse=True))
