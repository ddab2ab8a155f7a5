# attrs_methods: attribute access and method calls on instances (plain classes, __slots__, properties, inheritance).
# Arg N: number of repetitions (work is linear in N).
import sys

DEFAULT_N = 270


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


class Particle:
    __slots__ = ("pos", "vel", "hits")

    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
        self.hits = 0

    def step(self):
        self.pos = self.pos.add(self.vel)
        if self.pos.norm1 > 1000:
            self.vel = Vec(-self.vel.x, -self.vel.y)
            self.hits += 1


class Tracked(Particle):
    __slots__ = ("trail",)

    def __init__(self, pos, vel):
        super().__init__(pos, vel)
        self.trail = 0

    def step(self):
        Particle.step(self)
        self.trail += self.pos.dot(self.vel) & 7


def main(reps):
    total = 0
    for r in range(reps):
        ps = [Tracked(Vec(i, -i), Vec(i % 7 - 3, i % 5 - 2)) for i in range(50)]
        for _ in range(200):
            for p in ps:
                p.step()
        total += sum(p.hits + p.trail for p in ps) + r
    return total


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_N
    print("attrs_methods", main(n))
