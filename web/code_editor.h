// A code editor widget for Dear ImGui (which has none): Python highlighting, a line-number
// gutter, caret and mouse selection, undo/redo, 4-space indentation, the browser clipboard, and
// the marks the engine will set: the running line, bookmark markers and error underlines.
#pragma once

#include "text_document.h"
#include "ui_context.h"

#include <string>
#include <string_view>
#include <vector>

namespace ll::web {

// A mark in the gutter at a 1-based line, with the text shown when the pointer is over it.
struct GutterMarker {
    int line = 0;
    std::string tooltip;
};

// An underlined range: a 1-based line and 0-based code-point columns [col_begin, col_end); an
// empty range underlines from col_begin to the end of the line.
struct ErrorMark {
    int line = 0;
    int col_begin = 0;
    int col_end = 0;
    std::string message;
};

// A teaching hint on a 1-based line: a short label drawn after the code, the explanation on hover.
struct HintMark {
    int line = 0;
    std::string label;   // e.g. "blocking call"
    std::string message; // plain words: what happened, what to do instead
};

class CodeEditor {
public:
    explicit CodeEditor(std::string_view text = {});

    // Draws the editor filling `size` at the cursor and handles its input. `id` names the item
    // (e.g. "##editor") for keyboard focus and the test API.
    void draw(const UiContext& ctx, const char* id, ImVec2 size);

    std::string text() const { return doc_.text(); }
    // Replaces the text (loading, importing, a shared link): caret to the start, no undo.
    void set_text(std::string_view text);
    // Replaces the text as one undoable edit (a shared link, an import): Ctrl+Z brings the
    // previous program back.
    void replace_all(std::string_view text);
    const TextDocument& document() const { return doc_; }
    TextDocument& document_for_tests() { return doc_; }
    std::uint64_t version() const { return doc_.version(); }
    const Selection& selection() const { return sel_; }
    bool focused() const { return focused_; }
    void set_focus(bool focused) { focused_ = focused; }

    // The engine hookup. Lines are 1-based; 0 / empty clears.
    void set_running_line(int line) { running_line_ = line; }
    void set_bookmarks(std::vector<GutterMarker> markers) { bookmarks_ = std::move(markers); }
    void set_errors(std::vector<ErrorMark> errors) { errors_ = std::move(errors); }
    void set_hints(std::vector<HintMark> hints) { hints_ = std::move(hints); }
    void set_read_only(bool read_only) { read_only_ = read_only; }
    int running_line() const { return running_line_; }
    const std::vector<GutterMarker>& bookmarks() const { return bookmarks_; }
    const std::vector<ErrorMark>& errors() const { return errors_; }
    const std::vector<HintMark>& hints() const { return hints_; }

    // What the last frame showed, for the test API: 0-based first and last visible lines and
    // the tooltip shown (empty if none).
    int first_visible_line() const { return first_visible_; }
    int last_visible_line() const { return last_visible_; }
    const std::string& tooltip_shown() const { return tooltip_shown_; }
    // JSON object describing the editor for window.looplab.state().
    void append_test_json(std::string& out) const;

private:
    struct Metrics {
        float char_w = 8;
        float line_h = 16;
        float text_dy = 0;     // text baseline offset inside a line
        float gutter_w = 40;
        float margin = 6;      // between gutter and text
        ImVec2 view_min, view_max; // visible area (screen), scrollbars excluded
        float origin_y = 0;    // screen y of line 0
        float text_x0 = 0;     // screen x of column 0
        int page_lines = 10;
    };

    void handle_mouse(const Metrics& m, bool hovered);
    void handle_keyboard(const Metrics& m);
    void type_text(std::string_view s);
    void newline_with_indent();
    void indent_lines(bool dedent);
    void toggle_comment();
    void backspace(bool word);
    void delete_forward(bool word);
    void copy(bool cut);
    void paste();

    void move_to(TextPos p, bool extend);
    void replace_selection(std::string_view s, TextDocument::EditKind kind);
    TextPos word_left(TextPos p) const;
    TextPos word_right(TextPos p) const;
    void select_word_at(TextPos p);
    TextPos pos_at(const Metrics& m, ImVec2 mouse) const;
    int chars_before(int line, int col) const;
    void scroll_to_caret(const Metrics& m);
    void draw_text(const UiContext& ctx, const Metrics& m, int first, int last);
    void draw_gutter(const UiContext& ctx, const Metrics& m, int first, int last, ImVec2 mouse, bool hovered);
    void draw_errors(const UiContext& ctx, const Metrics& m, int first, int last, ImVec2 mouse, bool hovered);
    void draw_hints(const UiContext& ctx, const Metrics& m, int first, int last, ImVec2 mouse, bool hovered);

    TextDocument doc_;
    Selection sel_;
    int goal_chars_ = -1;    // the column up/down aims for, in characters
    bool focused_ = false;   // keyboard input goes here
    bool dragging_ = false;  // a mouse drag is extending the selection
    bool want_scroll_to_caret_ = false;
    double last_activity_ = 0; // the caret stays solid (no blink) just after a change
    bool read_only_ = false;

    int running_line_ = 0;
    std::vector<GutterMarker> bookmarks_;
    std::vector<ErrorMark> errors_;
    std::vector<HintMark> hints_;

    std::uint64_t width_version_ = ~0ull; // the widest line, recomputed when the text changes
    int widest_chars_ = 0;
    int first_visible_ = 0;
    int last_visible_ = 0;
    std::string tooltip_shown_;
    Metrics last_metrics_; // for the test API: where lines and columns were drawn
};

} // namespace ll::web
