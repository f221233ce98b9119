# SyntaxError: 'await' outside async function
import asyncio
def work():
    await asyncio.sleep(1)
print("never runs")
