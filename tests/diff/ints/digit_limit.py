import sys
print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print(e)
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
print(len(hex(big)), int("1" * 4300) % 97)
sys.set_int_max_str_digits(6000)
print(len(str(big)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(e)
