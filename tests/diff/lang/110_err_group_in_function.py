# An ExceptionGroup raised from a function: traceback frames inside the box.
def gather_errors(values):
    errors = []
    for v in values:
        try:
            int(v)
        except ValueError as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("parse errors", errors)
gather_errors(["1", "2"])
print("first batch fine")
gather_errors(["3", "x", "y"])
