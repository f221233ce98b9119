// Sharing a program as a link, and opening one. The link carries the code, its parameters and
// the tick it was at; making it is asynchronous (the browser compresses), so the flow polls for
// the outcome and then shows the link in a small dialog.
#pragma once

#include "notices.h"
#include "saved_state.h"

#include <optional>
#include <string>

namespace ll::web {

class ShareFlow {
public:
    // A link's fragment may hold this many characters; longer programs are refused with a
    // message (some browsers and chat tools cut longer links).
    static constexpr int max_fragment = 64 * 1024;

    void start(const SharedProgram& program);
    // Collects finished work. Returns a program from a link the page was opened with, if any.
    std::optional<SharedProgram> poll(Notices& notices);
    // The dialog showing the link, when one was just made.
    void draw(const UiContext& ctx);
    bool busy() const { return busy_; }

    void append_test_json(std::string& out) const;

private:
    bool busy_ = false;
    bool open_popup_ = false;
    bool dialog_open_ = false;
    std::string url_;
    bool copied_ = false;
    std::size_t fragment_length_ = 0;
    std::string last_error_;      // "", "too-large", or the browser's reason
    std::string incoming_;        // "", "loaded", or why a link was refused
    long long incoming_tick_ = 0;
    std::string incoming_params_;
};

} // namespace ll::web
