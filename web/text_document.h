// The editor's text: a vector of lines (UTF-8, no newlines), with each line's highlighting
// cached beside it, and an undo history of grouped edits. No drawing and no input here.
#pragma once

#include "python_highlight.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ll::web {

// A position between two bytes of a line. `col` is a byte offset that never splits a UTF-8
// character.
struct TextPos {
    int line = 0;
    int col = 0;
    auto operator<=>(const TextPos&) const = default;
};

// The caret and the other end of the selection (equal when nothing is selected).
struct Selection {
    TextPos caret;
    TextPos anchor;
    bool empty() const { return caret == anchor; }
    TextPos begin() const { return caret < anchor ? caret : anchor; }
    TextPos end() const { return caret < anchor ? anchor : caret; }
};

class TextDocument {
public:
    struct Line {
        std::string text;
        // Highlighting cache: valid while `highlighted` and the line starts in `start_state`.
        bool highlighted = false;
        LexState start_state;
        LexState end_state;
        std::vector<TokenSpan> spans;
    };

    explicit TextDocument(std::string_view text = {});

    // Replaces everything and forgets the undo history.
    void set_text(std::string_view text);
    std::string text() const;
    std::size_t length() const { return length_; } // bytes, newlines included
    int line_count() const { return static_cast<int>(lines_.size()); }
    const std::string& line(int i) const { return lines_[static_cast<std::size_t>(i)].text; }
    std::string range_text(TextPos a, TextPos b) const;
    // Bumped by every change; lets readers (saving, the test API) notice edits cheaply.
    std::uint64_t version() const { return version_; }

    TextPos clamp(TextPos p) const;
    TextPos end_pos() const;
    TextPos next_char(TextPos p) const; // across line ends
    TextPos prev_char(TextPos p) const;

    // Edits. Both are recorded in the open undo group (see begin_group).
    TextPos insert(TextPos at, std::string_view s); // returns the end of the inserted text
    void erase(TextPos a, TextPos b);

    // Undo grouping: edits between begin_group and end_group undo as one step. `kind` lets
    // consecutive typing (or deleting) merge into the previous group while it stays open.
    enum class EditKind : std::uint8_t { other, typing, deleting };
    // Returns true if the new edits join the previous group (same kind, still mergeable).
    bool begin_group(EditKind kind, const Selection& before, double now);
    void end_group(const Selection& after);
    // Stops the next typing from merging (the caret moved, or a word ended).
    void close_merging() { merge_open_ = false; }

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    // Undo/redo the last group; returns the selection to restore.
    Selection undo();
    Selection redo();

    // Makes sure lines [0, last] have valid highlighting, reusing every cache still valid.
    void highlight_through(int last);
    Line& line_data(int i) { return lines_[static_cast<std::size_t>(i)]; }

private:
    struct Edit {
        TextPos at;
        std::string removed;
        std::string inserted;
    };
    struct Group {
        std::vector<Edit> edits;
        Selection before;
        Selection after;
        EditKind kind = EditKind::other;
        double time = 0;
    };

    TextPos raw_insert(TextPos at, std::string_view s);
    std::string raw_erase(TextPos a, TextPos b);
    void touched(int line);

    std::vector<Line> lines_;
    std::size_t length_ = 0;
    std::uint64_t version_ = 0;
    int dirty_from_ = 0; // first line whose highlighting may be stale

    std::vector<Group> undo_;
    std::vector<Group> redo_;
    Group* open_ = nullptr; // the group being recorded, if any
    bool merge_open_ = false;
};

// Position helpers that depend only on a line's bytes.
int utf8_char_count(std::string_view s);          // code points
int byte_col_for_chars(std::string_view s, int n); // byte offset of the n-th code point (clamped)

} // namespace ll::web
