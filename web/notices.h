// Messages to the learner that are not part of any panel: a saved store that could not be read,
// a link that was refused, an import that worked. Shown as cards in the top-right corner;
// problems stay until dismissed, good news fades by itself.
#pragma once

#include "ui_context.h"

#include <string>
#include <vector>

namespace ll::web {

enum class NoticeKind { info, problem };

class Notices {
public:
    // Posts a notice; problems are also written to the browser console.
    void post(NoticeKind kind, std::string title, std::string text);
    // Draws the cards below `top` (screen y), right-aligned in the viewport.
    void draw(const UiContext& ctx, float top);
    void append_test_json(std::string& out) const;

private:
    struct Notice {
        int id = 0;
        NoticeKind kind = NoticeKind::info;
        std::string title;
        std::string text;
        double posted = -1; // ImGui time when first drawn
    };
    std::vector<Notice> notices_;
    int next_id_ = 1;
};

} // namespace ll::web
