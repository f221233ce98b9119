# SyntaxError: 'break' outside loop
def f(x):
    if x:
        break
    return x
