# A text-statistics script: word counts, frequencies, longest words.
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness"""
lines = text.splitlines()
words = [w.strip(",.").lower() for w in text.split()]
print("lines:", len(lines), "words:", len(words), "chars:", len(text))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for word, n in top:
    print(f"{word:>10} {n:3d} {'#' * n}")
longest = max(words, key=len)
print("longest:", longest, len(longest))
print("unique:", len(freq), "avg length: %.2f" % (sum(map(len, words)) / len(words)))
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print("top letters:", sorted(letters, key=lambda c: (-letters[c], c))[:5])
for i, line in enumerate(lines, 1):
    print(f"{i}: {len(line.split()):2d} words, starts with {line.split()[0]!r}")
