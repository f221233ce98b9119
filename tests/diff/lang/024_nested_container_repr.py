# Reprs of nested containers.
data = {"list": [1, [2, [3]]], "tuple": (1, (2,)), "set": {1}, "none": None, "bool": True, "str": "s'q"}
print(data)
print([{"a": 1}, (None, False), [], {}, ()])
print(repr([1.5, -0.0, 10**20, "x\ny"]))
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested, str(nested) == repr(nested))
print([set(), frozenset()])
