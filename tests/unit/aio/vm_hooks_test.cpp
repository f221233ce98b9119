// VM features the asyncio prelude relies on: async-generator hooks (firstiter/finalizer), a
// generator-based __await__ delegating to coro.__await__(), and Future.__del__ reporting.
// Expected outputs come from CPython 3.13 running the same programs.
#include <doctest/doctest.h>

#include <string>

#include "engine/aio/aio.hpp"
#include "engine/vm/vm.hpp"

namespace {

std::string run(const std::string& source) {
    ll::vm::VM vm;
    ll::aio::install(vm);
    std::string out, err;
    vm.write_stdout = [&](std::string_view s) { out.append(s); };
    vm.write_stderr = [&](std::string_view s) { err.append(s); };
    ll::vm::Value m = vm.run_source(source, "/t.py");
    if (!m) ll::vm::print_exception(vm, ll::vm::take_error(vm));
    return err.empty() ? out : out + "|" + err;
}

}  // namespace

TEST_CASE("an async generator left by break is closed by the loop's finalizer, in a task") {
    CHECK(run("import asyncio\n"
              "async def gen():\n"
              "    try:\n"
              "        yield 1\n"
              "        yield 2\n"
              "    finally:\n"
              "        print('gen finally', asyncio.current_task() is not None)\n"
              "async def main():\n"
              "    async for x in gen():\n"
              "        print(x)\n"
              "        break\n"
              "    print('after break')\n"
              "    await asyncio.sleep(0)\n"
              "    print('end')\n"
              "asyncio.run(main())\n") == "1\nafter break\nend\ngen finally True\n");
}

TEST_CASE("firstiter is called once, at an async generator's first __anext__") {
    CHECK(run("import _looplab\n"
              "seen = []\n"
              "_looplab.set_asyncgen_hooks(lambda g: seen.append(g.__name__), None)\n"
              "async def agen():\n"
              "    yield 1\n"
              "g = agen()\n"
              "print(seen)\n"
              "a = g.__anext__()\n"
              "b = g.__anext__()\n"
              "print(seen)\n") == "[]\n['agen']\n");
}

TEST_CASE("a generator-based __await__ can yield from coro.__await__()") {
    CHECK(run("import asyncio\n"
              "async def inner():\n"
              "    await asyncio.sleep(1)\n"
              "    return 7\n"
              "class Aw:\n"
              "    def __await__(self):\n"
              "        return (yield from inner().__await__())\n"
              "async def main():\n"
              "    print(await Aw())\n"
              "asyncio.run(main())\n") == "7\n");
}

TEST_CASE("a failed future dropped unread reports 'Future exception was never retrieved'") {
    CHECK(run("import asyncio\n"
              "async def main():\n"
              "    f = asyncio.get_running_loop().create_future()\n"
              "    f.set_exception(KeyError('never read'))\n"
              "    del f\n"
              "    print('end')\n"
              "asyncio.run(main())\n") ==
          "end\n|Future exception was never retrieved\nfuture: <Future finished exception=KeyError('never read')>\n"
          "KeyError: 'never read'\n");
}
