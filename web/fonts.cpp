// Fonts: Inter for the interface, JetBrains Mono for code. Both come from Debian packages and are
// preloaded by Emscripten into /fonts/. We rasterize at the screen's real pixel density and scale
// back, instead of letting the browser stretch a low-resolution canvas (which blurs text).
#include "fonts.h"

#include <cstdio>

namespace ll::web {
namespace {

// Latin, general punctuation (dashes, ellipsis, bullet), arrows, math minus, geometric shapes
// (▶ ◀ ◆ ■ □ ●), ☀ and the check/cross marks: everything the UI and narration print.
const ImWchar ui_ranges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x2190, 0x21FF,
    0x2212, 0x2212, 0x25A0, 0x25FF, 0x2600, 0x2600, 0x2713, 0x2717,
    0,
};

ImFont* add_font(const char* path, float pixels, float display_scale)
{
    ImGuiIO& io = ImGui::GetIO();
    if (std::FILE* f = std::fopen(path, "rb")) {
        std::fclose(f);
    } else {
        std::fprintf(stderr, "looplab: font %s is missing from the site's data file\n", path);
        return nullptr;
    }
    ImFontConfig config;
    // Horizontal oversampling sharpens sub-pixel glyph positions; at 2x density it adds nothing
    // but start-up time.
    config.OversampleH = display_scale >= 2.0f ? 1 : 2;
    config.OversampleV = 1;
    config.PixelSnapH = false;
    // Thin strokes at 1x look washed out after the 1/dpr scale; thicken them slightly there.
    config.RasterizerMultiply = display_scale >= 2.0f ? 1.0f : 1.1f;
    return io.Fonts->AddFontFromFileTTF(path, pixels, &config, ui_ranges);
}

} // namespace

bool load_fonts(float font_size, float dpr, Fonts& out)
{
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float px = font_size * dpr;
    Fonts fonts;
    fonts.ui = add_font("/fonts/Inter-Regular.otf", px, dpr);
    fonts.ui_bold = add_font("/fonts/Inter-SemiBold.otf", px, dpr);
    fonts.caption = add_font("/fonts/Inter-SemiBold.otf", px * 0.80f, dpr);
    fonts.title = add_font("/fonts/Inter-SemiBold.otf", px * 1.20f, dpr);
    fonts.mono = add_font("/fonts/JetBrainsMono-Regular.ttf", px * 0.95f, dpr);
    if (!fonts.ui || !fonts.ui_bold || !fonts.caption || !fonts.title || !fonts.mono) {
        return false;
    }
    if (!io.Fonts->Build()) {
        return false;
    }
    io.FontDefault = fonts.ui;
    io.FontGlobalScale = 1.0f / dpr;
    out = fonts;
    return true;
}

} // namespace ll::web
