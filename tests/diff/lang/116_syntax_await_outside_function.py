# SyntaxError: 'await' outside function
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
import asyncio
print("never runs")
await asyncio.sleep(1)
