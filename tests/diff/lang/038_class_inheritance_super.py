# Single inheritance, super() and method overriding.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def intro(self):
        return f"{self.name} says {self.speak()}"

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return "Woof"

class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"

for a in [Animal("generic"), Dog("Rex", "lab"), Puppy("Bit", "pug")]:
    print(a.intro(), type(a).__name__)
p = Puppy("Bit", "pug")
print(isinstance(p, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy), p.breed)
print([c.__name__ for c in Puppy.__mro__])
