class Opener:
    def __init__(self, name):
        self.name = name

def get(name):
    return Opener(name)

with get("a") as a, get("b").missing() as b:
    pass
