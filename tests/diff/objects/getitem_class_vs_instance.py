class Both:
    def __getitem__(self, k):
        return f"instance[{k}]"
    def __class_getitem__(cls, k):
        return f"class[{k}]"
print(Both()[1], Both[1])
class OnlyInstance:
    def __getitem__(self, k):
        return k
try:
    OnlyInstance[1]
except TypeError as e:
    print(e)
class Meta(type):
    def __getitem__(cls, k):
        return f"meta[{k}]"
class ViaMeta(metaclass=Meta):
    def __class_getitem__(cls, k):
        return "class_getitem loses"
print(ViaMeta[2])
o = OnlyInstance()
o.__getitem__ = lambda k: "instance attribute ignored"
print(o[3])
try:
    object()[0]
except TypeError as e:
    print(e)
