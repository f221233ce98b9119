// The Light and Dark looks: our palette plus a matching Dear ImGui style, scaled to the font size.
#pragma once

#include "ui_context.h"

namespace ll::web {

const Palette& palette_for(Theme theme);

// Rebuilds ImGui's style from scratch for this theme, its sizes scaled to font_size (CSS px).
void apply_theme(Theme theme, float font_size);

const char* theme_name(Theme theme);

} // namespace ll::web
