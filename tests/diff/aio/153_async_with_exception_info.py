# __aexit__ sees the exception type, value; returning False re-raises.
import asyncio

class Txn:
    def __init__(self):
        self.log = []
    async def __aenter__(self):
        self.log.append("begin")
        return self
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0.1)
        self.log.append("rollback" if et else "commit")
        return False

async def main():
    t = Txn()
    async with t:
        t.log.append("work")
    try:
        async with t:
            t.log.append("bad work")
            raise ValueError("oops")
    except ValueError as e:
        t.log.append(f"caught {e}")
    print(t.log)

asyncio.run(main())
