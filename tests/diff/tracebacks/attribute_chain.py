class Node:
    def __init__(self):
        self.child = None

root = Node()
print(root.child.child)
