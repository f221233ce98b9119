# f-strings: expressions, !r/!s, nested fields.
name = "Ada"; n = 42; x = 3.14159
print(f"{name} is {n} years")
print(f"{name!r} {name!s} {n!r}")
print(f"{n + 1} {n * 2} {name.upper()} {len(name)}")
print(f"{x:.2f} {x:10.3f}| {x:<10.1f}|")
width = 8; prec = 3
print(f"[{x:{width}.{prec}f}]")
print(f"{'nested'!r:>12}")
print(f"{{literal braces}} {n}")
d = {"k": 5}
print(f"{d['k']} {[1, 2][1]}")
print(f"{n=} {x=:.1f}")
