class Config:
    def __init__(self, **opts):
        self.port = int(opts["port"])

Config(port="80")
Config(port="eighty")
