class Index:
    def __init__(self, words):
        self.words = words

    def initials(self):
        return {w[0] for w in self.words}

print(sorted(Index(["ab", "cd"]).initials()))
Index(["ab", ""]).initials()
