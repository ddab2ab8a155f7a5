a = 2 ** 200
b = 3 ** 100 + 12345
print(a + b)
print(a - b)
print(a * b)
print(a // b, a % b)
print(-a // b, -a % b, a // -b, a % -b)
print(divmod(a, b), divmod(-a, 7))
print(a ** 3 % (10 ** 20))
print(a >> 150, -a >> 150, a << 10, (-a) >> 300)
print(a & b, a | b, a ^ b, ~a, -a & 0xffff)
print(abs(-a) == a, (a * b) // b == a)
x = 1
for i in range(1, 60):
    x *= i
print(x)
print(len(str(2 ** 10000)))
