// Text and JSON-lines renderings of the trace (see trace_format.hpp).
#include "engine/session/trace_format.hpp"

#include <fmt/format.h>

#include "engine/base/float_format.hpp"

namespace ll::session {

namespace {

void append_json_string(std::string& out, const std::string& s) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) out += fmt::format("\\u{:04x}", c);
                else out += static_cast<char>(c);
        }
    }
    out += '"';
}

}  // namespace

std::string narration_text(const std::vector<TraceEvent>& trace) {
    std::string out;
    for (const auto& e : trace) {
        if (e.kind != TraceEvent::Kind::TickEnd && e.kind != TraceEvent::Kind::Thread) continue;
        out += fmt::format("tick {} t={}  {}\n", e.tick, base::float_repr(e.time), e.detail);
    }
    return out;
}

std::string trace_json_lines(const std::vector<TraceEvent>& trace) {
    std::string out;
    for (const auto& e : trace) {
        out += fmt::format("{{\"tick\":{},\"time\":{},\"kind\":\"{}\",\"task\":{}", e.tick, base::float_repr(e.time),
                           to_string(e.kind), e.task);
        if (e.kind == TraceEvent::Kind::TaskState) out += fmt::format(",\"state\":\"{}\"", to_string(e.state));
        if (e.kind == TraceEvent::Kind::Thread) out += fmt::format(",\"thread\":{}", e.thread);
        out += ",\"detail\":";
        append_json_string(out, e.detail);
        out += "}\n";
    }
    return out;
}

}  // namespace ll::session
