print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[1]} {0[key]}".format({1: "one", "key": "K"}), "{0.real}".format(5), "{:>{w}}".format("r", w=4))
print("{!r:^10}|{!s}|{!a}".format("x", "y", "ü"))
print("{:*^11}".format("mid"), "{:,}".format(10**9), "{:.3}".format("abcdef"), "{:08.3f}".format(-3.14159))
print("{{}} {}".format("braces"), "{:%Y}".format if False else "", format("abc", "<5") + "|")
for fmt, args, kw in (("{", (), {}), ("}", (), {}), ("{0}{}", (1, 2), {}), ("{}{0}", (1,), {}), ("{2}", (1,), {}), ("{x}", (), {}), ("{!z}", (1,), {}), ("{:d}", ("s",), {}), ("{0.missing}", (1,), {})):
    try:
        print(fmt.format(*args, **kw))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
print("{a}".format_map({"a": 1}))
class Default(dict):
    def __missing__(self, k):
        return f"<{k}>"
print("{a} {b}".format_map(Default(a=1)))
