# A bank-teller queue simulation with deque and seeded random arrivals.
import random
from collections import deque
random.seed(7)
line = deque(); served = []; t = 0; next_id = 1
busy_until = 0; current = None
for t in range(20):
    if random.random() < 0.5:
        line.append((next_id, t)); next_id += 1
    if current is not None and t >= busy_until:
        served.append(current); current = None
    if current is None and line:
        cid, arrived = line.popleft()
        current = (cid, arrived, t)
        busy_until = t + random.randint(1, 3)
    print(f"t={t:2d} line={[c for c, _ in line]} serving={current[0] if current else '-'}")
print("served:", [(c, start - arr) for c, arr, start in served])
