// The bar across the top: the app's name, the lesson navigation area and the view settings.
#pragma once

#include "ui_context.h"

namespace ll::web {

// What the person asked for in the top bar this frame; the app applies it between frames.
struct TopBarActions {
    bool toggle_theme = false;
    int font_step = 0; // -1 smaller, +1 larger
};

class TopBar {
public:
    TopBarActions draw(const UiContext& ctx, ImVec2 size);
};

} // namespace ll::web
