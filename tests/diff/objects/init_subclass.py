class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)

class CSV(Plugin, name="csv-reader"):
    pass

class Json(Plugin):
    pass

print(Plugin.registry, CSV.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(e)
try:
    class Plain(unexpected=True):
        pass
except TypeError as e:
    print(e)
