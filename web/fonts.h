// Loads the Debian fonts (packed into looplab.data under /fonts/) into ImGui's atlas, rasterized
// at device pixels so text stays crisp on high-DPI screens.
#pragma once

#include "ui_context.h"

namespace ll::web {

// Clears ImGui's font atlas and adds every face at font_size CSS px times dpr device pixels,
// setting io.FontGlobalScale so one ImGui unit stays one CSS pixel. Returns false (and leaves
// `out` untouched) if a font file is missing. The GL texture must be recreated afterwards.
bool load_fonts(float font_size, float dpr, Fonts& out);

} // namespace ll::web
