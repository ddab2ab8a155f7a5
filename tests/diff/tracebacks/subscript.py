data = {"a": {"b": 1}}
value = data["a"]["c"]
