# __eq__, __lt__ and __hash__: sorting and dict keys.
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __hash__(self):
        return hash((self.major, self.minor))
    def __repr__(self):
        return f"v{self.major}.{self.minor}"

vs = [Version(1, 2), Version(0, 9), Version(1, 0), Version(0, 9)]
print(sorted(vs), min(vs), max(vs))
print(Version(1, 0) == Version(1, 0), Version(1, 0) != Version(1, 1), Version(2, 0) > Version(1, 5))
d = {Version(1, 0): "one"}
print(d[Version(1, 0)], len(set(vs)), Version(0, 9) in vs)
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
