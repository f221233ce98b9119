# A traceback through several frames with caret lines.
class Parser:
    def __init__(self, text):
        self.text = text
    def parse(self):
        return [self.item(part) for part in self.text.split(",")]
    def item(self, part):
        key, value = part.split("=")
        return key, self.convert(value)
    def convert(self, value):
        return int(value) * 2
print(Parser("a=1,b=2").parse())
print(Parser("a=1,b=two").parse())
