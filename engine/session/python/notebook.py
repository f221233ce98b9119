# The notebook's driver (engine/session/NOTEBOOK.md): the event loop that is already running
# when cells arrive, as in Jupyter. tests/diff/oracle/notebook.py does the same under CPython.
import asyncio
import _looplab_notebook as _cells


async def notebook():
    # Jupyter runs cells inside the kernel's own task: so do we (it is Task-1).
    loop = asyncio.get_running_loop()
    failed = False
    while True:
        cell = _cells.next_cell()
        while cell is False:  # no cell yet: the session pauses here until one is submitted
            cell = _cells.next_cell()
        if cell is None:  # the notebook was closed
            break
        number, source, first_line = cell
        try:
            code = _cells.compile_cell(source, first_line)
        except SyntaxError as e:
            _cells.show_exception(e)
            failed = True
        else:
            try:
                value = code()
                if _cells.is_coroutine_cell(code):
                    value = await value
                if value is not None:  # a failing repr is the cell's exception, as in IPython
                    print(f"Out[{number}]: {value!r}")
            except BaseException as e:
                _cells.show_exception(e)
                failed = True
            value = None
        # Between cells the loop runs whatever is ready at this time, and the clock stands still:
        # a timer fires only while a cell awaits.
        while loop._ready or (loop._scheduled and loop._scheduled[0]._when < loop.time() + loop._clock_resolution):
            await asyncio.sleep(0)
    return failed


# After the last cell the loop shuts down as asyncio.run does (pending tasks are cancelled).
raise SystemExit(1 if asyncio.run(notebook()) else 0)
