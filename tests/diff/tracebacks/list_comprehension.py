values = [3, 2, 1, 0]
inverses = [10 // v for v in values]
