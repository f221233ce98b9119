// str.format numbering errors. Expected texts printed by CPython 3.13.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("str.format: switching between automatic and manual numbering") {
    check_program(R"PY(
for t in ['{0}{}', '{}{0}']:
    try:
        t.format(1, 2)
    except ValueError as e:
        print('ValueError:', e)
)PY",
                  "ValueError: cannot switch from manual field specification to automatic field numbering\n"
                  "ValueError: cannot switch from automatic field numbering to manual field specification\n");
}
