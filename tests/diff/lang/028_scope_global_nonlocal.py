# global and nonlocal.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

def make_acc():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add

bump(); bump(); print("counter", counter)
acc = make_acc(); print(acc(5), acc(10), acc(-3))
acc2 = make_acc(); print(acc2(1), acc(0))
