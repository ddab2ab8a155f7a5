print([c.__name__ for c in Warning.__subclasses__()])
w = DeprecationWarning("old")
print(repr(w), issubclass(Warning, Exception), issubclass(SyntaxWarning, Warning))
print(EncodingWarning.__mro__[1].__name__, ResourceWarning.__doc__)
