class Resource:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit with", exc_type.__name__ if exc_type else None)
        raise RuntimeError("exit failed")

with Resource():
    raise ValueError("body failed")
