words = ["banana", "Apple", "cherry", "apple", "Banana", "äpfel", "Zebra", "zebra"]
print(sorted(words))
print(sorted(words, key=str.casefold))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
print("a" < "b" < "c", "abc" < "abd", "Z" < "a", "" < "a", "é" > "z")
print(max(words), min(words), max(words, key=len), min(words, key=lambda w: w[-1]))
