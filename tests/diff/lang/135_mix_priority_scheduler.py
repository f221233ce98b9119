# A priority scheduler built on heapq, with ties broken by arrival order.
import heapq

class Scheduler:
    def __init__(self):
        self.queue = []
        self.counter = 0
        self.log = []
    def submit(self, priority, name, cost):
        heapq.heappush(self.queue, (priority, self.counter, name, cost))
        self.counter += 1
    def run(self, budget):
        t = 0
        while self.queue and t < budget:
            prio, seq, name, cost = heapq.heappop(self.queue)
            t += cost
            self.log.append(f"t={t:>3} ran {name} (p{prio}, #{seq})")
            if name.startswith("repeat") and cost > 1:
                self.submit(prio + 1, name, cost - 1)
        return t

s = Scheduler()
for p, n, c in [(2, "email", 3), (1, "build", 5), (2, "chat", 1), (1, "deploy", 2), (3, "repeat-backup", 3), (0, "alarm", 1)]:
    s.submit(p, n, c)
used = s.run(budget=20)
print("\n".join(s.log))
print("time used:", used, "left in queue:", [(p, n) for p, _, n, _ in sorted(s.queue)])
