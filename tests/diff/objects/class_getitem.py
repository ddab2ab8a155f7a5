class Registry:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"

print(Registry[int], Registry["x"], Registry[1, 2])
print(list[int], dict[str, list[int]], tuple[int, ...], type[int])
alias = list[int]
print(alias.__origin__, alias.__args__, alias() == [], type(alias).__name__)
try:
    int[str]
except TypeError as e:
    print(e)
print(list[int] == list[int], list[int] | None)
