# A formatted table using f-string alignment and number specs.
rows = [("Widget", 4, 3.5), ("Gadget", 12, 10.0), ("Thingamajig", 1, 1234.567)]
header = f"{'Product':<12} {'Qty':>4} {'Price':>10} {'Total':>12}"
print(header); print("=" * len(header))
grand = 0
for name, qty, price in rows:
    total = qty * price; grand += total
    print(f"{name:<12} {qty:>4d} {price:>10.2f} {total:>12,.2f}")
print("-" * len(header))
print(f"{'TOTAL':<12} {'':>4} {'':>10} {grand:>12,.2f}")
print(f"{grand:e} {grand:.3g} {int(grand):,} {grand / 100:.1%}")
