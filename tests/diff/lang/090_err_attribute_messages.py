# AttributeError messages on builtins and classes.
cases = [lambda: (5).foo, lambda: "s".lenght, lambda: [].push(1), lambda: None.x, lambda: {}.has_key("a")]
for c in cases:
    try:
        c()
    except AttributeError as e:
        print("AttributeError:", e)
class C:
    def method(self):
        return 1
try:
    C().methd()
except AttributeError as e:
    print("AttributeError:", e)
C().metod()
