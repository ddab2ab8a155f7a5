config = {"paths": ["a", "b"]}
config["paths"].index("c")
