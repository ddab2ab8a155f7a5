from string import Template
t = Template("Hello $name, you owe $$${amount} for ${item}s.")
print(t.substitute(name="Ann", amount="12.50", item="book"), t.substitute({"name": "B", "amount": 1, "item": "x"}, name="Override"))
print(t.safe_substitute(name="C"), t.get_identifiers(), t.is_valid(), Template("$bad $").is_valid(), t.template)
class Percent(Template):
    delimiter = "%"
    idpattern = r"[a-z]+"
print(Percent("%who says %%hi to %{whom}").substitute(who="x", whom="y"))
class Braces(Template):
    pattern = r"\{\{(?:(?P<escaped>\{)|(?P<named>[a-z]+)|(?P<braced>[a-z]+)|(?P<invalid>))\}\}"
print(Braces("{{greet}} world").substitute(greet="hi"))
for bad in [lambda: t.substitute(name="D"), lambda: Template("$ oops").substitute(), lambda: Template("${unclosed").substitute(unclosed=1), lambda: Template("at end $").substitute()]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
