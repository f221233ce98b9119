// The Light and Dark looks. Both share one set of sizes; only colours differ. Colours are chosen
// for contrast first (body text over 7:1 on its panel), then for a calm, even look.
#include "theme.h"

namespace ll::web {
namespace {

constexpr ImVec4 rgb(int hex, float alpha = 1.0f)
{
    return ImVec4(float((hex >> 16) & 0xff) / 255.0f, float((hex >> 8) & 0xff) / 255.0f,
                  float(hex & 0xff) / 255.0f, alpha);
}

const Palette dark_palette{
    .background = rgb(0x0f1115),
    .panel = rgb(0x181b21),
    .panel_header = rgb(0x1e222a),
    .text = rgb(0xe4e7ec),
    .text_muted = rgb(0x8d96a5),
    .accent = rgb(0x6cb6ff),
    .border = rgb(0x2b303a),
    .splitter_hover = rgb(0x6cb6ff, 0.55f),
    .gutter_text = rgb(0x5b6472),
    .task_pending = rgb(0xd9a441),
    .task_ready = rgb(0x6cb6ff),
    .task_running = rgb(0x57c785),
    .task_done = rgb(0x7d8590),
    .error = rgb(0xff6b6b),
    .notice_info = rgb(0x6cb6ff),
    .hint = rgb(0xc792ea),
    .syntax = {
        .text = rgb(0xdde1e8),
        .keyword = rgb(0xd49bff),
        .constant = rgb(0xf2a66c),
        .builtin = rgb(0x5ccfe6),
        .string = rgb(0xa5d67f),
        .number = rgb(0xf2a66c),
        .comment = rgb(0x737d8c),
        .decorator = rgb(0xe8c46a),
        .definition = rgb(0x7cc0ff),
        .punctuation = rgb(0xa3acb9),
        .fstring_brace = rgb(0xe8c46a),
    },
};

const Palette light_palette{
    .background = rgb(0xe3e7ed),
    .panel = rgb(0xffffff),
    .panel_header = rgb(0xf5f7fa),
    .text = rgb(0x1c222b),
    .text_muted = rgb(0x5d6877),
    .accent = rgb(0x1a66d6),
    .border = rgb(0xd5dbe3),
    .splitter_hover = rgb(0x1a66d6, 0.45f),
    .gutter_text = rgb(0xa0a8b4),
    .task_pending = rgb(0xb7791f),
    .task_ready = rgb(0x1a66d6),
    .task_running = rgb(0x1f8f4e),
    .task_done = rgb(0x6b7480),
    .error = rgb(0xd1242f),
    .notice_info = rgb(0x1a66d6),
    .hint = rgb(0x8250df),
    .syntax = {
        .text = rgb(0x1f2630),
        .keyword = rgb(0x8a3ec8),
        .constant = rgb(0xb5540a),
        .builtin = rgb(0x0b7d91),
        .string = rgb(0x2f7d16),
        .number = rgb(0xb5540a),
        .comment = rgb(0x7b8594),
        .decorator = rgb(0x8f6200),
        .definition = rgb(0x1a5fd0),
        .punctuation = rgb(0x56606e),
        .fstring_brace = rgb(0x8f6200),
    },
};

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t)
{
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t,
                  a.w + (b.w - a.w) * t);
}

ImVec4 with_alpha(ImVec4 c, float alpha)
{
    c.w = alpha;
    return c;
}

void set_colors(ImGuiStyle& style, const Palette& p, bool dark)
{
    ImVec4* c = style.Colors;
    // Controls are tinted from the panel toward the text colour, so both themes stay coherent.
    const ImVec4 control = mix(p.panel, p.text, dark ? 0.10f : 0.07f);
    const ImVec4 control_hover = mix(p.panel, p.text, dark ? 0.17f : 0.12f);
    const ImVec4 control_active = mix(p.panel, p.text, dark ? 0.24f : 0.18f);
    const ImVec4 field = dark ? mix(p.panel, p.background, 0.55f) : mix(p.panel, p.background, 0.25f);

    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = mix(p.text_muted, p.panel, 0.25f);
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = p.panel;
    c[ImGuiCol_PopupBg] = dark ? mix(p.panel, p.text, 0.12f) : mix(p.panel, p.background, 0.1f);
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = field;
    c[ImGuiCol_FrameBgHovered] = mix(field, p.text, 0.05f);
    c[ImGuiCol_FrameBgActive] = mix(field, p.text, 0.08f);
    c[ImGuiCol_TitleBg] = p.panel_header;
    c[ImGuiCol_TitleBgActive] = p.panel_header;
    c[ImGuiCol_TitleBgCollapsed] = p.panel_header;
    c[ImGuiCol_MenuBarBg] = p.panel_header;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = with_alpha(p.text_muted, 0.35f);
    c[ImGuiCol_ScrollbarGrabHovered] = with_alpha(p.text_muted, 0.55f);
    c[ImGuiCol_ScrollbarGrabActive] = with_alpha(p.text_muted, 0.75f);
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = mix(p.accent, p.text, 0.2f);
    c[ImGuiCol_Button] = control;
    c[ImGuiCol_ButtonHovered] = control_hover;
    c[ImGuiCol_ButtonActive] = control_active;
    c[ImGuiCol_Header] = with_alpha(p.accent, 0.18f);
    c[ImGuiCol_HeaderHovered] = with_alpha(p.accent, 0.26f);
    c[ImGuiCol_HeaderActive] = with_alpha(p.accent, 0.34f);
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_SeparatorHovered] = p.splitter_hover;
    c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ResizeGripHovered] = p.splitter_hover;
    c[ImGuiCol_ResizeGripActive] = p.accent;
    c[ImGuiCol_Tab] = control;
    c[ImGuiCol_TabHovered] = control_hover;
    c[ImGuiCol_TabActive] = control_active;
    c[ImGuiCol_TabUnfocused] = control;
    c[ImGuiCol_TabUnfocusedActive] = control_active;
    c[ImGuiCol_PlotLines] = p.accent;
    c[ImGuiCol_PlotLinesHovered] = p.text;
    c[ImGuiCol_PlotHistogram] = p.accent;
    c[ImGuiCol_PlotHistogramHovered] = p.text;
    c[ImGuiCol_TableHeaderBg] = p.panel_header;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = with_alpha(p.border, 0.6f);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = with_alpha(p.text, 0.03f);
    c[ImGuiCol_TextSelectedBg] = with_alpha(p.accent, dark ? 0.35f : 0.25f);
    c[ImGuiCol_DragDropTarget] = p.accent;
    c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_NavWindowingHighlight] = p.accent;
    c[ImGuiCol_NavWindowingDimBg] = with_alpha(p.background, 0.6f);
    c[ImGuiCol_ModalWindowDimBg] = with_alpha(p.background, 0.6f);
}

} // namespace

const Palette& palette_for(Theme theme)
{
    return theme == Theme::dark ? dark_palette : light_palette;
}

const char* theme_name(Theme theme)
{
    return theme == Theme::dark ? "dark" : "light";
}

void apply_theme(Theme theme, float font_size)
{
    ImGuiStyle style;
    style.WindowPadding = ImVec2(10, 7); // tooltips and popups; the full-window host pushes 0
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildRounding = 6;
    style.ChildBorderSize = 0;
    style.PopupRounding = 6;
    style.PopupBorderSize = 1;
    style.FramePadding = ImVec2(10, 5);
    style.FrameRounding = 5;
    style.FrameBorderSize = 0;
    style.ItemSpacing = ImVec2(8, 6);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.IndentSpacing = 16;
    style.ScrollbarSize = 10;
    style.ScrollbarRounding = 5;
    style.GrabMinSize = 10;
    style.GrabRounding = 4;
    style.TabRounding = 5;
    style.SeparatorTextBorderSize = 1;
    style.DisabledAlpha = 0.45f;
    style.WindowMenuButtonPosition = ImGuiDir_None;
    // The sizes above are tuned for 15 px text; larger text gets proportionally roomier controls.
    style.ScaleAllSizes(font_size / 15.0f);
    set_colors(style, palette_for(theme), theme == Theme::dark);
    ImGui::GetStyle() = style;
}

} // namespace ll::web
