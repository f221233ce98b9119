# Slicing with steps and slice assignment/deletion.
a = list(range(10))
print(a[::3], a[::-1], a[-2:], a[1:8:2])
a[2:4] = ["x", "y", "z"]; print(a)
a[::2] = [0] * len(a[::2]); print(a)
del a[1:3]; print(a)
a[:0] = [-1]; print(a)
del a[::2]; print(a)
b = a[:]; b[0] = 99; print(a[0], b[0])
