def register(tag):
    def deco(fn):
        return fn.missing_attr
    return deco

@register("x")
def handler():
    pass
