# Private names inside a class are mangled: attributes, methods, class attributes and globals.
class Account:
    __rate = 2          # a class attribute: stored as _Account__rate

    def __init__(self, owner):
        self.__owner = owner
        self.__balance = 0

    def __add(self, amount):
        self.__balance += amount * self.__rate

    def deposit(self, amount):
        self.__add(amount)
        return self.__balance

    def owner(self):
        return self.__owner


class _Hidden__Base:
    def __init__(self):
        self.__x = 1


class __Dunder:  # leading underscores of the class name are stripped
    def __init__(self):
        self.__y = 2
        self.__z__ = 3   # ends with two underscores: not mangled


a = Account("ann")
print(a.deposit(5), a.owner())
print(sorted(vars(a)), Account._Account__rate)
print(sorted(vars(_Hidden__Base())), sorted(vars(__Dunder())))
print(a._Account__balance, hasattr(a, "__balance"))
try:
    a.__add(1)
except AttributeError as e:
    print(e)


def helper():
    return "module-level"


_Widget__helper = lambda: "mangled global"


class Widget:
    def run(self):
        return __helper()   # looks up the global _Widget__helper


print(Widget().run())
print(Account.deposit.__name__, Account._Account__add.__name__, Account._Account__add.__qualname__)
try:
    a.__missing
except AttributeError as e:
    print(e)


class Outer:
    class __Inner:
        pass

    def make(self):
        return self.__Inner()


print(type(Outer().make()).__name__, hasattr(Outer, "_Outer__Inner"))


# super() attributes are mangled with the class they are written in.
class Base:
    def __secret(self):
        return "base secret"

    def reveal(self):
        return self.__secret()


class Derived(Base):
    def __secret(self):
        return "derived secret"

    def both(self):
        return self.__secret(), super().reveal(), super()._Base__secret()


print(Derived().both())
try:
    class Other(Base):
        def peek(self):
            return super().__secret()
    Other().peek()
except AttributeError as e:
    print(e)
