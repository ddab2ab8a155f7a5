class Node:
    def __init__(self, v):
        self.v = v
        self.next = None

head = Node(1)
head.next = Node(2)
head.next.next = head
n, seen = head, []
for _ in range(4):
    seen.append(n.v)
    n = n.next
print(seen, head.next.next is head)
print(Node(1) == Node(1), Node(1) is Node(1))
