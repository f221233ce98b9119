# An error inside an except block, and a finally that prints.
def risky():
    try:
        return [1, 2][5]
    except IndexError:
        print("handling", "index")
        missing_function()
    finally:
        print("finally")
risky()
