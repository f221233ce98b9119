// Smoke tests of the session on programs without asyncio: load, run, output, exit status.
#include <doctest/doctest.h>

#include "engine/session/session.hpp"

using ll::session::OutputLine;
using ll::session::Session;

TEST_CASE("a plain program runs to the end on load") {
    Session s;
    CHECK(s.load("print('hi')\nprint(1 + 2)\n", "/p.py"));
    CHECK(s.finished());
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "hi\n3\n");
    CHECK(s.snapshot().exit_status == 0);
}

TEST_CASE("an uncaught exception gives exit status 1 and a traceback") {
    Session s;
    s.load("x = 1\nraise ValueError('boom')\n", "/p.py");
    CHECK(s.finished());
    CHECK(s.snapshot().exit_status == 1);
    CHECK(s.output_text(OutputLine::Stream::Stderr).find("ValueError: boom") != std::string::npos);
}
