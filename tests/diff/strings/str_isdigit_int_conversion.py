for s in ("٣٤", "１２３", "123", "²", "½", "𝟙𝟚", "1e3", " 7 ", "٣.٥"):
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "int:", e)
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "float:", e)
