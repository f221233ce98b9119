// Text storage, edits and their undo history. Every change goes through raw_insert/raw_erase,
// which keep the byte length, the version and the highlighting's dirty mark up to date.
#include "text_document.h"

#include <algorithm>

namespace ll::web {
namespace {

constexpr std::size_t max_undo_groups = 1000;
constexpr double merge_window_seconds = 1.5; // a pause longer than this starts a new undo step

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Where `text` ends once written at `at` (the text has no carriage returns or tabs: it was
// recorded after cleaning).
TextPos end_of(TextPos at, std::string_view text)
{
    const auto newlines = std::count(text.begin(), text.end(), '\n');
    if (newlines == 0) {
        return TextPos{at.line, at.col + static_cast<int>(text.size())};
    }
    return TextPos{at.line + static_cast<int>(newlines), static_cast<int>(text.size() - text.rfind('\n') - 1)};
}

} // namespace

int utf8_char_count(std::string_view s)
{
    return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return !is_continuation(c); }));
}

int byte_col_for_chars(std::string_view s, int n)
{
    int seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!is_continuation(s[i])) {
            if (seen == n) return static_cast<int>(i);
            ++seen;
        }
    }
    return static_cast<int>(s.size());
}

TextDocument::TextDocument(std::string_view text)
{
    set_text(text);
}

void TextDocument::set_text(std::string_view text)
{
    lines_.clear();
    lines_.emplace_back();
    length_ = 0;
    open_ = nullptr;
    raw_insert(TextPos{}, text);
    undo_.clear();
    redo_.clear();
    merge_open_ = false;
    dirty_from_ = 0;
}

std::string TextDocument::text() const
{
    std::string out;
    out.reserve(length_);
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        if (i > 0) out += '\n';
        out += lines_[i].text;
    }
    return out;
}

std::string TextDocument::range_text(TextPos a, TextPos b) const
{
    a = clamp(a);
    b = clamp(b);
    if (b < a) std::swap(a, b);
    if (a.line == b.line) {
        return line(a.line).substr(static_cast<std::size_t>(a.col), static_cast<std::size_t>(b.col - a.col));
    }
    std::string out = line(a.line).substr(static_cast<std::size_t>(a.col));
    for (int i = a.line + 1; i < b.line; ++i) {
        out += '\n';
        out += line(i);
    }
    out += '\n';
    out += line(b.line).substr(0, static_cast<std::size_t>(b.col));
    return out;
}

TextPos TextDocument::clamp(TextPos p) const
{
    p.line = std::clamp(p.line, 0, line_count() - 1);
    const std::string& s = line(p.line);
    p.col = std::clamp(p.col, 0, static_cast<int>(s.size()));
    while (p.col > 0 && p.col < static_cast<int>(s.size()) && is_continuation(s[static_cast<std::size_t>(p.col)])) {
        --p.col;
    }
    return p;
}

TextPos TextDocument::end_pos() const
{
    return TextPos{line_count() - 1, static_cast<int>(lines_.back().text.size())};
}

TextPos TextDocument::next_char(TextPos p) const
{
    const std::string& s = line(p.line);
    if (p.col >= static_cast<int>(s.size())) {
        return p.line + 1 < line_count() ? TextPos{p.line + 1, 0} : p;
    }
    ++p.col;
    while (p.col < static_cast<int>(s.size()) && is_continuation(s[static_cast<std::size_t>(p.col)])) ++p.col;
    return p;
}

TextPos TextDocument::prev_char(TextPos p) const
{
    if (p.col == 0) {
        return p.line > 0 ? TextPos{p.line - 1, static_cast<int>(line(p.line - 1).size())} : p;
    }
    const std::string& s = line(p.line);
    --p.col;
    while (p.col > 0 && is_continuation(s[static_cast<std::size_t>(p.col)])) --p.col;
    return p;
}

void TextDocument::touched(int line_index)
{
    ++version_;
    dirty_from_ = std::min(dirty_from_, line_index);
}

TextPos TextDocument::raw_insert(TextPos at, std::string_view s)
{
    at = clamp(at);
    // Carriage returns never reach the lines: Windows line ends paste as plain newlines. Tabs
    // become four spaces, the indentation this editor (and PEP 8) uses.
    std::string clean;
    clean.reserve(s.size());
    for (char c : s) {
        if (c == '\r') continue;
        if (c == '\t') {
            clean += "    ";
        } else {
            clean += c;
        }
    }
    length_ += clean.size();
    touched(at.line);
    Line& first = lines_[static_cast<std::size_t>(at.line)];
    const std::string tail = first.text.substr(static_cast<std::size_t>(at.col));
    first.text.erase(static_cast<std::size_t>(at.col));
    first.highlighted = false;
    std::size_t start = 0;
    std::size_t nl = clean.find('\n');
    if (nl == std::string::npos) {
        first.text += clean;
        first.text += tail;
        return TextPos{at.line, at.col + static_cast<int>(clean.size())};
    }
    first.text.append(clean, 0, nl);
    std::vector<Line> added;
    start = nl + 1;
    while ((nl = clean.find('\n', start)) != std::string::npos) {
        added.emplace_back().text = clean.substr(start, nl - start);
        start = nl + 1;
    }
    added.emplace_back().text = clean.substr(start);
    const TextPos end{at.line + static_cast<int>(added.size()), static_cast<int>(added.back().text.size())};
    added.back().text += tail;
    lines_.insert(lines_.begin() + at.line + 1, std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
    return end;
}

std::string TextDocument::raw_erase(TextPos a, TextPos b)
{
    a = clamp(a);
    b = clamp(b);
    if (b < a) std::swap(a, b);
    if (a == b) return {};
    std::string removed = range_text(a, b);
    length_ -= removed.size();
    touched(a.line);
    Line& first = lines_[static_cast<std::size_t>(a.line)];
    const std::string tail = line(b.line).substr(static_cast<std::size_t>(b.col));
    first.text.erase(static_cast<std::size_t>(a.col));
    first.text += tail;
    first.highlighted = false;
    lines_.erase(lines_.begin() + a.line + 1, lines_.begin() + b.line + 1);
    return removed;
}

TextPos TextDocument::insert(TextPos at, std::string_view s)
{
    at = clamp(at);
    const TextPos end = raw_insert(at, s);
    if (open_ != nullptr) {
        open_->edits.push_back(Edit{at, {}, range_text(at, end)});
    }
    return end;
}

void TextDocument::erase(TextPos a, TextPos b)
{
    a = clamp(a);
    b = clamp(b);
    if (b < a) std::swap(a, b);
    std::string removed = raw_erase(a, b);
    if (open_ != nullptr && !removed.empty()) {
        open_->edits.push_back(Edit{a, std::move(removed), {}});
    }
}

bool TextDocument::begin_group(EditKind kind, const Selection& before, double now)
{
    redo_.clear();
    if (merge_open_ && kind != EditKind::other && !undo_.empty() && undo_.back().kind == kind &&
        now - undo_.back().time < merge_window_seconds) {
        open_ = &undo_.back();
        open_->time = now;
        return true;
    }
    undo_.push_back(Group{{}, before, before, kind, now});
    if (undo_.size() > max_undo_groups) {
        undo_.erase(undo_.begin());
    }
    open_ = &undo_.back();
    return false;
}

void TextDocument::end_group(const Selection& after)
{
    if (open_ == nullptr) return;
    open_->after = after;
    const bool merging_kind = open_->kind != EditKind::other;
    if (open_->edits.empty()) {
        undo_.pop_back(); // nothing changed: no empty undo step
    }
    open_ = nullptr;
    merge_open_ = merging_kind;
}

Selection TextDocument::undo()
{
    merge_open_ = false;
    if (undo_.empty()) return {};
    Group group = std::move(undo_.back());
    undo_.pop_back();
    for (auto it = group.edits.rbegin(); it != group.edits.rend(); ++it) {
        raw_erase(it->at, end_of(it->at, it->inserted));
        raw_insert(it->at, it->removed);
    }
    const Selection restore = group.before;
    redo_.push_back(std::move(group));
    return restore;
}

Selection TextDocument::redo()
{
    merge_open_ = false;
    if (redo_.empty()) return {};
    Group group = std::move(redo_.back());
    redo_.pop_back();
    for (const Edit& e : group.edits) {
        raw_erase(e.at, end_of(e.at, e.removed));
        raw_insert(e.at, e.inserted);
    }
    const Selection restore = group.after;
    undo_.push_back(std::move(group));
    return restore;
}

void TextDocument::highlight_through(int last)
{
    last = std::min(last, line_count() - 1);
    if (dirty_from_ > last) return;
    LexState state = dirty_from_ > 0 ? lines_[static_cast<std::size_t>(dirty_from_ - 1)].end_state : LexState{};
    for (int i = dirty_from_; i <= last; ++i) {
        Line& l = lines_[static_cast<std::size_t>(i)];
        if (!l.highlighted || !(l.start_state == state)) {
            l.spans.clear();
            l.start_state = state;
            l.end_state = highlight_python_line(l.text, state, l.spans);
            l.highlighted = true;
        }
        state = l.end_state;
    }
    dirty_from_ = last + 1;
}

} // namespace ll::web
