a = 10
b = 0
c = (a +
     a //
     b)
