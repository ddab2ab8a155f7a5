result = some_function_with_a_long_name(argument_number_one, argument_number_two, argument_number_three, argument_number_four)
value = (first
         .attribute
         .method(
             1,
             2)
         [3])
if (a and
        b or
        c):
    pass
try:
    pass
except Exception:
    pass
for \
    i in range(3): pass
def f():
    return

    # trailing comment after return




x = 1
