s = "ab" * 50000
print(len(s), s.count("ab"), s.find("ba", 99990), s[99998:], hash(s) == hash("ab" * 50000))
parts = []
for i in range(2000):
    parts.append(str(i))
joined = ",".join(parts)
print(len(joined), joined[:20], joined[-20:], joined.split(",")[1500])
print(("x" * 10000).replace("x", "yz")[-5:], len("é" * 1000 + "a"))
