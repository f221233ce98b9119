// The embedded prelude table: every .py file of engine/aio/prelude, byte for byte, under the
// module names and library filenames the VM and the diff harness expect.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "engine/aio/aio.hpp"
#include "engine/aio/prelude_sources.hpp"

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// engine/aio/prelude in the source tree the test was built from.
std::string prelude_dir() {
    return std::string(LOOPLAB_SOURCE_DIR) + "/engine/aio/prelude/";
}

const ll::aio::PreludeModule* find(std::string_view name) {
    for (const auto& m : ll::aio::prelude_modules())
        if (name == m.name) return &m;
    return nullptr;
}

}  // namespace

TEST_CASE("the asyncio package and contextlib are embedded byte for byte") {
    const auto* pkg = find("asyncio");
    REQUIRE(pkg);
    CHECK(pkg->is_package);
    CHECK(std::string(pkg->filename) == "<asyncio>/__init__.py");
    CHECK(pkg->source == read_file(prelude_dir() + "asyncio/__init__.py"));
    for (const char* sub : {"tasks", "base_events", "events", "futures", "runners", "locks", "queues", "timeouts", "taskgroups"}) {
        std::string name = std::string("asyncio.") + sub;
        const auto* m = find(name);
        REQUIRE_MESSAGE(m, name);
        CHECK_FALSE(m->is_package);
        CHECK(std::string(m->filename) == std::string("<asyncio>/") + sub + ".py");
        CHECK(m->source == read_file(prelude_dir() + "asyncio/" + sub + ".py"));
    }
    const auto* ctx = find("contextlib");
    REQUIRE(ctx);
    CHECK(std::string(ctx->filename) == "<contextlib>");
    CHECK(ctx->source == read_file(prelude_dir() + "contextlib.py"));
}

TEST_CASE("prelude filenames are recognised as internal, the program's are not") {
    CHECK(ll::aio::is_prelude_filename("<asyncio>/tasks.py"));
    CHECK(ll::aio::is_prelude_filename("<contextlib>"));
    CHECK_FALSE(ll::aio::is_prelude_filename("/p.py"));
    CHECK_FALSE(ll::aio::is_prelude_filename("<string>"));
}
