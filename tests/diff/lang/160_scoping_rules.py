# Name resolution: local, enclosing, global, builtin; shadowing.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    def shadow():
        x = "local"
        return x
    return inner(), shadow(), x
print(outer(), x)
def uses_builtin():
    return len("abc")
def shadows_builtin():
    len = lambda s: 42
    return len("abc")
print(uses_builtin(), shadows_builtin(), len("abcd"))
for i in range(3):
    pass
print("loop var survives:", i)
print([j for j in range(2)], "comprehension var does not leak:", "j" in globals())
