# A spiral walk over a matrix and string rotation checks.
def spiral(m):
    out = []
    while m:
        out += m[0]
        m = [list(r) for r in zip(*m[1:])][::-1]
    return out
grid = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
print(spiral(grid))
def is_rotation(a, b):
    return len(a) == len(b) and b in a + a
print(is_rotation("waterbottle", "erbottlewat"), is_rotation("abc", "acb"))
def compress(s):
    out = []; i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{s[i]}{j - i}")
        i = j
    return "".join(out)
print(compress("aaabccddddde"), compress(""))
