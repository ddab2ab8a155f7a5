class Parser:
    def __init__(self, text):
        self.text = text

    def number(self):
        return int(self.text.strip())

    def parse_all(self, items):
        return [Parser(i).number() for i in items]

print(Parser(" 4 ").number())
Parser("").parse_all(["1", "2", "x3"])
