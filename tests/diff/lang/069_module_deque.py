# collections.deque: appendleft, rotate, maxlen.
from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d)
print(d.pop(), d.popleft(), d)
d.rotate(1); print(d); d.rotate(-2); print(d)
d.extend([7, 8]); d.extendleft([-1, -2]); print(d, len(d))
w = deque(maxlen=3)
for i in range(6):
    w.append(i); print(list(w))
print(w, w[0], w[-1], 4 in w)
d.clear(); print(d, bool(d))
