# TypeError: takes N positional arguments but M were given.
class Greeter:
    def hello(self, name):
        return "hi " + name
g = Greeter()
print(g.hello("a"))
print(g.hello("a", "b"))
