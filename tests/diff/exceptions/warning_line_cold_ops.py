# A warning from an instruction run out of line (UNARY_INVERT on a bool) names the line that ran it.
import warnings
warnings.simplefilter('always')
f = False
print(~f)
t = True
x = [
    ~t,
]
print(x)
