class Grid:
    def __init__(self):
        self.rows = [[1, 2], [3, 4]]

    def __getitem__(self, pos):
        r, c = pos
        return self.rows[r][c]

grid = Grid()
print(grid[1, 1])
print(grid[1, 5])
