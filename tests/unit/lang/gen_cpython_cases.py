#!/usr/bin/env python3
"""Regenerates the CPython-derived expectation tables used by the engine/lang unit tests.

Run with CPython 3.13 (the reference):  PYENV_VERSION=3.13.0 python3 gen_cpython_cases.py
It rewrites cpython_syntax_errors.cpp, cpython_ast.cpp, cpython_names.cpp and cpython_tokens.cpp
next to this script. Every expected value in those files comes from CPython itself:
compile() for SyntaxError attributes, ast.dump(include_attributes=True) for trees and spans,
and dis for how each name is accessed (LOAD_FAST, LOAD_DEREF, ...).
"""
import ast
import dis
import os
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))

# Sources whose SyntaxError (type, msg, lineno, offset, end_lineno, end_offset) must match.
ERROR_CASES = [
    "if x\n  pass",
    "if x:\n    a\n  b",
    "if x:\npass",
    " x = 1",
    "x = 1\n    y = 2",
    "await x",
    "def f():\n    await x",
    "return 1",
    "break",
    "continue",
    "for x in y:\n    def f():\n        break",
    "yield 1",
    "class A:\n    yield 1",
    "async def f():\n    yield 1\n    return 2",
    "async def f():\n    yield from x",
    "x = 'abc",
    "x = \"\"\"abc\n\ny",
    "s = '''abc\ndef\n",
    "x = 'abc\\\ndef",
    "x = (1,\ny = 2",
    "x = 1)",
    "x = (1]",
    "x = (1,\n  2]",
    "f(a b)",
    "print(1 2)",
    "x = [1, 2 3]",
    "class A(x y): pass",
    "f() = 1",
    "1 = x",
    "a + 1 = 2",
    "[x for x in y] = 1",
    "x = 1abc",
    "x = 0x",
    "x = 1_",
    "x = 1__0",
    "x = 1.5e",
    "x = 0b102",
    "x = 0o8",
    "x = 09",
    "x = 0009",
    "nonlocal x",
    "def f():\n    nonlocal x",
    "class C:\n    nonlocal x",
    "def f():\n    x = 1\n    global x",
    "def f():\n    print(x)\n    global x",
    "def f(x):\n    global x",
    "def f(x, x): pass",
    "lambda a, a: 0",
    "f(a=1, b)",
    "f(**k, a)",
    "f(**a, *b)",
    "f\"{x\"",
    "f\"{x!z}\"",
    "f\"{}\"",
    "f\"{x!}\"",
    "f\"abc",
    "f\"}\"",
    "f\"{x}}\"",
    "f\"{x:abc\"",
    "f\"{x y}\"",
    "f'{x",
    "f\"\"\"{x\n\"\"\"",
    "def f():\n    [x async for x in y]",
    "def f():\n    async with x: pass",
    "def f():\n    async for x in y: pass",
    "async def f():\n    x = [await y for y in z]\n    def g():\n        await q\n",
    "x = = 1",
    "a b",
    "print \"hello\"",
    "x = [1, 2",
    "x += 1 = 2",
    "(a, b) += 1",
    "f(x) += 1",
    "f(x for x in y, 1)",
    "def f(a=1, b): pass",
    "lambda x=1, y: x",
    "def f(a=1, /, b): pass",
    "def f(**k, a): pass",
    "def f(*): pass",
    "def f(a, *, **k): pass",
    "def f(*a, *b): pass",
    "x = 'abc\\",
    "if True:\n\tx = 1\n        y = 2",
    "del f()",
    "del x + 1",
    "del (a, f())",
    "x = 1 if y",
    "x = 1 if 2 else",
    "from x import (a, b",
    "import a.b as",
    "import",
    "from x import",
    "from x import a,",
    "try:\n    pass",
    "try:\n    pass\nx = 1",
    "try:\n    pass\n\n\n",
    "try:\n    pass\nexcept* E:\n    pass\nexcept F:\n    pass",
    "x = 5 ** * 3",
    "True = 1",
    "None = 1",
    "x.True",
    "x = (1,\ny z",
    "x = 1 +",
    "def f(",
    "foo(\n  a,\n  b c",
    "x = 'a' 'b",
    "x = 1.2.3",
    "x = $",
    "x = a ? b",
    "x = 'a\\xZZ'",
    "x = '\\N{foo}'",
    "x = 5 \\ 3",
    "x = b'\u00e9'",
    "s = \"abc\" d\n",
    "x = \u201chi\u201d",
    "x = a\u20acb",
    "if x:\n  if y:\n    if z:\n      pass\n   a",
    "def f():\n  return 1\n x = 2",
    "else:\n  pass",
    "def f()\n    pass",
    "def f() x:\n    pass",
    "class A\n    pass",
    "class A x:\n    pass",
    "while x\n    pass",
    "while x y:\n    pass",
    "for x in y\n    pass",
    "for x in y z:\n    pass",
    "try x:\n    pass",
    "try\n    pass",
    "if x:\n    pass\nelse\n    pass",
    "if x:\n    pass\nelse x:\n    pass",
    "if x:\n    pass\nelif y\n    pass",
    "try:\n    pass\nexcept E\n    pass",
    "try:\n    pass\nexcept E x:\n    pass",
    "try:\n    pass\nfinally x:\n    pass",
    "def f():\nx = 1",
    "class A:\nx = 1",
    "for x in y:\npass",
    "while x:\npass",
    "with a:\npass",
    "try:\npass",
    "try:\n    pass\nexcept:\npass",
    "try:\n    pass\nfinally:\npass",
    "if x:\n    pass\nelif y:\npass",
    "if x:\n    pass\nelse:\npass",
    "with a as b\n    pass",
    "with a b:\n    pass",
    "def f:\n    pass",
    "def f(a b): pass",
    "lambda x y: 1",
    "for x y in z: pass",
    "for x in: pass",
    "x = [a for a b]",
    "import a b",
    "from a import b c",
    "return x y",
    "async x = 1",
    "x = (1 for x in y) = 2",
    "x = (yield) = 1",
    "x = yield = 1",
    "for f() in y: pass",
    "with a as f(): pass",
    "[x for f() in y]",
    "x: int, y: int = 1, 2",
    "a, b: int",
    "x = {1: 2, 3 4}",
    "if x = 1:\n    pass",
    "x = *a",
    "*a = 1",
    "*a, *b = c",
    "@foo\nx = 1",
    "global x, \n",
    "def f(x):\n    return\n  y",
    "x = (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))",
    "f(a=1, a=2)",
    "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass",
    "for x in y:\n    try:\n        pass\n    except* E:\n        break",
    "def f():\n    from m import *",
    "class C:\n    [(y := 1) for x in z]",
    "def f():\n    [(x := 1) for x in z]",
    "def f():\n    [x for x in (y := z)]",
    "def f():\n    [(yield x) for x in z]",
    "def f():\n    x: int\n    global x",
    "x = 'caf\u00e9' +",
    "\u00e9t\u00e9 = 1 2",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x",
    "async def f():\n    def g():\n        async for x in y: pass",
    "lambda: await x",
    "class C:\n    await x",
    "x = [await y for y in z]",
    "async def f():\n    return [x async for x in y]\ndef g():\n    return (x async for x in y)\nbreak",
    # Common learner mistakes.
    'print(f"{x")',
    'else if x:\n    pass',
    'while True print(x)',
    'x === 1',
    '[x, y for x, y in z]',
    "s = 'it's'",
    'print("a" + )',
    'x := 1',
    'f(**)',
    'async def f():\n    await asyncio.sleep(1',
    'def f(x):\n    return x\nprint(f(1)\nx = 2',
    'for i in range(10):\nprint(i)',
    'import asyncio as',
    'if x == 1:\n    print(x)\n  else:\n    print(y)',
    'def f():\n    pass\n  return 1',
    "print('a' 'b' c)",
    "x = {'a': 1 'b': 2}",
    'x = [1, 2, 3,, 4]',
    'def f(a, b)\n    return a',
    'def = 1',
    'class = 1',
    'x = 1 if y else',
    'for x in range(3):\n    x += 1\n  print(x)',
    'async def main():\n    task = asyncio.create_task(work())\n    await task\n    await',
    'x = (1 2)',
    'x.1',
    'f(a=)',
    'while x:\n    pass\nelse',
    'print "x" % y',
    'exec "code"',
    'f(a b=1)',
    'return',
    'x = a if b c',
    'i++',
    'x = [i for i in]',
    '{1: 2 for x in y, z}',
    'def f(*, a, *, b): pass',
    'with open(x) as f, open(y) as g\n    pass',
    'try:\n    x\nexcept ValueError, TypeError:\n    pass',
    'if x:\npass\nelse:\n    pass',
    'async with x:\n    pass',
    'def f():\n    yield = 1',
    'a, *b, *c = d',
    'x = 10 20',
    'foo bar baz',
    'def f(x=1, *args, y, **kw, z): pass\n',
    "f\"{x + }\"",
    "if x:\n    pass\nelif hasattr(t, 'f')        # trailing comment\n    y = 1",
    'def f():\n        if x:\n            y\n    z\n',
    'if x:\n    a\n          \\      b\n',
    'from m import [x\n',
    'x = (1,\n  2\ny = [3,\n',
    'def f(a, b):\n    return a +\n',
    "async def main():\n    await asyncio.gather(\n        work(1),\n        work(2)\n    print('done')\n",
    'async def main():\n    async with asyncio.TaskGroup() as tg\n        tg.create_task(work())\n',
    'def f():\n    x = 1\n  # comment\n    return x\n    y = (\n',
    "print(f'{x:{y}')\n",
    'for 1 in x: pass',
    '(1, 2) = x',
    'x = 1\nx = = 2',
    'with a as 1: pass',
    'del 1',
    'x + 1 += 1',
    'def f(a, /, a): pass',
    'def f(*, a, **a): pass',
    '[i for i in range(3)] += 1',
    'x = 1 +\n\n',
    "print(f'{1 +}')",
    "x = b'abc",
    "x = rb'''abc",
    'f"{x!r"',
]


def c_string(s):
    out = []
    for ch in s:
        if ch == '\\':
            out.append('\\\\')
        elif ch == '"':
            out.append('\\"')
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\t':
            out.append('\\t')
        elif ch == '\f':
            out.append('\\f')
        elif ord(ch) < 0x20:
            out.append('\\x%02x' % ord(ch))
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


def header(what):
    return ("// GENERATED by gen_cpython_cases.py from CPython %s: %s.\n"
            "// Do not edit by hand; rerun the script with CPython 3.13 instead.\n"
            % (sys.version.split()[0], what))


def gen_errors():
    rows = []
    for src in ERROR_CASES:
        try:
            compile(src, 'x.py', 'exec')
            raise SystemExit('case compiles without error: %r' % src)
        except SyntaxError as e:
            rows.append('    {%s, "%s", %s, %d, %d, %d, %d},' % (
                c_string(src), type(e).__name__, c_string(e.msg), e.lineno or 0, e.offset or 0,
                e.end_lineno or 0, e.end_offset or 0))
        except MemoryError as e:
            rows.append('    {%s, "MemoryError", %s, 0, 0, 0, 0},' % (c_string(src), c_string(str(e))))
    return (header("SyntaxError attributes of invalid programs") +
            '#include "tests/unit/lang/cpython_cases.hpp"\n\n'
            'namespace ll::lang::test {\n\n'
            'const std::vector<ErrorCase>& cpython_error_cases() {\n'
            '    static const std::vector<ErrorCase> cases = {\n' + '\n'.join('    ' + r for r in rows) +
            '\n    };\n    return cases;\n}\n\n}  // namespace ll::lang::test\n')


# Programs whose full ast.dump(include_attributes=True) must match.
AST_CASES = [
    "x = None; y=...; z=b'a\\x00'; w=1.5;v=True",
    "from . import a as b\nfrom ..m.n import (c, d,)\nfrom m import *\nimport a.b, c as d",
    "f\"a{x!r:>{w}} {y=}\" \"b\"",
    "f'{x}' 'y' f'{z:{a}b}'\nf'{x=!s}' f'{x=:>3}'\nf'''{\n  x\n}''' f\"{'a' if b else 'c'}\"\nf'{{}}{a}{{'",
    "async def f():\n  async with a as b, c: pass\n  async for x in y: pass\n  await z\n  r = [i async for i in g()]",
    "try:\n  pass\nexcept* E as e:\n  pass\nfinally:\n  pass",
    "try:\n  x\nexcept (A, B):\n  y\nexcept C as c:\n  z\nexcept:\n  w\nelse:\n  v\nfinally:\n  u",
    "a[1:2, ::3]; a[:]; a[i]; a[1:]; a[::]; a[*b]; a[x:y, z]",
    "lambda: 0\nlambda a, *b, c=1, **d: a\nlambda a, /, b: b",
    "{**a, 1:2}; {1, *s}; {}; {k: v for k, v in d.items() if v}",
    "f(*a, k=1, **b); f(x for x in y); f((a), (b))",
    "x: int\n(y): int = 1\na.b: list[int] = []\nz[0]: str",
    "class A(B, metaclass=M):\n    '''doc'''\n    def m(self): return super().m()",
    "@d\n@e.f(1)\ndef f(a: int = 1, *b, **c) -> None:\n    pass",
    "def f(a, /, b=1, *, c, d=2, **e): pass",
    "-1; +x; ~y; not z; - - 1; 2 ** -1; -2 ** 2",
    "a and b or c and not d; (a or b) and c",
    "a < b <= c == d != e > f >= g is h is not i in j not in k",
    "x = 1 if y else 2; z = (a if b else c if d else e)",
    "a | b ^ c & d << e >> f + g - h * i / j // k % l @ m",
    "a = b = c = 1\n(a, b), [c, *d] = e\nx.y = z[0] = w\na, = b,\n*a, b = c",
    "x += 1; y -= 2; z *= 3; w /= 4; v //= 5; u %= 6; t **= 7; s @= 8; r &= 9; q |= 10; p ^= 11; o <<= 12; n >>= 13",
    "if (n := len(a)) > 10: pass\nwhile (chunk := f.read()): pass",
    "[x for x in y for z in x if z if not w]\n{x for x in y}\n(x for x in y)\n{a: b for a, b in c}",
    "def g():\n    yield\n    yield 1\n    yield 1, 2\n    x = yield\n    y = yield from z\n    return (yield)",
    "global a, b\ndef f():\n    nonlocal c\n    del a, b[0], c.d",
    "assert x\nassert x, 'msg'\nraise\nraise E\nraise E('m') from None",
    "for i in range(10):\n    if i: continue\n    else: break\nelse:\n    pass\nwhile True:\n    pass\nelse:\n    pass",
    "with a: pass\nwith a as b, c as (d, e): pass\nwith (a as b, c): pass\nwith (a, b): pass\nwith (a, b) as c: pass\nwith (yield): pass",
    "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass",
    "x = 0x_ff + 0o17 + 0b1010 + 1_000_000 + 12345678901234567890 + 0xFFFFFFFFFFFFFFFFFFFF\ny = 1.5e-3 + 1_000.5 + .5 + 5. + 1e100 + 1E5",
    "s = 'a\\n\\t\\\\\\'\"\\x41\\u00e9\\U0001F600\\101\\0'\nb = b'\\x00\\xff\\n'\nr = r'\\n\\x' + R\"\\d\" + rb'\\x' + Br'\\y'\nt = '''a\nb''' \"\"\"c\"\"\"",
    "x = ('a'\n     'b'\n     f'{c}')",
    "print(f'{a!r}', end=''); print(*args, sep='', **kw)",
    "x = [\n    1,\n    2,\n]\ny = {\n    'a': 1,\n}\nz = (\n    1\n)",
    "x = a.b.c(d)[e].f\ny = (a\n     .b\n     .c())",
    "if x:\n    # comment\n    y = 1  # trailing\n\n    z = 2\n\\\n\nw = 3",
    "def f():\n    return\ndef g():\n    return 1, 2\ndef h():\n    return *a, b",
    "x = not a == b\ny = -a ** -b\nz = await_ = 1",
    "async def main():\n    await asyncio.sleep(1)\n    t = asyncio.create_task(work())\n    r = await asyncio.gather(*tasks, return_exceptions=True)\n    async with asyncio.timeout(1.5):\n        await q.get()",
    "x = f'{x:{w}.{p}f}' + f'{d[\"k\"]}' + f'{a + b = }' + f'{x!a:^10}'",
    "class C:\n    x: int = 0\n    def __init__(self, *, a=1):\n        self.a = a\n    @property\n    def p(self): return self.a\n    async def __aenter__(self): return self",
    "del (a), [b, c]\ndel (d, e)",
    "a = 'caf\u00e9' + b\nprint(\u00e9t\u00e9)",
    "x = yield_ = lambda: (yield)",
    "match = 1\nmatch.x = 2\nprint(match)\ncase = type = _ = 3",
    "x = (  # c\n  1 +\n  2  # d\n)",
    "f(a)(b)(c)\n(a)(b)\n(a).b\n(a)[b]\n(a) + (b)\n-(a)\n(a) if (b) else (c)\nnot (a)\n(a) < (b)\n(a) and (b)\nawait_(x)",
]


def gen_ast():
    rows = []
    for src in AST_CASES:
        tree = ast.parse(src)
        rows.append('    {%s,\n     %s},' % (c_string(src), c_string(ast.dump(tree, include_attributes=True))))
    return (header("ast.dump(ast.parse(src), include_attributes=True)") +
            '#include "tests/unit/lang/cpython_cases.hpp"\n\n'
            'namespace ll::lang::test {\n\n'
            'const std::vector<AstCase>& cpython_ast_cases() {\n'
            '    static const std::vector<AstCase> cases = {\n' + '\n'.join('    ' + r for r in rows) +
            '\n    };\n    return cases;\n}\n\n}  // namespace ll::lang::test\n')


# Programs whose name accesses (per code object) must match the opcodes CPython emits.
# No list/set/dict comprehensions here: CPython 3.12+ inlines them, Loop Lab's scope pass keeps
# them as separate scopes (see scope.hpp).
NAME_CASES = [
    "import asyncio\nx = 1\ndef f(a, b=2):\n    c = a + b + x\n    return c\nprint(f(1))",
    "def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc",
    "g = 1\ndef f():\n    global g\n    g = 2\n    h = g\n    return h",
    "def f(x):\n    def g():\n        def h():\n            return x\n        return h\n    return g",
    "class C:\n    y = 1\n    def m(self):\n        return super().m() + y\n    z = y",
    "def f():\n    v = 1\n    class C:\n        w = v\n        def m(self):\n            return v\n    return C",
    "def f():\n    v = 1\n    class C:\n        v = 2\n        def m(self):\n            return v\n    return C",
    "def f(a):\n    return (a + i for i in range(3))",
    "async def main():\n    t = asyncio.create_task(work())\n    async with lock:\n        r = await t\n    return r",
    "def f():\n    l = lambda q: q + k\n    k = 1\n    return l",
    "def f():\n    try:\n        pass\n    except E as e:\n        print(e)\n    import os, sys as s\n    from m import a as b\n    del b\n    for i in x: pass\n    with cm as w: pass",
    "x = 1\nclass A:\n    global x\n    x = 2\n    print(x)",
    "def f():\n    if (n := g()) > 1:\n        return n",
    "def deco(fn):\n    def wrapper(*args, **kwargs):\n        return fn(*args, **kwargs)\n    return wrapper",
]

OP_KIND = {
    'LOAD_FAST': 'Fast', 'STORE_FAST': 'Fast', 'DELETE_FAST': 'Fast', 'LOAD_FAST_CHECK': 'Fast',
    'LOAD_FAST_AND_CLEAR': 'Fast', 'LOAD_FAST_LOAD_FAST': 'Fast', 'STORE_FAST_STORE_FAST': 'Fast',
    'STORE_FAST_LOAD_FAST': 'Fast',
    'LOAD_DEREF': 'Deref', 'STORE_DEREF': 'Deref', 'DELETE_DEREF': 'Deref',
    'LOAD_GLOBAL': 'Global', 'STORE_GLOBAL': 'Global', 'DELETE_GLOBAL': 'Global',
    'LOAD_NAME': 'Name', 'STORE_NAME': 'Name', 'DELETE_NAME': 'Name',
    'LOAD_FROM_DICT_OR_DEREF': 'ClassDeref',
}


def name_accesses(code, out):
    for ins in dis.get_instructions(code):
        kind = OP_KIND.get(ins.opname)
        if kind is None:
            continue
        names = ins.argval if isinstance(ins.argval, tuple) else (ins.argval,)
        for n in names:
            if kind == 'Fast' and (n in code.co_cellvars or n in code.co_freevars):
                continue  # 3.13 emits LOAD_FAST for LOAD_CLOSURE (building a closure), not a name access
            if n.startswith('.') or n in ('__name__', '__module__', '__qualname__', '__doc__', '__class__',
                                         '__classdict__', '__firstlineno__', '__static_attributes__'):
                continue
            out.add((code.co_qualname, n, kind))
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            name_accesses(c, out)


def scopes_of(code, out):
    flags = code.co_flags
    out.append('{%s, {%s}, {%s}, {%s}, %d, %d, %d, %s, %s, %s}' % (
        c_string(code.co_qualname),
        ', '.join(c_string(v) for v in code.co_varnames),
        ', '.join(c_string(v) for v in code.co_cellvars),
        ', '.join(c_string(v) for v in code.co_freevars),
        code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount,
        'true' if flags & 0x20 else 'false', 'true' if flags & 0x80 else 'false',
        'true' if flags & 0x200 else 'false'))
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            scopes_of(c, out)


def gen_names():
    rows = []
    for src in NAME_CASES:
        code = compile(src, 'x.py', 'exec')
        acc = set()
        name_accesses(code, acc)
        scopes = []
        scopes_of(code, scopes)
        rows.append('    {%s,\n     {%s},\n     {%s}},' % (
            c_string(src),
            ', '.join('{%s, %s, %s}' % (c_string(q), c_string(n), c_string(k)) for q, n, k in sorted(acc)),
            ',\n      '.join(scopes)))
    return (header("name access opcodes and code object attributes from compile()") +
            '#include "tests/unit/lang/cpython_cases.hpp"\n\n'
            'namespace ll::lang::test {\n\n'
            'const std::vector<NameCase>& cpython_name_cases() {\n'
            '    static const std::vector<NameCase> cases = {\n' + '\n'.join('    ' + r for r in rows) +
            '\n    };\n    return cases;\n}\n\n}  // namespace ll::lang::test\n')


# Sources whose token stream (type, text, start, end) must match the tokenize module's, after
# dropping the NL and COMMENT tokens that the C tokenizer does not hand to the parser.
TOKEN_CASES = [
    "x = 1\n",
    "if x:\n    y = (1,\n         2)  # c\n    z = 3\n\n# only a comment\nw\n",
    "def f(a, *b, **c) -> None:\n\tpass\n",
    "a **= b // c >> 2 != d <= e -> f := g ... @ h\n",
    "s = 'a' \"b\" r'\\n' b'x' rb\"y\" '''t\nq''' U'u'\n",
    "n = 0x_1F + 0o17 + 0b10 + 1_000 + 1.5e-3 + .5 + 5. + 1E5 + 00 + 1if x else 2\n",
    "f\"a{x!r:>{w}}b{y=}\"\n",
    "f'{\"nested\"}' f\"{'a' + f'{b}'}\"\n",
    "x = [\n  1,\n  2,\n]\ny = 1 + \\\n  2\n",
    "class C:\n  def m(self):\n    return 1\n  x = 2\ny = 3",
    "caf\u00e9 = '\u00e9t\u00e9'\n",
    "async def f():\n    await g()\n",
]


def gen_tokens():
    import io
    import tokenize
    rows = []
    for src in TOKEN_CASES:
        lines = src.split('\n')
        toks = []
        for t in tokenize.generate_tokens(io.StringIO(src).readline):
            name = tokenize.tok_name[t.type]
            if name in ('NL', 'COMMENT') or (name == 'FSTRING_MIDDLE' and not t.string):
                continue
            # tokenize reports character columns; the engine uses UTF-8 byte columns like ast.
            def byte_col(line, col):
                if line - 1 >= len(lines):
                    return col
                text = lines[line - 1]
                return len(text[:col].encode()) + max(0, col - len(text))
            toks.append('%s %s %d,%d-%d,%d' % (name, t.string.replace('\n', '\\n'), t.start[0],
                                               byte_col(*t.start), t.end[0], byte_col(*t.end)))
        rows.append('    {%s,\n     {%s}},' % (c_string(src), ',\n      '.join(c_string(x) for x in toks)))
    return (header("tokenize.generate_tokens without NL/COMMENT") +
            '#include "tests/unit/lang/cpython_cases.hpp"\n\n'
            'namespace ll::lang::test {\n\n'
            'const std::vector<TokenCase>& cpython_token_cases() {\n'
            '    static const std::vector<TokenCase> cases = {\n' + '\n'.join('    ' + r for r in rows) +
            '\n    };\n    return cases;\n}\n\n}  // namespace ll::lang::test\n')


def main():
    if sys.version_info[:2] != (3, 13):
        raise SystemExit('run with CPython 3.13 (PYENV_VERSION=3.13.0 python3 ...)')
    for name, text in (('cpython_syntax_errors.cpp', gen_errors()), ('cpython_ast.cpp', gen_ast()),
                       ('cpython_names.cpp', gen_names()), ('cpython_tokens.cpp', gen_tokens())):
        with open(os.path.join(HERE, name), 'w', encoding='utf-8') as f:
            f.write(text)


if __name__ == '__main__':
    main()
