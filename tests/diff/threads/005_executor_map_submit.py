# ThreadPoolExecutor: map keeps the input order, submit returns futures with results.
from concurrent.futures import ThreadPoolExecutor
import concurrent.futures

def cube(x):
    return x ** 3

with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(cube, range(6))))
    futs = [ex.submit(cube, n) for n in (2, 4)]
    print([f.result() for f in futs])
    print(futs[0].done(), futs[0].cancelled(), futs[0].exception())
    print(list(ex.map(pow, [2, 3], [5, 2])))

try:
    ex.submit(cube, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
print(concurrent.futures.ALL_COMPLETED, concurrent.futures.FIRST_COMPLETED)
