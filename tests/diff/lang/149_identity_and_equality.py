# is vs ==, None checks, copying lists.
a = [1, 2]; b = a; c = list(a)
print(a == b, a is b, a == c, a is c)
b.append(3); print(a, c)
x = None
print(x is None, x == None, x is not None)
nested = [[0] * 2] * 2
nested[0][0] = 9
print(nested)
fixed = [[0] * 2 for _ in range(2)]
fixed[0][0] = 9
print(fixed)
t1 = (1, [2]); t1[1].append(3); print(t1)
print([] == [], [] is not [], "a" * 3 == "aaa")
