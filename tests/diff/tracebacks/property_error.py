class Sensor:
    @property
    def reading(self):
        return self.raw / self.scale

    def __init__(self):
        self.raw = 10
        self.scale = 0

s = Sensor()
print(s.reading)
