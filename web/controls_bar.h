// The bar under the columns: stepping and running controls.
#pragma once

#include "ui_context.h"

namespace ll::web {

class ControlsBar {
public:
    void draw(const UiContext& ctx, ImVec2 size);
};

} // namespace ll::web
