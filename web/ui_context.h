// What every panel receives to draw one frame: fonts, colours and app-wide view settings.
// Later a read-only snapshot of the engine session joins it; panels never own engine state.
#pragma once

#include <imgui.h>

namespace ll::web {

enum class Theme { dark, light };

// Colours of the code editor's token kinds (see python_highlight.h).
struct SyntaxColors {
    ImVec4 text;
    ImVec4 keyword;
    ImVec4 constant;
    ImVec4 builtin;
    ImVec4 string;
    ImVec4 number;
    ImVec4 comment;
    ImVec4 decorator;
    ImVec4 definition;
    ImVec4 punctuation;
    ImVec4 fstring_brace;
};

// The colours our own drawing uses, beyond ImGui's style (one palette per theme, in theme.cpp).
struct Palette {
    ImVec4 background;   // behind the panels, visible in the gaps and splitters
    ImVec4 panel;        // panel body
    ImVec4 panel_header; // the strip holding a panel's title
    ImVec4 text;
    ImVec4 text_muted;   // captions, hints, empty states
    ImVec4 accent;       // the brand colour: title, focus, the clock
    ImVec4 border;
    ImVec4 splitter_hover;
    ImVec4 gutter_text;  // line numbers in the code panel
    ImVec4 task_pending;
    ImVec4 task_ready;
    ImVec4 task_running;
    ImVec4 task_done;
    ImVec4 error;        // error underlines and problem notices
    ImVec4 notice_info;  // the stripe of an informational notice
    ImVec4 hint;         // teaching hints on a code line (a mistake asyncio warns about)
    SyntaxColors syntax;
};

struct Fonts {
    ImFont* ui = nullptr;      // Inter Regular: prose and controls
    ImFont* ui_bold = nullptr; // Inter SemiBold: emphasis
    ImFont* caption = nullptr; // Inter SemiBold, smaller: panel titles in capitals
    ImFont* title = nullptr;   // Inter SemiBold, larger: the app title and lesson headings
    ImFont* mono = nullptr;    // JetBrains Mono: code, console, values
};

struct UiContext {
    Theme theme = Theme::dark;
    const Palette* palette = nullptr;
    Fonts fonts;
    float font_size = 15.0f; // in CSS pixels, what the font-size control changes
    float dpr = 1.0f;        // device pixels per CSS pixel

    ImU32 color(const ImVec4& c) const { return ImGui::ColorConvertFloat4ToU32(c); }
};

} // namespace ll::web
