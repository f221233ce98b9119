# The notebook oracle: runs a file of `# %%` cells under CPython 3.13 exactly as
# `looplab notebook` does (engine/session/NOTEBOOK.md), on the virtual clock of sitecustomize.py.
#
# Usage: PYTHONPATH=tests/diff/oracle python3 tests/diff/oracle/notebook.py FILE.py
# Each cell is compiled with ast.PyCF_ALLOW_TOP_LEVEL_AWAIT and run inside the notebook's task
# (Task-1 of asyncio.run), as ipykernel does; a final expression statement is compiled apart in
# 'eval' mode, as IPython does, and shown as "Out[N]: repr" unless it is None.

import ast
import asyncio
import builtins
import inspect
import sys
import traceback
import types

FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


def split_cells(text):
    """Lines starting with "# %%" separate cells; cells without code are left out."""
    cells = []
    lines, first = [], 1
    raw = text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()  # the text's final newline ends the last line; it does not start another

    def close(next_first):
        nonlocal lines, first
        if any(l.strip(" \t\r\f") and not l.strip(" \t\r\f").startswith("#") for l in lines):
            cells.append(("".join(l + "\n" for l in lines), first))
        lines, first = [], next_first

    for number, line in enumerate(raw, 1):
        if line.startswith("# %%"):
            close(number + 1)
        else:
            lines.append(line)
    close(len(raw) + 1)
    return cells


def show_exception(e, with_traceback=True):
    # From the cell's frame on: this file's frames are the notebook's machinery. A SyntaxError
    # of the cell itself shows no traceback, as for a script.
    tb = e.__traceback__ if with_traceback else None
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    traceback.print_exception(type(e), e, tb)


def compile_cell(source, first_line, filename):
    padded = "\n" * (first_line - 1) + source
    tree = ast.parse(padded, filename, "exec")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    body = compile(tree, filename, "exec", flags=FLAGS)
    return body, compile(last, filename, "eval", flags=FLAGS) if last is not None else None


def is_coroutine_code(code):
    return bool(code.co_flags & inspect.CO_COROUTINE)


async def notebook(cells, filename, ns):
    loop = asyncio.get_running_loop()
    failed = False
    for number, (source, first_line) in enumerate(cells, 1):
        try:
            body, last = compile_cell(source, first_line, filename)
        except SyntaxError as e:
            show_exception(e, with_traceback=False)
            failed = True
        else:
            try:
                value = eval(body, ns)
                if is_coroutine_code(body):
                    await value
                value = None
                if last is not None:
                    value = eval(last, ns)
                    if is_coroutine_code(last):
                        value = await value
                if value is not None:  # a failing repr is the cell's exception, as in IPython
                    print(f"Out[{number}]: {value!r}")
            except BaseException as e:
                show_exception(e)
                failed = True
            value = None
        # Between cells the loop runs whatever is ready at this time; the clock stands still.
        while loop._ready or (loop._scheduled and loop._scheduled[0]._when < loop.time() + loop._clock_resolution):
            await asyncio.sleep(0)
    return failed


def main():
    filename = sys.argv[1]
    with open(filename, encoding="utf-8") as f:
        text = f.read()
    module = types.ModuleType("__main__")
    module.__dict__["__builtins__"] = builtins
    sys.modules["__main__"] = module
    failed = asyncio.run(notebook(split_cells(text), filename, module.__dict__))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
