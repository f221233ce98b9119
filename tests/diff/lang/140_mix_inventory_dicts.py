# A list of dicts: grouping, aggregating and formatted report.
inventory = [
    {"item": "apple", "cat": "fruit", "qty": 12, "price": 0.5},
    {"item": "pear", "cat": "fruit", "qty": 0, "price": 0.75},
    {"item": "carrot", "cat": "veg", "qty": 30, "price": 0.2},
    {"item": "leek", "cat": "veg", "qty": 4, "price": 1.25},
    {"item": "bread", "cat": "bakery", "qty": 7, "price": 2.4},
]
by_cat = {}
for row in inventory:
    by_cat.setdefault(row["cat"], []).append(row["item"])
print(by_cat)
value = {r["item"]: r["qty"] * r["price"] for r in inventory}
print(value)
print(f"{'item':<8}|{'qty':>5}|{'value':>8}")
print("-" * 23)
for r in sorted(inventory, key=lambda r: r["qty"] * r["price"], reverse=True):
    print(f"{r['item']:<8}|{r['qty']:>5}|{r['qty'] * r['price']:>8.2f}")
print("out of stock:", [r["item"] for r in inventory if not r["qty"]])
print("total: {:.2f}".format(sum(value.values())))
