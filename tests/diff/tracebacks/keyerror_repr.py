d = {}
d["it's \"quoted\""]
