# A built-in type's doc "name(signature)\n--\n\ntext" gives __text_signature__ and a __doc__ without that line
# (type_get_text_signature, type_dict_set_doc); inspect.signature reads it, for operator's getters and their instances.
import operator, inspect, types, itertools
for c in (operator.attrgetter, operator.itemgetter, operator.methodcaller, types.SimpleNamespace, types.GenericAlias):
    print(c.__name__, c.__text_signature__, repr(c.__doc__[:35]), inspect.signature(c))
for o in (operator.attrgetter('x', 'y'), operator.itemgetter(1, 2), operator.methodcaller('m', 1, k=2)):
    print(type(o).__name__, o.__text_signature__, inspect.signature(o))
print(ExceptionGroup.__doc__, ExceptionGroup.__text_signature__, itertools._grouper.__doc__)
class C:
    "C(a, b=1)\n--\n\nA class whose docstring starts with a signature."
print(C.__text_signature__, repr(C.__doc__))
class D:
    "Plain."
print(D.__text_signature__, D.__doc__)
