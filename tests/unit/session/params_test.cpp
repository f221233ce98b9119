// Parameter declarations: parsing the `# param:` comment and rewriting literals in place.
#include <doctest/doctest.h>

#include "engine/session/params.hpp"

using namespace ll::session;

TEST_CASE("an int range, a float range with a step, choices, and a free-text parameter") {
    auto decls = parse_params(
        "import asyncio\n"
        "LIMIT = 3  # param: 1..10\n"
        "DELAY = 0.5  # param: 0.1..2.0 step 0.1\n"
        "MODE = 'gather'  # param: 'gather' | 'sequential'\n"
        "NAME = \"a#b\"  # param: any text\n"
        "    INDENTED = 1  # param: 1..2\n"
        "PLAIN = 4  # just a comment\n");
    REQUIRE(decls.size() == 4);
    CHECK(decls[0].name == "LIMIT");
    CHECK(decls[0].value == "3");
    CHECK(decls[0].line == 2);
    CHECK(decls[0].min == 1);
    CHECK(decls[0].max == 10);
    CHECK(decls[0].integer);
    CHECK(decls[1].step == doctest::Approx(0.1));
    CHECK_FALSE(decls[1].integer);
    CHECK(decls[2].choices == std::vector<std::string>{"'gather'", "'sequential'"});
    CHECK(decls[3].value == "\"a#b\"");
    CHECK(decls[3].spec == "any text");
    CHECK_FALSE(decls[3].min.has_value());
}

TEST_CASE("applying values rewrites only the literal, keeping lines and comments") {
    std::string src = "LIMIT = 3  # param: 1..10\nprint(LIMIT)\nOTHER = 1  # param: 0..1";
    std::string out = apply_params(src, {{"LIMIT", "7"}, {"OTHER", "0"}, {"MISSING", "5"}});
    CHECK(out == "LIMIT = 7  # param: 1..10\nprint(LIMIT)\nOTHER = 0  # param: 0..1");
    CHECK(apply_params(src, {}) == src);
}
