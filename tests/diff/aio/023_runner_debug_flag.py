# asyncio.run(debug=True) and Runner(debug=...) set the loop's debug flag.
import asyncio

async def show():
    return asyncio.get_running_loop().get_debug()

print(asyncio.run(show()))
print(asyncio.run(show(), debug=True))
with asyncio.Runner(debug=True) as r:
    print(r.run(show()))
