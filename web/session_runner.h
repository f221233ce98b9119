// The one place the UI talks to the engine: a Session, (re)loaded from the editor's text when the
// code changed, asked to act by the controls, and read (snapshot, trace) by the panels. It keeps
// no copy of what the engine knows; only which editor version the loaded program came from.
#pragma once

#include "engine/session/params.hpp"
#include "engine/session/session.hpp"

#include <cstdint>
#include <string>

namespace ll::web {

enum class StepKind { line, tick, iteration, to_end };

class SessionRunner {
public:
    // The file name the program runs under (what tracebacks show).
    static constexpr const char* filename = "playground.py";

    // Loads `code` (editor version `version`) unless that exact version is already loaded.
    // True if a load happened.
    bool ensure_loaded(const std::string& code, std::uint64_t version);
    // Loads `code` whatever is loaded now.
    void load(const std::string& code, std::uint64_t version);
    void step(StepKind kind);
    void reset();
    // Back to the previous tick: the session replays the same program from its start.
    void step_back();
    // Reloads `code` and steps ticks until the previous tick count is reached again (or the end):
    // a parameter change keeps the learner where they were.
    void reload_to_same_tick(const std::string& code, std::uint64_t version);

    bool loaded() const { return loaded_; }
    // The loaded program came from this editor version (marks on the code are only drawn then).
    bool matches(std::uint64_t version) const { return loaded_ && loaded_version_ == version; }
    bool finished() const { return loaded_ && session_.finished(); }

    ll::session::Session& session() { return session_; }
    const ll::session::Session& session() const { return session_; }
    const ll::session::Snapshot& snapshot() { return session_.snapshot(); }

    // Grows with every load, reset and step: views that derive data from the trace (the
    // timeline's rows) recompute when it moved.
    std::uint64_t generation() const { return generation_; }

    // JSON object for window.looplab.state().session.
    void append_test_json(std::string& out);

private:
    ll::session::Session session_;
    bool loaded_ = false;
    std::uint64_t loaded_version_ = 0;
    std::uint64_t generation_ = 0;
};

} // namespace ll::web
