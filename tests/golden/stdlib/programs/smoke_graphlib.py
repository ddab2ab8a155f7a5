import graphlib
deps = {"app": {"lib", "config"}, "lib": {"core"}, "config": {"core"}, "tests": {"app"}}
ts = graphlib.TopologicalSorter(deps); order = list(ts.static_order()); print(order.index("core") < order.index("lib") < order.index("app") < order.index("tests"), len(order))
ts = graphlib.TopologicalSorter()
for node, pred in [("b", "a"), ("c", "a"), ("d", "b"), ("d", "c")]: ts.add(node, pred)
ts.prepare(); rounds = []
while ts.is_active():
    ready = sorted(ts.get_ready()); rounds.append(ready); ts.done(*ready)
print(rounds, bool(ts))
linear = graphlib.TopologicalSorter({3: [2], 2: [1], 1: []}); print(list(linear.static_order()))
try:
    list(graphlib.TopologicalSorter({"a": {"b"}, "b": {"a"}}).static_order())
except graphlib.CycleError as e:
    print(e.args[0], sorted(e.args[1]), len(e.args[1]))
t2 = graphlib.TopologicalSorter({"x": []}); t2.prepare()
for bad in [lambda: t2.prepare(), lambda: t2.add("y"), lambda: t2.done("zz"), lambda: graphlib.TopologicalSorter().get_ready()]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
