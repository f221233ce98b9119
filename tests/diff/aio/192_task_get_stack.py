# Task.get_stack() and print_stack(): where a pending task is suspended, and a failed task's traceback.
import asyncio, sys

async def leaf():
    await asyncio.sleep(1)

async def middle():
    await leaf()

async def failing():
    await asyncio.sleep(0.1)
    raise ValueError("bad thing")

class Oops(Exception):
    pass

async def failing2():
    e = Oops()
    e.add_note("see notes")
    raise e

async def main():
    t = asyncio.create_task(middle(), name="mid")
    print([(f.f_code.co_name, f.f_lineno) for f in t.get_stack()])
    await asyncio.sleep(0)
    print([(f.f_code.co_name, f.f_lineno) for f in t.get_stack()])
    t.print_stack()
    t.print_stack(file=sys.stdout)
    f = asyncio.create_task(failing(), name="fail")
    await asyncio.sleep(0.5)
    print([(fr.f_code.co_name, fr.f_lineno) for fr in f.get_stack()])
    f.print_stack(file=sys.stdout)
    f.print_stack(limit=0, file=sys.stdout)
    g = asyncio.create_task(failing2(), name="fail2")
    await asyncio.sleep(0)
    g.print_stack(file=sys.stdout)
    await t
    t.print_stack(file=sys.stdout)
    print(t.get_stack())
    f.exception(); g.exception()

asyncio.run(main())
