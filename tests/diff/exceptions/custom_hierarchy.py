class AppError(Exception):
    code = 1
    def __init__(self, msg, *, detail=None):
        super().__init__(msg)
        self.detail = detail
    def __str__(self):
        return f"[{self.code}] {super().__str__()}"

class NotFound(AppError):
    code = 404

try:
    raise NotFound("page", detail="/x")
except AppError as e:
    print(e, repr(e), e.detail, e.args, type(e).__mro__[:3])
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
print(NoSuper(1, 2).args, str(NoSuper(1, 2)))
class KwErr(Exception):
    pass
try:
    KwErr(x=1)
except TypeError as e:
    print(e)
class Reduced(Exception):
    pass
print(Reduced(1, "two").__reduce__())
