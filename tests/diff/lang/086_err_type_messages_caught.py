# Several TypeError messages, caught and printed.
def f(a, b, *, c):
    return a
def g():
    return 1
half = 0.5
attempts = [
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3, c=4),
    lambda: f(1, 2, c=3, d=4),
    lambda: g(1),
    lambda: len(5),
    lambda: None + 1,
    lambda: [1] * "a",
    lambda: "a" < 1,
    lambda: {[1]: 2},
    lambda: int([1]),
    lambda: (1, 2)[half],
    lambda: "x".join([1]),
    lambda: abs("a"),
    lambda: f(1, 2, c=3, a=1),
]
for i, fn in enumerate(attempts):
    try:
        fn()
    except TypeError as e:
        print(i, e)
