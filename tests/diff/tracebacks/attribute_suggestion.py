class Point:
    def __init__(self):
        self.value = 1

p = Point()
print(p.vlaue)
