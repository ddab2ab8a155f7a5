def compute(*args, **kwargs):
    return sum(args) / kwargs["divisor"]

result = compute(1, 2, 3, divisor=0) + compute(4, 5, 6, divisor=1)
