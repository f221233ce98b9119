"""Module docstrings, class docstrings and function docstrings land in __doc__."""


class WithDoc:
    """The class docstring."""

    def method(self):
        "A method docstring."
        return 1


class WithoutDoc:
    x = "not a docstring"


def plain():
    pass


print(__doc__)
print(WithDoc.__doc__)
print(WithDoc.method.__doc__)
print(WithoutDoc.__doc__)
print(plain.__doc__)
print("__doc__" in WithDoc.__dict__, "__doc__" in WithoutDoc.__dict__)
