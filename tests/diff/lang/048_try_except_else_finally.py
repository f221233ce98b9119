# try/except/else/finally ordering.
def attempt(x):
    try:
        print("  try", x)
        r = 10 / x
    except ZeroDivisionError as e:
        print("  except", e)
        return "error"
    else:
        print("  else", r)
        return r
    finally:
        print("  finally", x)

print(attempt(2))
print(attempt(0))
for v in ["5", "x", None]:
    try:
        n = int(v)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
    else:
        print("parsed", n)
