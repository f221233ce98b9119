# SyntaxError: 'async with' outside async function
import asyncio
def f():
    async with asyncio.Lock():
        pass
