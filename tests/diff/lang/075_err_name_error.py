# NameError for an undefined name.
def greet():
    print("hello", nmae)

name = "x"
greet()
