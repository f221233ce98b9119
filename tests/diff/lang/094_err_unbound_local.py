# UnboundLocalError: assignment later in the function makes the name local.
count = 0
def increment():
    count += 1
    return count
def show():
    print(value)
    value = 1
try:
    show()
except UnboundLocalError as e:
    print("caught:", e)
increment()
