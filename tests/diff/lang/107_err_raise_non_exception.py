# Raising something that is not an exception.
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
class NotAnError:
    pass
try:
    raise NotAnError()
except TypeError as e:
    print("TypeError:", e)
raise "text"
