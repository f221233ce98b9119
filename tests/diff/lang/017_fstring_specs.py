# Format specs for numbers and strings.
x = 3.14159; n = 42; t = 1234567; s = "mid"; p = 0.256
print(f"{x:.1f} {n:>5} {t:,} {x:08.3f} {s:^10}| {n:#x} {p:.1%}")
print(f"{n:<5}| {n:^5}| {n:05d} {n:+d} {-n:+d} {n: d}")
print(f"{n:b} {n:o} {n:X} {n:#b} {n:#o}")
print(f"{t:_} {t:,.2f} {1e6:e} {12345.678:.2e} {0.000123:g} {1e20:g}")
print(f"{s:*<8} {s:->8} {s:.2}")
print(f"{p:%} {1.0:.0%} {7:.3f}")
