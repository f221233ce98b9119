// The bar across the top: the app's name, the lesson navigation area and the view settings.
#pragma once

#include "ui_context.h"

namespace ll::web {

// What the person asked for in the top bar this frame; the app applies it between frames.
struct TopBarActions {
    bool toggle_theme = false;
    int font_step = 0; // -1 smaller, +1 larger
    bool share = false;
    bool export_progress = false;
    bool import_progress = false;
    int load_starter = -1; // index into starter_table: put that program in the editor
};

class TopBar {
public:
    // `sharing`: a link is being made (the Share button waits for it).
    TopBarActions draw(const UiContext& ctx, ImVec2 size, bool sharing);
};

} // namespace ll::web
