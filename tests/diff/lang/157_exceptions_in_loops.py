# Handling errors per item and collecting them.
data = ["10", "x", "30", None, "5.5", "-2"]
ok, bad = [], []
for item in data:
    try:
        value = int(item)
        if value < 0:
            raise ValueError(f"negative: {value}")
    except (TypeError, ValueError) as e:
        bad.append((item, type(e).__name__, str(e)))
        continue
    finally:
        print("processed", repr(item))
    ok.append(value)
print(ok)
for b in bad:
    print(b)
