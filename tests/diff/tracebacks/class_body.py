class Config:
    name = "cfg"
    size = len(name) + None
