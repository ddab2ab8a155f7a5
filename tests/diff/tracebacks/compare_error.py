class Box:
    pass

boxes = [Box(), Box()]
print(boxes[0] < 3)
