// The code editor widget: input handling (mouse, keyboard, clipboard) and drawing. Only the
// visible lines are drawn, and each line's highlighting is cached in the document, so a long
// file costs about the same per frame as a short one.
#include "code_editor.h"

#include "test_api.h"

#include <fmt/format.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace ll::web {
namespace {

constexpr int indent_width = 4;

bool is_word_char(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '_' || u >= 0x80;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

int leading_spaces(std::string_view s)
{
    int n = 0;
    while (n < static_cast<int>(s.size()) && s[static_cast<std::size_t>(n)] == ' ') ++n;
    return n;
}

// The first word of a statement, e.g. "return" in "    return x".
std::string_view first_word(std::string_view s)
{
    std::size_t b = 0;
    while (b < s.size() && is_blank(s[b])) ++b;
    std::size_t e = b;
    while (e < s.size() && is_word_char(s[e])) ++e;
    return s.substr(b, e - b);
}

const ImVec4& color_of(const SyntaxColors& c, TokenKind kind)
{
    switch (kind) {
    case TokenKind::text: return c.text;
    case TokenKind::keyword: return c.keyword;
    case TokenKind::constant: return c.constant;
    case TokenKind::builtin: return c.builtin;
    case TokenKind::string: return c.string;
    case TokenKind::number: return c.number;
    case TokenKind::comment: return c.comment;
    case TokenKind::decorator: return c.decorator;
    case TokenKind::definition: return c.definition;
    case TokenKind::punctuation: return c.punctuation;
    case TokenKind::fstring_brace: return c.fstring_brace;
    }
    return c.text;
}

ImVec4 with_alpha(ImVec4 c, float a)
{
    c.w = a;
    return c;
}

void append_pos(std::string& out, const TextDocument& doc, TextPos p)
{
    // Lines 1-based as people count them; columns in characters, 0-based.
    out += fmt::format("{{\"line\":{},\"col\":{}}}", p.line + 1,
                       utf8_char_count(std::string_view(doc.line(p.line)).substr(0, static_cast<std::size_t>(p.col))));
}

} // namespace

CodeEditor::CodeEditor(std::string_view text) : doc_(text) {}

void CodeEditor::set_text(std::string_view text)
{
    doc_.set_text(text);
    sel_ = Selection{};
    goal_chars_ = -1;
    want_scroll_to_caret_ = true;
}

void CodeEditor::replace_all(std::string_view text)
{
    if (text == doc_.text()) return;
    doc_.close_merging();
    sel_.anchor = TextPos{0, 0};
    sel_.caret = doc_.end_pos();
    const bool was_read_only = read_only_;
    read_only_ = false;
    replace_selection(text, TextDocument::EditKind::other);
    read_only_ = was_read_only;
    sel_ = Selection{};
    goal_chars_ = -1;
}

int CodeEditor::chars_before(int line, int col) const
{
    return utf8_char_count(std::string_view(doc_.line(line)).substr(0, static_cast<std::size_t>(col)));
}

void CodeEditor::move_to(TextPos p, bool extend)
{
    sel_.caret = doc_.clamp(p);
    if (!extend) sel_.anchor = sel_.caret;
    doc_.close_merging();
    want_scroll_to_caret_ = true;
    last_activity_ = ImGui::GetTime();
}

void CodeEditor::replace_selection(std::string_view s, TextDocument::EditKind kind)
{
    if (read_only_) return;
    doc_.begin_group(kind, sel_, ImGui::GetTime());
    const TextPos at = sel_.begin();
    doc_.erase(sel_.begin(), sel_.end());
    sel_.caret = sel_.anchor = doc_.insert(at, s);
    doc_.end_group(sel_);
    goal_chars_ = -1;
    want_scroll_to_caret_ = true;
    last_activity_ = ImGui::GetTime();
}

TextPos CodeEditor::word_left(TextPos p) const
{
    if (p.col == 0) return doc_.prev_char(p);
    const std::string& s = doc_.line(p.line);
    int c = p.col;
    while (c > 0 && is_blank(s[static_cast<std::size_t>(c - 1)])) --c;
    if (c > 0 && is_word_char(s[static_cast<std::size_t>(c - 1)])) {
        while (c > 0 && is_word_char(s[static_cast<std::size_t>(c - 1)])) --c;
    } else {
        while (c > 0 && !is_word_char(s[static_cast<std::size_t>(c - 1)]) && !is_blank(s[static_cast<std::size_t>(c - 1)])) --c;
    }
    return doc_.clamp(TextPos{p.line, c});
}

TextPos CodeEditor::word_right(TextPos p) const
{
    const std::string& s = doc_.line(p.line);
    const int n = static_cast<int>(s.size());
    if (p.col >= n) return doc_.next_char(p);
    int c = p.col;
    if (is_word_char(s[static_cast<std::size_t>(c)])) {
        while (c < n && is_word_char(s[static_cast<std::size_t>(c)])) ++c;
    } else if (!is_blank(s[static_cast<std::size_t>(c)])) {
        while (c < n && !is_word_char(s[static_cast<std::size_t>(c)]) && !is_blank(s[static_cast<std::size_t>(c)])) ++c;
    }
    while (c < n && is_blank(s[static_cast<std::size_t>(c)])) ++c;
    return doc_.clamp(TextPos{p.line, c});
}

void CodeEditor::select_word_at(TextPos p)
{
    const std::string& s = doc_.line(p.line);
    const int n = static_cast<int>(s.size());
    int b = p.col;
    int e = p.col;
    auto same_class = [&](char c, char ref) {
        return is_word_char(ref) ? is_word_char(c) : (is_blank(ref) ? is_blank(c) : (!is_word_char(c) && !is_blank(c)));
    };
    const char ref = p.col < n ? s[static_cast<std::size_t>(p.col)] : (p.col > 0 ? s[static_cast<std::size_t>(p.col - 1)] : ' ');
    while (b > 0 && same_class(s[static_cast<std::size_t>(b - 1)], ref)) --b;
    while (e < n && same_class(s[static_cast<std::size_t>(e)], ref)) ++e;
    sel_.anchor = doc_.clamp(TextPos{p.line, b});
    sel_.caret = doc_.clamp(TextPos{p.line, e});
    doc_.close_merging();
}

TextPos CodeEditor::pos_at(const Metrics& m, ImVec2 mouse) const
{
    const int line = std::clamp(static_cast<int>(std::floor((mouse.y - m.origin_y) / m.line_h)), 0, doc_.line_count() - 1);
    const int chars = std::max(0, static_cast<int>(std::lround((mouse.x - m.text_x0) / m.char_w)));
    return TextPos{line, byte_col_for_chars(doc_.line(line), chars)};
}

// --- editing ---------------------------------------------------------------------------------

void CodeEditor::type_text(std::string_view s)
{
    // Typing merges into one undo step per word: a space after a word closes the step.
    if (s == " " && sel_.empty() && sel_.caret.col > 0 &&
        !is_blank(doc_.line(sel_.caret.line)[static_cast<std::size_t>(sel_.caret.col - 1)])) {
        doc_.close_merging();
    }
    replace_selection(s, sel_.empty() ? TextDocument::EditKind::typing : TextDocument::EditKind::other);
}

void CodeEditor::newline_with_indent()
{
    const int line = sel_.begin().line;
    const std::string& s = doc_.line(line);
    const int col = sel_.begin().col;
    int indent = std::min(leading_spaces(s), col);
    // After a line ending in ':' (ignoring a comment) the block goes one level deeper.
    doc_.highlight_through(line);
    const auto& spans = doc_.line_data(line).spans;
    for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
        if (static_cast<int>(it->begin) >= col || it->kind == TokenKind::comment) continue;
        const int end = std::min(static_cast<int>(it->end), col);
        if (it->kind == TokenKind::punctuation && s[static_cast<std::size_t>(end - 1)] == ':') {
            indent += indent_width;
        } else {
            // A statement that ends its block sends the next line back one level.
            const std::string_view word = first_word(s);
            if ((word == "return" || word == "pass" || word == "break" || word == "continue" || word == "raise") &&
                col >= static_cast<int>(s.size())) {
                indent = std::max(0, indent - indent_width);
            }
        }
        break;
    }
    replace_selection("\n" + std::string(static_cast<std::size_t>(indent), ' '), TextDocument::EditKind::other);
}

void CodeEditor::indent_lines(bool dedent)
{
    if (read_only_) return;
    const TextPos b = sel_.begin();
    const TextPos e = sel_.end();
    int last = e.line;
    if (e.line > b.line && e.col == 0) --last; // a selection ending at a line start leaves that line alone
    if (!dedent && b.line == e.line) {
        const int chars = chars_before(sel_.begin().line, sel_.begin().col);
        replace_selection(std::string(static_cast<std::size_t>(indent_width - chars % indent_width), ' '),
                          TextDocument::EditKind::other);
        return;
    }
    doc_.begin_group(TextDocument::EditKind::other, sel_, ImGui::GetTime());
    for (int line = b.line; line <= last; ++line) {
        int delta = 0;
        if (dedent) {
            const int n = std::min(indent_width, leading_spaces(doc_.line(line)));
            doc_.erase(TextPos{line, 0}, TextPos{line, n});
            delta = -n;
        } else if (!doc_.line(line).empty()) {
            doc_.insert(TextPos{line, 0}, std::string(indent_width, ' '));
            delta = indent_width;
        }
        for (TextPos* p : {&sel_.caret, &sel_.anchor}) {
            if (p->line == line && !(delta > 0 && p->col == 0 && p->line != b.line)) {
                p->col = std::max(0, p->col + delta);
            }
        }
    }
    doc_.end_group(sel_);
    want_scroll_to_caret_ = true;
}

void CodeEditor::toggle_comment()
{
    if (read_only_) return;
    const TextPos b = sel_.begin();
    const TextPos e = sel_.end();
    const int last = (e.line > b.line && e.col == 0) ? e.line - 1 : e.line;
    bool all_commented = true;
    int min_indent = 1 << 30;
    for (int line = b.line; line <= last; ++line) {
        const std::string& s = doc_.line(line);
        const int lead = leading_spaces(s);
        if (lead == static_cast<int>(s.size())) continue; // blank lines do not count
        min_indent = std::min(min_indent, lead);
        if (s[static_cast<std::size_t>(lead)] != '#') all_commented = false;
    }
    if (min_indent == (1 << 30)) return;
    doc_.begin_group(TextDocument::EditKind::other, sel_, ImGui::GetTime());
    for (int line = b.line; line <= last; ++line) {
        const std::string& s = doc_.line(line);
        const int lead = leading_spaces(s);
        if (lead == static_cast<int>(s.size())) continue;
        int delta = 0;
        if (all_commented) {
            const int n = (lead + 1 < static_cast<int>(s.size()) && s[static_cast<std::size_t>(lead + 1)] == ' ') ? 2 : 1;
            doc_.erase(TextPos{line, lead}, TextPos{line, lead + n});
            delta = -n;
        } else {
            doc_.insert(TextPos{line, min_indent}, "# ");
            delta = 2;
        }
        for (TextPos* p : {&sel_.caret, &sel_.anchor}) {
            if (p->line == line && p->col >= min_indent) p->col = std::max(min_indent, p->col + delta);
        }
    }
    doc_.end_group(sel_);
}

void CodeEditor::backspace(bool word)
{
    if (!sel_.empty()) {
        replace_selection("", TextDocument::EditKind::other);
        return;
    }
    const TextPos c = sel_.caret;
    TextPos from = word ? word_left(c) : doc_.prev_char(c);
    const std::string& s = doc_.line(c.line);
    if (!word && c.col > 0 && leading_spaces(s) >= c.col) {
        // In the indentation, one press removes one level (soft tabs).
        from.col = c.col - ((c.col - 1) % indent_width + 1);
    }
    if (from == c) return;
    sel_.anchor = from;
    replace_selection("", TextDocument::EditKind::deleting);
}

void CodeEditor::delete_forward(bool word)
{
    if (!sel_.empty()) {
        replace_selection("", TextDocument::EditKind::other);
        return;
    }
    const TextPos to = word ? word_right(sel_.caret) : doc_.next_char(sel_.caret);
    if (to == sel_.caret) return;
    sel_.anchor = to;
    replace_selection("", TextDocument::EditKind::deleting);
}

void CodeEditor::copy(bool cut)
{
    if (sel_.empty()) {
        // Nothing selected: copy (or cut) the whole line, as most code editors do.
        const int line = sel_.caret.line;
        ImGui::SetClipboardText((doc_.line(line) + "\n").c_str());
        if (cut && !read_only_) {
            sel_.anchor = TextPos{line, 0};
            sel_.caret = line + 1 < doc_.line_count() ? TextPos{line + 1, 0} : TextPos{line, static_cast<int>(doc_.line(line).size())};
            replace_selection("", TextDocument::EditKind::other);
        }
        return;
    }
    ImGui::SetClipboardText(doc_.range_text(sel_.begin(), sel_.end()).c_str());
    if (cut) replace_selection("", TextDocument::EditKind::other);
}

void CodeEditor::paste()
{
    const char* text = ImGui::GetClipboardText();
    if (text == nullptr || *text == '\0') return;
    doc_.close_merging();
    replace_selection(text, TextDocument::EditKind::other);
}

// --- input -----------------------------------------------------------------------------------

void CodeEditor::handle_mouse(const Metrics& m, bool hovered)
{
    ImGuiIO& io = ImGui::GetIO();
    const int clicks = io.MouseClickedCount[0];
    if (hovered && io.MouseClicked[0]) {
        focused_ = true;
        const TextPos p = pos_at(m, io.MousePos);
        if (clicks == 2) {
            select_word_at(p);
            dragging_ = false;
        } else if (clicks >= 3) {
            sel_.anchor = TextPos{p.line, 0};
            sel_.caret = p.line + 1 < doc_.line_count() ? TextPos{p.line + 1, 0}
                                                         : TextPos{p.line, static_cast<int>(doc_.line(p.line).size())};
            dragging_ = false;
        } else {
            move_to(p, io.KeyShift);
            dragging_ = true;
        }
        goal_chars_ = -1;
        last_activity_ = ImGui::GetTime();
    }
    if (dragging_) {
        if (!io.MouseDown[0]) {
            dragging_ = false;
        } else {
            sel_.caret = pos_at(m, io.MousePos);
            // Dragging past an edge scrolls, faster the further out the pointer is.
            ImGuiWindow* win = ImGui::GetCurrentWindow();
            if (io.MousePos.y < m.view_min.y) ImGui::SetScrollY(win, win->Scroll.y - (m.view_min.y - io.MousePos.y));
            if (io.MousePos.y > m.view_max.y) ImGui::SetScrollY(win, win->Scroll.y + (io.MousePos.y - m.view_max.y));
        }
    }
}

void CodeEditor::handle_keyboard(const Metrics& m)
{
    ImGuiIO& io = ImGui::GetIO();
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    const bool shift = io.KeyShift;
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, true); };

    // Text first: the characters typed this frame, in order. The browser only sends text for
    // keys that make text, so a modifier still held (a Ctrl released this frame, AltGr = Ctrl+Alt)
    // does not mean the character should be dropped.
    if (!io.InputQueueCharacters.empty()) {
        std::string typed;
        for (ImWchar c : io.InputQueueCharacters) {
            if (c < 0x20 || c == 0x7f) continue; // Enter and Tab arrive as keys
            char buf[5] = {};
            ImTextCharToUtf8(buf, c);
            typed += buf;
        }
        io.InputQueueCharacters.resize(0);
        for (std::size_t i = 0; i < typed.size();) {
            std::size_t n = 1;
            while (i + n < typed.size() && (static_cast<unsigned char>(typed[i + n]) & 0xC0) == 0x80) ++n;
            type_text(std::string_view(typed).substr(i, n));
            i += n;
        }
    }

    const TextPos caret = sel_.caret;
    auto vertical = [&](int lines) {
        if (goal_chars_ < 0) goal_chars_ = chars_before(caret.line, caret.col);
        const int target = caret.line + lines;
        TextPos p;
        if (target < 0) {
            p = TextPos{0, 0};
        } else if (target >= doc_.line_count()) {
            p = doc_.end_pos();
        } else {
            p = TextPos{target, byte_col_for_chars(doc_.line(target), goal_chars_)};
        }
        const int goal = goal_chars_;
        move_to(p, shift);
        goal_chars_ = goal;
    };

    if (pressed(ImGuiKey_LeftArrow)) {
        if (!shift && !sel_.empty() && !ctrl) {
            move_to(sel_.begin(), false);
        } else {
            move_to(ctrl ? word_left(caret) : doc_.prev_char(caret), shift);
        }
        goal_chars_ = -1;
    } else if (pressed(ImGuiKey_RightArrow)) {
        if (!shift && !sel_.empty() && !ctrl) {
            move_to(sel_.end(), false);
        } else {
            move_to(ctrl ? word_right(caret) : doc_.next_char(caret), shift);
        }
        goal_chars_ = -1;
    } else if (pressed(ImGuiKey_UpArrow)) {
        if (ctrl) {
            ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - m.line_h));
        } else {
            vertical(-1);
        }
    } else if (pressed(ImGuiKey_DownArrow)) {
        if (ctrl) {
            ImGui::SetScrollY(std::min(ImGui::GetScrollMaxY(), ImGui::GetScrollY() + m.line_h));
        } else {
            vertical(+1);
        }
    } else if (pressed(ImGuiKey_PageUp)) {
        ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - static_cast<float>(m.page_lines) * m.line_h));
        vertical(-m.page_lines);
    } else if (pressed(ImGuiKey_PageDown)) {
        ImGui::SetScrollY(ImGui::GetScrollY() + static_cast<float>(m.page_lines) * m.line_h);
        vertical(+m.page_lines);
    } else if (pressed(ImGuiKey_Home)) {
        if (ctrl) {
            move_to(TextPos{0, 0}, shift);
        } else {
            // First press: to the first non-blank character; again: to column 0.
            const int lead = leading_spaces(doc_.line(caret.line));
            move_to(TextPos{caret.line, caret.col == lead ? 0 : lead}, shift);
        }
        goal_chars_ = -1;
    } else if (pressed(ImGuiKey_End)) {
        move_to(ctrl ? doc_.end_pos() : TextPos{caret.line, static_cast<int>(doc_.line(caret.line).size())}, shift);
        goal_chars_ = -1;
    } else if (pressed(ImGuiKey_Backspace)) {
        backspace(ctrl);
    } else if (pressed(ImGuiKey_Delete)) {
        delete_forward(ctrl);
    } else if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter)) {
        newline_with_indent();
    } else if (pressed(ImGuiKey_Tab)) {
        indent_lines(shift);
    } else if (pressed(ImGuiKey_Escape)) {
        move_to(sel_.caret, false);
    } else if (ctrl && pressed(ImGuiKey_A)) {
        sel_.anchor = TextPos{0, 0};
        sel_.caret = doc_.end_pos();
        doc_.close_merging();
    } else if (ctrl && pressed(ImGuiKey_C)) {
        copy(false);
    } else if (ctrl && pressed(ImGuiKey_X)) {
        copy(true);
    } else if (ctrl && pressed(ImGuiKey_V)) {
        paste();
    } else if (ctrl && ((shift && pressed(ImGuiKey_Z)) || pressed(ImGuiKey_Y))) {
        if (!read_only_ && doc_.can_redo()) {
            sel_ = doc_.redo();
            want_scroll_to_caret_ = true;
        }
    } else if (ctrl && pressed(ImGuiKey_Z)) {
        if (!read_only_ && doc_.can_undo()) {
            sel_ = doc_.undo();
            want_scroll_to_caret_ = true;
        }
    } else if (ctrl && pressed(ImGuiKey_Slash)) {
        toggle_comment();
    }
    sel_.caret = doc_.clamp(sel_.caret);
    sel_.anchor = doc_.clamp(sel_.anchor);
}

void CodeEditor::scroll_to_caret(const Metrics& m)
{
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    const float view_h = m.view_max.y - m.view_min.y;
    const float y = static_cast<float>(sel_.caret.line) * m.line_h;
    if (y < win->Scroll.y) {
        ImGui::SetScrollY(win, y);
    } else if (y + m.line_h > win->Scroll.y + view_h) {
        ImGui::SetScrollY(win, y + m.line_h - view_h);
    }
    const float text_w = m.view_max.x - m.view_min.x - m.gutter_w - m.margin;
    const float x = static_cast<float>(chars_before(sel_.caret.line, sel_.caret.col)) * m.char_w;
    if (x < win->Scroll.x) {
        ImGui::SetScrollX(win, std::max(0.0f, x - m.char_w * 8));
    } else if (x + m.char_w * 2 > win->Scroll.x + text_w) {
        ImGui::SetScrollX(win, x + m.char_w * 8 - text_w);
    }
}

// --- drawing ---------------------------------------------------------------------------------

void CodeEditor::draw_text(const UiContext& ctx, const Metrics& m, int first, int last)
{
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const float text_left = m.view_min.x + m.gutter_w;
    const float right = m.view_max.x;
    const TextPos sb = sel_.begin();
    const TextPos se = sel_.end();

    for (int i = first; i <= last; ++i) {
        const float y = m.origin_y + static_cast<float>(i) * m.line_h;
        if (running_line_ == i + 1) {
            dl->AddRectFilled(ImVec2(text_left, y), ImVec2(right, y + m.line_h), ctx.color(with_alpha(p.task_running, 0.16f)));
            dl->AddRectFilled(ImVec2(text_left, y), ImVec2(text_left + 2.0f, y + m.line_h), ctx.color(p.task_running));
        } else if (focused_ && sel_.empty() && i == sel_.caret.line) {
            dl->AddRectFilled(ImVec2(text_left, y), ImVec2(right, y + m.line_h), ctx.color(with_alpha(p.text, 0.05f)));
        }
        if (!sel_.empty() && i >= sb.line && i <= se.line) {
            const int c0 = i == sb.line ? chars_before(i, sb.col) : 0;
            const int c1 = i == se.line ? chars_before(i, se.col) : utf8_char_count(doc_.line(i)) + 1; // +1: the newline
            const ImU32 sel_col = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
            dl->AddRectFilled(ImVec2(m.text_x0 + static_cast<float>(c0) * m.char_w, y),
                              ImVec2(m.text_x0 + static_cast<float>(c1) * m.char_w, y + m.line_h), sel_col);
        }
    }

    const SyntaxColors& syn = p.syntax;
    for (int i = first; i <= last; ++i) {
        const std::string& s = doc_.line(i);
        const float y = m.origin_y + static_cast<float>(i) * m.line_h + m.text_dy;
        const auto& spans = doc_.line_data(i).spans;
        int chars = 0;
        std::uint32_t at = 0;
        for (const TokenSpan& span : spans) {
            chars += utf8_char_count(std::string_view(s).substr(at, span.begin - at));
            const float x = m.text_x0 + static_cast<float>(chars) * m.char_w;
            const char* b = s.data() + span.begin;
            const char* e = s.data() + span.end;
            if (x < right) {
                dl->AddText(font, font_size, ImVec2(x, y), ctx.color(color_of(syn, span.kind)), b, e);
            }
            chars += utf8_char_count(std::string_view(b, static_cast<std::size_t>(e - b)));
            at = span.end;
        }
    }

    // The caret: solid while typing, then blinking.
    if (focused_) {
        const double since = ImGui::GetTime() - last_activity_;
        if (since < 0.6 || std::fmod(since - 0.6, 1.1) < 0.65) {
            const float x = m.text_x0 + static_cast<float>(chars_before(sel_.caret.line, sel_.caret.col)) * m.char_w;
            const float y = m.origin_y + static_cast<float>(sel_.caret.line) * m.line_h;
            const float w = std::max(1.5f, std::round(ctx.font_size / 9.0f));
            dl->AddRectFilled(ImVec2(x - w * 0.5f, y + 1), ImVec2(x + w * 0.5f, y + m.line_h - 1), ctx.color(p.accent));
        }
    }
}

void CodeEditor::draw_errors(const UiContext& ctx, const Metrics& m, int first, int last, ImVec2 mouse, bool hovered)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = ctx.color(ctx.palette->error);
    for (const ErrorMark& err : errors_) {
        const int i = err.line - 1;
        if (i < first || i > last || i >= doc_.line_count()) continue;
        const int n = utf8_char_count(doc_.line(i));
        const int c0 = std::clamp(err.col_begin, 0, n);
        int c1 = err.col_end > err.col_begin ? std::min(err.col_end, n) : n;
        if (c1 <= c0) c1 = c0 + 1; // an error at the line's end still shows one character's worth
        const float x0 = m.text_x0 + static_cast<float>(c0) * m.char_w;
        const float x1 = m.text_x0 + static_cast<float>(c1) * m.char_w;
        const float y = m.origin_y + static_cast<float>(i) * m.line_h + m.line_h - 3.0f;
        // A wavy underline: the convention for "this is wrong" in every editor.
        const float step = std::max(2.0f, m.char_w * 0.35f);
        const float amp = std::max(1.0f, m.line_h * 0.07f);
        ImVec2 prev(x0, y);
        bool up = true;
        for (float x = x0 + step; x < x1 + step * 0.5f; x += step) {
            const ImVec2 next(std::min(x, x1), up ? y - amp : y + amp);
            dl->AddLine(prev, next, col, 1.2f);
            prev = next;
            up = !up;
        }
        if (hovered && mouse.y >= y - m.line_h + 3.0f && mouse.y < y + 3.0f && mouse.x >= x0 && mouse.x < x1 &&
            mouse.x > m.view_min.x + m.gutter_w) {
            tooltip_shown_ = err.message;
        }
    }
}

// A hint tints its line's left edge and writes its label after the code ("◆ blocking call");
// hovering the line shows the explanation.
void CodeEditor::draw_hints(const UiContext& ctx, const Metrics& m, int first, int last, ImVec2 mouse, bool hovered)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec4& col = ctx.palette->hint;
    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const float text_left = m.view_min.x + m.gutter_w;
    int drawn_line = -1;
    float label_x = 0;
    for (const HintMark& hint : hints_) {
        const int i = hint.line - 1;
        if (i < first || i > last || i >= doc_.line_count()) continue;
        const float y = m.origin_y + static_cast<float>(i) * m.line_h;
        if (drawn_line != i) {
            dl->AddRectFilled(ImVec2(text_left, y), ImVec2(m.view_max.x, y + m.line_h), ctx.color(with_alpha(col, 0.10f)));
            dl->AddRectFilled(ImVec2(text_left, y), ImVec2(text_left + 3.0f, y + m.line_h), ctx.color(col));
            label_x = m.text_x0 + static_cast<float>(utf8_char_count(doc_.line(i)) + 3) * m.char_w;
            drawn_line = i;
        }
        const std::string label = "\xE2\x97\x86 " + hint.label; // ◆ then the words
        dl->AddText(font, font_size, ImVec2(label_x, y + m.text_dy), ctx.color(col), label.c_str());
        label_x += font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, label.c_str()).x + m.char_w * 2;
        if (hovered && mouse.y >= y && mouse.y < y + m.line_h && mouse.x > text_left) {
            if (!tooltip_shown_.empty()) tooltip_shown_ += "\n\n";
            tooltip_shown_ += hint.message;
        }
    }
}

void CodeEditor::draw_gutter(const UiContext& ctx, const Metrics& m, int first, int last, ImVec2 mouse, bool hovered)
{
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const float x0 = m.view_min.x;
    const float x1 = x0 + m.gutter_w;
    dl->AddRectFilled(ImVec2(x0, m.view_min.y), ImVec2(x1, m.view_max.y), ctx.color(p.panel));
    dl->AddLine(ImVec2(x1 - 1, m.view_min.y), ImVec2(x1 - 1, m.view_max.y), ctx.color(with_alpha(p.border, 0.7f)));

    const float marker_cx = x0 + m.char_w * 1.1f;
    const float numbers_right = x1 - m.char_w * 1.0f;
    for (int i = first; i <= last; ++i) {
        const float y = m.origin_y + static_cast<float>(i) * m.line_h;
        char digits[16];
        const auto res = fmt::format_to_n(digits, sizeof digits - 1, "{}", i + 1);
        *res.out = '\0';
        const float w = static_cast<float>(res.size) * m.char_w;
        const bool current = focused_ && i == sel_.caret.line;
        const bool running = running_line_ == i + 1;
        const ImVec4 num_col = running ? p.task_running : (current ? p.text_muted : p.gutter_text);
        dl->AddText(font, font_size, ImVec2(numbers_right - w, y + m.text_dy), ctx.color(num_col), digits);

        const float cy = y + m.line_h * 0.5f;
        const float r = m.line_h * 0.24f;
        if (running) { // ▶ where the running task is
            dl->AddTriangleFilled(ImVec2(marker_cx - r * 0.8f, cy - r), ImVec2(marker_cx - r * 0.8f, cy + r),
                                  ImVec2(marker_cx + r, cy), ctx.color(p.task_running));
        }
    }
    // ◆ for each paused task's bookmark line (drawn after ▶ so both show on a shared line, the
    // diamond beside the arrow).
    for (const GutterMarker& mark : bookmarks_) {
        const int i = mark.line - 1;
        if (i < first || i > last) continue;
        const float y = m.origin_y + static_cast<float>(i) * m.line_h;
        const float cy = y + m.line_h * 0.5f;
        const float r = m.line_h * 0.26f;
        const float cx = running_line_ == mark.line ? marker_cx + m.char_w * 1.2f : marker_cx;
        dl->AddQuadFilled(ImVec2(cx, cy - r), ImVec2(cx + r, cy), ImVec2(cx, cy + r), ImVec2(cx - r, cy), ctx.color(p.task_pending));
        if (hovered && mouse.y >= y && mouse.y < y + m.line_h && mouse.x >= x0 && mouse.x < x1) {
            if (!tooltip_shown_.empty()) tooltip_shown_ += "\n\n";
            tooltip_shown_ += mark.tooltip;
        }
    }
    for (const ErrorMark& err : errors_) { // a red dot beside an error's line number
        const int i = err.line - 1;
        if (i < first || i > last) continue;
        const float cy = m.origin_y + static_cast<float>(i) * m.line_h + m.line_h * 0.5f;
        const bool taken = running_line_ == err.line ||
                           std::any_of(bookmarks_.begin(), bookmarks_.end(), [&](const GutterMarker& b) { return b.line == err.line; });
        if (!taken) dl->AddCircleFilled(ImVec2(marker_cx, cy), m.line_h * 0.2f, ctx.color(p.error));
        if (hovered && !taken && mouse.y >= cy - m.line_h * 0.5f && mouse.y < cy + m.line_h * 0.5f && mouse.x >= x0 && mouse.x < x1) {
            tooltip_shown_ = err.message;
        }
    }
}

void CodeEditor::draw(const UiContext& ctx, const char* id, ImVec2 size)
{
    ImGui::PushFont(ctx.fonts.mono);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("editor_view", size, ImGuiChildFlags_None, ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoNavInputs);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiIO& io = ImGui::GetIO();

    Metrics m;
    // The exact advance of one monospace cell (CalcTextSize rounds widths up to whole units).
    m.char_w = ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0.0f, "MMMMMMMMMM").x / 10.0f;
    const float text_h = ImGui::GetTextLineHeight();
    m.line_h = std::round(text_h * 1.42f);
    m.text_dy = std::round((m.line_h - text_h) * 0.5f);
    const int digits = std::max(3, static_cast<int>(std::to_string(doc_.line_count()).size()));
    m.gutter_w = std::round(m.char_w * (static_cast<float>(digits) + 4.0f));
    m.margin = std::round(m.char_w * 0.9f);
    m.view_min = win->InnerClipRect.Min;
    m.view_max = win->InnerClipRect.Max;
    m.origin_y = win->Pos.y - win->Scroll.y;
    m.text_x0 = win->Pos.x + m.gutter_w + m.margin - win->Scroll.x;
    const float view_h = m.view_max.y - m.view_min.y;
    m.page_lines = std::max(1, static_cast<int>(view_h / m.line_h) - 1);

    // The content size drives ImGui's scrollbars: the widest line, and all lines plus a little
    // room so the last line is not glued to the bottom edge.
    if (width_version_ != doc_.version()) {
        widest_chars_ = 0;
        for (int i = 0; i < doc_.line_count(); ++i) {
            widest_chars_ = std::max(widest_chars_, static_cast<int>(doc_.line(i).size()));
        }
        width_version_ = doc_.version();
    }
    ImGui::SetCursorPos(ImVec2(0, 0));
    ImGui::Dummy(ImVec2(m.gutter_w + m.margin + static_cast<float>(widest_chars_ + 4) * m.char_w,
                        static_cast<float>(doc_.line_count()) * m.line_h + m.line_h * 3));

    // The editor as one ImGui item over the visible area: hover, focus and the test API see it.
    const ImGuiID item_id = win->GetID(id);
    const ImRect view(m.view_min, m.view_max);
    ImGui::ItemAdd(view, item_id);
    test_api::note_last_item(id);
    const bool hovered = ImGui::ItemHoverable(view, item_id, ImGuiItemFlags_None);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);

    // Focus: a click inside takes it, a click anywhere else (or a modal popup) gives it up.
    if (io.MouseClicked[0] && !hovered && !ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        focused_ = false;
    }
    if (ImGui::GetTopMostPopupModal() != nullptr) focused_ = false;
    handle_mouse(m, hovered);
    if (focused_) {
        if (g.ActiveId != item_id && (g.ActiveId == 0 || (hovered && io.MouseClicked[0]))) {
            ImGui::SetActiveID(item_id, win);
            ImGui::SetFocusID(item_id, win);
            ImGui::FocusWindow(win);
        }
        if (g.ActiveId == item_id) {
            // Holding the keyboard must not block the mouse: other widgets (a top-bar button,
            // a splitter, our own scrollbar) stay hoverable and clickable while we edit.
            g.ActiveIdAllowOverlap = true;
            // Arrows, Home/End, Page keys and Tab are ours while editing, not ImGui's navigation.
            g.ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right) | (1 << ImGuiDir_Up) | (1 << ImGuiDir_Down);
            ImGui::SetKeyOwner(ImGuiKey_Home, item_id);
            ImGui::SetKeyOwner(ImGuiKey_End, item_id);
            ImGui::SetKeyOwner(ImGuiKey_PageUp, item_id);
            ImGui::SetKeyOwner(ImGuiKey_PageDown, item_id);
            ImGui::SetShortcutRouting(ImGuiKey_Tab, item_id);
            ImGui::SetShortcutRouting(ImGuiMod_Shift | ImGuiKey_Tab, item_id);
            handle_keyboard(m);
            g.WantTextInputNextFrame = 1;
        }
    } else if (g.ActiveId == item_id) {
        ImGui::ClearActiveID();
    }
    if (want_scroll_to_caret_) {
        scroll_to_caret(m);
        want_scroll_to_caret_ = false;
    }

    const int first = std::clamp(static_cast<int>(std::floor(win->Scroll.y / m.line_h)), 0, doc_.line_count() - 1);
    const int last = std::clamp(static_cast<int>(std::floor((win->Scroll.y + view_h) / m.line_h)), first, doc_.line_count() - 1);
    first_visible_ = first;
    last_visible_ = last;
    last_metrics_ = m;
    doc_.highlight_through(last);

    tooltip_shown_.clear();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(ImVec2(m.view_min.x + m.gutter_w, m.view_min.y), m.view_max, true);
    draw_text(ctx, m, first, last);
    draw_errors(ctx, m, first, last, io.MousePos, hovered);
    draw_hints(ctx, m, first, last, io.MousePos, hovered);
    dl->PopClipRect();
    draw_gutter(ctx, m, first, last, io.MousePos, hovered);
    if (!tooltip_shown_.empty() && !dragging_) {
        ImGui::PopFont();
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ctx.font_size * 32.0f);
        ImGui::TextUnformatted(tooltip_shown_.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
        ImGui::PushFont(ctx.fonts.mono);
    }

    ImGui::EndChild();
    ImGui::PopFont();
}

void CodeEditor::append_test_json(std::string& out) const
{
    const std::string text = doc_.text();
    out += fmt::format("{{\"length\":{},\"lines\":{},\"active\":{},\"caret\":", doc_.length(), doc_.line_count(), focused_);
    append_pos(out, doc_, sel_.caret);
    out += ",\"selection\":";
    if (sel_.empty()) {
        out += "null";
    } else {
        out += "{\"start\":";
        append_pos(out, doc_, sel_.begin());
        out += ",\"end\":";
        append_pos(out, doc_, sel_.end());
        out += ",\"text\":";
        test_api::append_json_string(out, doc_.range_text(sel_.begin(), sel_.end()));
        out += '}';
    }
    out += fmt::format(",\"canUndo\":{},\"canRedo\":{},\"firstVisibleLine\":{},\"lastVisibleLine\":{},\"runningLine\":{}",
                       doc_.can_undo(), doc_.can_redo(), first_visible_ + 1, last_visible_ + 1, running_line_);
    out += fmt::format(",\"bookmarks\":{},\"errors\":{},\"bookmarkLines\":[", bookmarks_.size(), errors_.size());
    for (std::size_t i = 0; i < bookmarks_.size(); ++i) out += fmt::format("{}{}", i ? "," : "", bookmarks_[i].line);
    out += "],\"errorList\":[";
    for (std::size_t i = 0; i < errors_.size(); ++i) {
        const ErrorMark& e = errors_[i];
        out += fmt::format("{}{{\"line\":{},\"colBegin\":{},\"colEnd\":{},\"message\":", i ? "," : "", e.line, e.col_begin, e.col_end);
        test_api::append_json_string(out, e.message);
        out += '}';
    }
    out += "],\"hintList\":[";
    for (std::size_t i = 0; i < hints_.size(); ++i) {
        out += fmt::format("{}{{\"line\":{},\"label\":", i ? "," : "", hints_[i].line);
        test_api::append_json_string(out, hints_[i].label);
        out += ",\"message\":";
        test_api::append_json_string(out, hints_[i].message);
        out += '}';
    }
    out += "],\"tooltip\":";
    test_api::append_json_string(out, tooltip_shown_);
    // Geometry, so tests can point at a line and column: screen y of line 1's top, x of column 0
    // (both move with scrolling), and the gutter's right edge.
    const Metrics& m = last_metrics_;
    out += fmt::format(",\"geometry\":{{\"lineHeight\":{:.3f},\"charWidth\":{:.3f},\"top\":{:.2f},\"left\":{:.2f},\"gutterRight\":{:.2f}}}",
                       m.line_h, m.char_w, m.origin_y, m.text_x0, m.view_min.x + m.gutter_w);
    out += ",\"text\":";
    test_api::append_json_string(out, text);
    out += '}';
}

} // namespace ll::web
