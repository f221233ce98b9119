"""How asyncio writes callbacks, results and creation sites into its reprs.

Reprs are what learners print and what the warnings show, so they follow
CPython 3.13 character for character.
"""

import _looplab

# Where CPython defines the asyncio functions that show up in reprs as
# callbacks ("cb=[_run_until_complete_cb() at .../base_events.py:182]").
# Our own copies live in prelude files, so we report CPython's location.
_LIB_SOURCES = {
    "_run_until_complete_cb": ("base_events.py", 182),
    "_set_result_unless_cancelled": ("futures.py", 312),
    "_release_waiter": ("tasks.py", 454),
    "_wait.<locals>._on_completion": ("tasks.py", 521),
    "gather.<locals>._done_callback": ("tasks.py", 820),
    "shield.<locals>._inner_done_callback": ("tasks.py", 958),
    "shield.<locals>._outer_done_callback": ("tasks.py", 975),
}


def lib_site(filename, lineno):
    """A (file, line) pair inside CPython's asyncio package."""
    return (_looplab.LIB + "/asyncio/" + filename, lineno)


def creation_stack(lib_filename=None, lib_lineno=0, lib_function=None):
    """Debug mode: where an object was made, as (file, line, function, source) frames.

    Our own frames are left out. When CPython would have made the object inside its
    asyncio package (asyncio.create_task, loop.create_future, ...), that place is
    added as the innermost frame, so "created at" names it exactly as CPython does.
    """
    stack = _looplab.extract_stack()
    if lib_filename is not None:
        stack.append((_looplab.LIB + "/asyncio/" + lib_filename, lib_lineno, lib_function, None))
    return stack


def created_at(stack):
    """' created at F:L' text for reprs: the innermost frame of a creation stack."""
    return f"created at {stack[-1][0]}:{stack[-1][1]}"


def format_stack(stack):
    """'Object created at ...' block of the exception handler, like traceback.format_list."""
    text = "Object created at (most recent call last):\n"
    for filename, lineno, function, line in stack:
        text += f'  File "{filename}", line {lineno}, in {function}\n'
        if line:
            text += f"    {line}\n"
    return text.rstrip()


def function_source(func):
    """(file, line) of a plain function's definition, or None (methods, builtins)."""
    while _looplab.is_partial(func):
        func = func.func
    source = _looplab.function_source(func)
    if source is None:
        return None
    filename, lineno, in_prelude = source
    if in_prelude:
        where = _LIB_SOURCES.get(func.__qualname__)
        if where is None:
            return None
        return lib_site(where[0], where[1])
    return (filename, lineno)


def format_args(args, kwargs, debug):
    # 3.13 hides arguments unless debug mode is on: they may hold secrets.
    if not debug:
        return "()"
    items = []
    if args:
        for arg in args:
            items.append(short_repr(arg))
    if kwargs:
        for key, value in kwargs.items():
            items.append(f"{key}={short_repr(value)}")
    return "(" + ", ".join(items) + ")"


def format_callback(func, args, kwargs, debug, suffix=""):
    if _looplab.is_partial(func):
        # A partial shows its own arguments after those of the function it wraps.
        suffix = format_args(args, kwargs, debug) + suffix
        return format_callback(func.func, func.args, func.keywords, debug, suffix)
    name = getattr(func, "__qualname__", None) or getattr(func, "__name__", None)
    if not name:
        name = repr(func)
    return name + format_args(args, kwargs, debug) + suffix


def format_callback_source(func, args, debug=False):
    text = format_callback(func, args, None, debug)
    source = function_source(func)
    if source:
        text += f" at {source[0]}:{source[1]}"
    return text


# --- A small reprlib: results in reprs are shortened the way reprlib.repr does it.

_FILL = "..."


def _shorten(text, limit):
    if len(text) <= limit:
        return text
    i = max(0, (limit - 3) // 2)
    j = max(0, limit - 3 - i)
    return text[:i] + _FILL + text[len(text) - j:]


def _sorted_if_possible(items):
    try:
        return sorted(items)
    except Exception:
        return list(items)


def _repr_items(items, level, left, right, limit, trail=""):
    n = len(items)
    if level <= 0 and n:
        inner = _FILL
    else:
        pieces = []
        for i, item in enumerate(items):
            if i >= limit:
                break
            pieces.append(_short_repr(item, level - 1))
        if n > limit:
            pieces.append(_FILL)
        inner = ", ".join(pieces)
        if n == 1 and trail:
            right = trail + right
    return left + inner + right


def _short_repr(x, level):
    kind = type(x).__name__   # reprlib dispatches on the exact type name
    if kind == "str":
        text = repr(x[:30])
        if len(text) > 30:
            i = 13
            j = 14
            text = repr(x[:i] + x[len(x) - j:])
            text = text[:i] + _FILL + text[len(text) - j:]
        return text
    if kind == "int":
        return _shorten(repr(x), 40)
    if kind == "tuple":
        return _repr_items(list(x), level, "(", ")", 6, ",")
    if kind == "list":
        return _repr_items(x, level, "[", "]", 6)
    if kind == "deque":
        return _repr_items(list(x), level, "deque([", "])", 6)
    if kind == "set":
        return "set()" if not x else _repr_items(_sorted_if_possible(x), level, "{", "}", 6)
    if kind == "frozenset":
        if not x:
            return "frozenset()"
        return _repr_items(_sorted_if_possible(x), level, "frozenset({", "})", 6)
    if kind == "dict":
        if not x:
            return "{}"
        if level <= 0:
            return "{" + _FILL + "}"
        pieces = []
        for i, key in enumerate(_sorted_if_possible(x)):
            if i >= 4:
                break
            pieces.append(_short_repr(key, level - 1) + ": " + _short_repr(x[key], level - 1))
        if len(x) > 4:
            pieces.append(_FILL)
        return "{" + ", ".join(pieces) + "}"
    try:
        text = repr(x)
    except Exception:
        return f"<{x.__class__.__name__} instance at {hex(id(x))}>"
    return _shorten(text, 30)


def short_repr(x):
    """reprlib.repr(x): at most 6 items per container, 30 characters per string."""
    return _short_repr(x, 6)
