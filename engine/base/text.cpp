// str methods on UTF-8 text with CPython's semantics. ASCII strings (the common case) take
// byte-indexed fast paths; other strings convert code-point bounds to byte offsets first.
// Index: [SECTION] helpers, indexing, repr, split/join/strip, search, transform. Case mapping
// and predicates are in text_case.cpp.
#include "engine/base/text.hpp"

#include <algorithm>

#include "engine/base/unicode.hpp"

namespace ll::base {

// [SECTION] helpers ------------------------------------------------------------------------------
namespace {

// Decoded code points of s with the byte offset of each (plus one past the end).
struct CodePoints {
    std::vector<char32_t> cps;
    std::vector<std::size_t> offsets;
};

CodePoints decode_all(std::string_view s) {
    CodePoints r;
    r.cps.reserve(s.size());
    r.offsets.reserve(s.size() + 1);
    std::size_t pos = 0;
    while (pos < s.size()) {
        r.offsets.push_back(pos);
        r.cps.push_back(decode_utf8(s, pos));
    }
    r.offsets.push_back(s.size());
    return r;
}

// Python's ADJUST_INDICES for start/end arguments of find/count/startswith.
void adjust_bounds(int64_t len, std::optional<int64_t> start, std::optional<int64_t> end, int64_t& b, int64_t& e) {
    e = end.value_or(len);
    if (e > len) e = len;
    else if (e < 0) {
        e += len;
        if (e < 0) e = 0;
    }
    b = start.value_or(0);
    if (b < 0) {
        b += len;
        if (b < 0) b = 0;
    }
}

// A window [b, e) of s given in code points, as a byte-level view plus the code-point base, so
// byte results can be mapped back.
struct Window {
    std::string_view text;   // the bytes of the window
    std::size_t byte_base;   // byte offset of the window in s
    int64_t cp_base;         // code-point index of the window start
    bool ascii;
};

Window make_window(std::string_view s, int64_t b, int64_t e) {
    bool ascii = is_ascii(s);
    if (ascii) {
        return {s.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)), static_cast<std::size_t>(b), b,
                true};
    }
    std::size_t bb = cp_offset(s, static_cast<std::size_t>(b));
    std::size_t eb = bb + cp_offset(s.substr(bb), static_cast<std::size_t>(e - b));
    return {s.substr(bb, eb - bb), bb, b, false};
}

int64_t window_index(const Window& w, std::size_t byte_pos_in_window) {
    if (w.ascii) return w.cp_base + static_cast<int64_t>(byte_pos_in_window);
    return w.cp_base + static_cast<int64_t>(cp_length(w.text.substr(0, byte_pos_in_window)));
}

int64_t len_cp(std::string_view s) { return static_cast<int64_t>(cp_length(s)); }

void append_fill(std::string& out, char32_t fill, int64_t n) {
    if (n <= 0) return;
    if (fill < 0x80) {
        out.append(static_cast<std::size_t>(n), static_cast<char>(fill));
        return;
    }
    std::string f = encode_utf8(fill);
    for (int64_t i = 0; i < n; ++i) out += f;
}

bool is_space_at(std::string_view s, std::size_t pos, std::size_t& next) {
    next = pos;
    return uni_isspace(decode_utf8(s, next));
}

}  // namespace

// [SECTION] indexing -------------------------------------------------------------------------------
Result<std::string> str_getitem(std::string_view s, int64_t index) {
    if (is_ascii(s)) {
        auto i = normalize_index(index, static_cast<int64_t>(s.size()));
        if (!i) return Error{"IndexError", "string index out of range"};
        return std::string(1, s[static_cast<std::size_t>(*i)]);
    }
    auto i = normalize_index(index, len_cp(s));
    if (!i) return Error{"IndexError", "string index out of range"};
    return std::string(cp_at(s, static_cast<std::size_t>(*i)));
}

std::string str_slice(std::string_view s, const SliceIndices& sl) {
    if (sl.length <= 0) return {};
    if (is_ascii(s)) {
        if (sl.step == 1) return std::string(s.substr(static_cast<std::size_t>(sl.start), static_cast<std::size_t>(sl.length)));
        std::string r;
        r.reserve(static_cast<std::size_t>(sl.length));
        for (int64_t i = 0, k = sl.start; i < sl.length; ++i, k += sl.step) r.push_back(s[static_cast<std::size_t>(k)]);
        return r;
    }
    if (sl.step == 1) {
        std::size_t b = cp_offset(s, static_cast<std::size_t>(sl.start));
        std::size_t e = b + cp_offset(s.substr(b), static_cast<std::size_t>(sl.length));
        return std::string(s.substr(b, e - b));
    }
    CodePoints cp = decode_all(s);
    std::string r;
    for (int64_t i = 0, k = sl.start; i < sl.length; ++i, k += sl.step) {
        std::size_t uk = static_cast<std::size_t>(k);
        r.append(s.substr(cp.offsets[uk], cp.offsets[uk + 1] - cp.offsets[uk]));
    }
    return r;
}

// [SECTION] repr ------------------------------------------------------------------------------------
namespace {

void append_escape(std::string& out, char32_t c) {
    static constexpr char kHex[] = "0123456789abcdef";
    int digits;
    if (c < 0x100) {
        out += "\\x";
        digits = 2;
    } else if (c < 0x10000) {
        out += "\\u";
        digits = 4;
    } else {
        out += "\\U";
        digits = 8;
    }
    for (int k = digits - 1; k >= 0; --k) out.push_back(kHex[(c >> (4 * k)) & 0xF]);
}

void append_repr_impl(std::string& out, std::string_view s, bool ascii_only) {
    // Single quotes unless the text has a single quote and no double quote.
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    out.reserve(out.size() + s.size() + 2);
    out.push_back(quote);
    std::size_t pos = 0;
    while (pos < s.size()) {
        unsigned char b = static_cast<unsigned char>(s[pos]);
        if (b < 0x80) {
            ++pos;
            char c = static_cast<char>(b);
            if (c == quote || c == '\\') {
                out.push_back('\\');
                out.push_back(c);
            } else if (c == '\t') {
                out += "\\t";
            } else if (c == '\n') {
                out += "\\n";
            } else if (c == '\r') {
                out += "\\r";
            } else if (b < 0x20 || b == 0x7F) {
                append_escape(out, b);
            } else {
                out.push_back(c);
            }
            continue;
        }
        std::size_t start = pos;
        char32_t c = decode_utf8(s, pos);
        if (!ascii_only && uni_isprintable(c)) {
            out.append(s.substr(start, pos - start));
        } else {
            append_escape(out, c);
        }
    }
    out.push_back(quote);
}

}  // namespace

void append_str_repr(std::string& out, std::string_view s) { append_repr_impl(out, s, false); }

std::string str_repr(std::string_view s) {
    std::string r;
    append_repr_impl(r, s, false);
    return r;
}

std::string str_ascii(std::string_view s) {
    std::string r;
    append_repr_impl(r, s, true);
    return r;
}

// [SECTION] split / join / strip ---------------------------------------------------------------------
namespace {

std::vector<std::string> split_whitespace(std::string_view s, int64_t maxsplit) {
    std::vector<std::string> parts;
    std::size_t pos = 0, next = 0;
    const std::size_t n = s.size();
    while (true) {
        while (pos < n && is_space_at(s, pos, next)) pos = next;
        if (pos >= n) break;
        if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
            // The remainder keeps its trailing whitespace.
            parts.emplace_back(s.substr(pos));
            break;
        }
        std::size_t start = pos;
        while (pos < n && !is_space_at(s, pos, next)) pos = next;
        parts.emplace_back(s.substr(start, pos - start));
    }
    return parts;
}

std::vector<std::string> rsplit_whitespace(std::string_view s, int64_t maxsplit) {
    std::vector<std::string> parts;
    std::size_t end = s.size();
    while (true) {
        while (end > 0) {
            std::size_t p = end;
            if (!uni_isspace(decode_utf8_back(s, p))) break;
            end = p;
        }
        if (end == 0) break;
        if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
            parts.emplace_back(s.substr(0, end));
            break;
        }
        std::size_t start = end;
        while (start > 0) {
            std::size_t p = start;
            if (uni_isspace(decode_utf8_back(s, p))) break;
            start = p;
        }
        parts.emplace_back(s.substr(start, end - start));
        end = start;
    }
    std::reverse(parts.begin(), parts.end());
    return parts;
}

bool in_chars(std::string_view chars, char32_t c) {
    std::size_t pos = 0;
    while (pos < chars.size()) {
        if (decode_utf8(chars, pos) == c) return true;
    }
    return false;
}

std::string_view strip_impl(std::string_view s, std::optional<std::string_view> chars, bool left, bool right) {
    auto strip_this = [&](char32_t c) { return chars ? in_chars(*chars, c) : uni_isspace(c); };
    std::size_t b = 0, e = s.size();
    if (left) {
        while (b < e) {
            std::size_t p = b;
            if (!strip_this(decode_utf8(s, p))) break;
            b = p;
        }
    }
    if (right) {
        while (e > b) {
            std::size_t p = e;
            if (!strip_this(decode_utf8_back(s, p))) break;
            e = p;
        }
    }
    return s.substr(b, e - b);
}

}  // namespace

Result<std::vector<std::string>> str_split(std::string_view s, std::optional<std::string_view> sep, int64_t maxsplit) {
    if (!sep) return split_whitespace(s, maxsplit);
    if (sep->empty()) return value_error("empty separator");
    std::vector<std::string> parts;
    std::size_t pos = 0;
    while (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) {
        std::size_t hit = s.find(*sep, pos);
        if (hit == std::string_view::npos) break;
        parts.emplace_back(s.substr(pos, hit - pos));
        pos = hit + sep->size();
    }
    parts.emplace_back(s.substr(pos));
    return parts;
}

Result<std::vector<std::string>> str_rsplit(std::string_view s, std::optional<std::string_view> sep, int64_t maxsplit) {
    if (!sep) return rsplit_whitespace(s, maxsplit);
    if (sep->empty()) return value_error("empty separator");
    std::vector<std::string> parts;
    std::size_t end = s.size();
    while (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) {
        if (end < sep->size()) break;
        std::size_t hit = s.rfind(*sep, end - sep->size());
        if (hit == std::string_view::npos) break;
        parts.emplace_back(s.substr(hit + sep->size(), end - hit - sep->size()));
        end = hit;
    }
    parts.emplace_back(s.substr(0, end));
    std::reverse(parts.begin(), parts.end());
    return parts;
}

std::vector<std::string> str_splitlines(std::string_view s, bool keepends) {
    std::vector<std::string> lines;
    std::size_t start = 0, pos = 0;
    while (pos < s.size()) {
        std::size_t here = pos;
        char32_t c = decode_utf8(s, pos);
        if (!uni_is_linebreak(c)) continue;
        std::size_t brk_end = pos;
        if (c == '\r' && pos < s.size() && s[pos] == '\n') brk_end = ++pos;
        lines.emplace_back(s.substr(start, (keepends ? brk_end : here) - start));
        start = brk_end;
    }
    if (start < s.size()) lines.emplace_back(s.substr(start));
    return lines;
}

std::string str_join(std::string_view sep, const std::vector<std::string_view>& parts) {
    std::size_t total = parts.empty() ? 0 : sep.size() * (parts.size() - 1);
    for (auto p : parts) total += p.size();
    std::string r;
    r.reserve(total);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) r += sep;
        r += parts[i];
    }
    return r;
}

std::string_view str_strip(std::string_view s, std::optional<std::string_view> chars) {
    return strip_impl(s, chars, true, true);
}
std::string_view str_lstrip(std::string_view s, std::optional<std::string_view> chars) {
    return strip_impl(s, chars, true, false);
}
std::string_view str_rstrip(std::string_view s, std::optional<std::string_view> chars) {
    return strip_impl(s, chars, false, true);
}

std::string_view str_removeprefix(std::string_view s, std::string_view prefix) {
    return s.starts_with(prefix) ? s.substr(prefix.size()) : s;
}

std::string_view str_removesuffix(std::string_view s, std::string_view suffix) {
    return (!suffix.empty() && s.ends_with(suffix)) ? s.substr(0, s.size() - suffix.size()) : s;
}

Result<std::array<std::string, 3>> str_partition(std::string_view s, std::string_view sep) {
    if (sep.empty()) return value_error("empty separator");
    std::size_t hit = s.find(sep);
    if (hit == std::string_view::npos) return std::array<std::string, 3>{std::string(s), "", ""};
    return std::array<std::string, 3>{std::string(s.substr(0, hit)), std::string(sep),
                                      std::string(s.substr(hit + sep.size()))};
}

Result<std::array<std::string, 3>> str_rpartition(std::string_view s, std::string_view sep) {
    if (sep.empty()) return value_error("empty separator");
    std::size_t hit = s.rfind(sep);
    if (hit == std::string_view::npos) return std::array<std::string, 3>{"", "", std::string(s)};
    return std::array<std::string, 3>{std::string(s.substr(0, hit)), std::string(sep),
                                      std::string(s.substr(hit + sep.size()))};
}

// [SECTION] search ---------------------------------------------------------------------------------------
// UTF-8 is self-synchronising: a byte-level match of valid UTF-8 text is always a code-point match.
int64_t str_find(std::string_view s, std::string_view sub, std::optional<int64_t> start, std::optional<int64_t> end) {
    int64_t b, e;
    adjust_bounds(len_cp(s), start, end, b, e);
    if (e - b < 0 || b > len_cp(s)) return -1;
    Window w = make_window(s, b, e);
    std::size_t hit = w.text.find(sub);
    return hit == std::string_view::npos ? -1 : window_index(w, hit);
}

int64_t str_rfind(std::string_view s, std::string_view sub, std::optional<int64_t> start, std::optional<int64_t> end) {
    int64_t b, e;
    adjust_bounds(len_cp(s), start, end, b, e);
    if (e - b < 0 || b > len_cp(s)) return -1;
    Window w = make_window(s, b, e);
    std::size_t hit = w.text.rfind(sub);
    return hit == std::string_view::npos ? -1 : window_index(w, hit);
}

Result<int64_t> str_index(std::string_view s, std::string_view sub, std::optional<int64_t> start,
                          std::optional<int64_t> end) {
    int64_t r = str_find(s, sub, start, end);
    if (r < 0) return value_error("substring not found");
    return r;
}

Result<int64_t> str_rindex(std::string_view s, std::string_view sub, std::optional<int64_t> start,
                           std::optional<int64_t> end) {
    int64_t r = str_rfind(s, sub, start, end);
    if (r < 0) return value_error("substring not found");
    return r;
}

int64_t str_count(std::string_view s, std::string_view sub, std::optional<int64_t> start, std::optional<int64_t> end) {
    int64_t len = len_cp(s);
    int64_t b, e;
    adjust_bounds(len, start, end, b, e);
    if (b > len || e < b) return 0;
    if (sub.empty()) return e - b + 1;
    Window w = make_window(s, b, e);
    int64_t n = 0;
    std::size_t pos = 0;
    while ((pos = w.text.find(sub, pos)) != std::string_view::npos) {
        ++n;
        pos += sub.size();
    }
    return n;
}

bool str_startswith(std::string_view s, std::string_view prefix, std::optional<int64_t> start,
                    std::optional<int64_t> end) {
    if (!start && !end) return s.starts_with(prefix);
    int64_t len = len_cp(s);
    int64_t b, e;
    adjust_bounds(len, start, end, b, e);
    if (b > len) return false;
    if (e < b) return false;
    Window w = make_window(s, b, e);
    return w.text.starts_with(prefix);
}

bool str_endswith(std::string_view s, std::string_view suffix, std::optional<int64_t> start,
                  std::optional<int64_t> end) {
    if (!start && !end) return s.ends_with(suffix);
    int64_t len = len_cp(s);
    int64_t b, e;
    adjust_bounds(len, start, end, b, e);
    if (b > len) return false;
    if (e < b) return false;
    Window w = make_window(s, b, e);
    return w.text.ends_with(suffix);
}

bool str_contains(std::string_view s, std::string_view sub) { return s.find(sub) != std::string_view::npos; }

// [SECTION] transform -------------------------------------------------------------------------------------
std::string str_replace(std::string_view s, std::string_view old_sub, std::string_view new_sub, int64_t count) {
    std::string r;
    if (old_sub.empty()) {
        // Insert before every code point and at the end, up to count times.
        int64_t done = 0;
        std::size_t pos = 0;
        while (pos < s.size()) {
            if (count < 0 || done < count) {
                r += new_sub;
                ++done;
            }
            std::size_t start = pos;
            decode_utf8(s, pos);
            r.append(s.substr(start, pos - start));
        }
        if (count < 0 || done < count) r += new_sub;
        return r;
    }
    std::size_t pos = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
        std::size_t hit = s.find(old_sub, pos);
        if (hit == std::string_view::npos) break;
        r.append(s.substr(pos, hit - pos));
        r += new_sub;
        pos = hit + old_sub.size();
        ++done;
    }
    r.append(s.substr(pos));
    return r;
}

std::string str_center(std::string_view s, int64_t width, char32_t fill) {
    int64_t len = len_cp(s);
    if (width <= len) return std::string(s);
    int64_t marg = width - len;
    int64_t left = marg / 2 + (marg & width & 1);
    std::string r;
    append_fill(r, fill, left);
    r += s;
    append_fill(r, fill, marg - left);
    return r;
}

std::string str_ljust(std::string_view s, int64_t width, char32_t fill) {
    std::string r(s);
    append_fill(r, fill, width - len_cp(s));
    return r;
}

std::string str_rjust(std::string_view s, int64_t width, char32_t fill) {
    std::string r;
    append_fill(r, fill, width - len_cp(s));
    r += s;
    return r;
}

std::string str_zfill(std::string_view s, int64_t width) {
    int64_t fill = width - len_cp(s);
    if (fill <= 0) return std::string(s);
    std::string r;
    std::string_view rest = s;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        r.push_back(s[0]);
        rest = s.substr(1);
    }
    r.append(static_cast<std::size_t>(fill), '0');
    r += rest;
    return r;
}

std::string str_expandtabs(std::string_view s, int64_t tabsize) {
    std::string r;
    int64_t column = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t start = pos;
        char32_t c = decode_utf8(s, pos);
        if (c == '\t') {
            if (tabsize > 0) {
                int64_t spaces = tabsize - column % tabsize;
                r.append(static_cast<std::size_t>(spaces), ' ');
                column += spaces;
            }
        } else {
            r.append(s.substr(start, pos - start));
            column = (c == '\n' || c == '\r') ? 0 : column + 1;
        }
    }
    return r;
}

std::string str_repeat(std::string_view s, int64_t n) {
    std::string r;
    if (n <= 0 || s.empty()) return r;
    r.reserve(s.size() * static_cast<std::size_t>(n));
    for (int64_t i = 0; i < n; ++i) r += s;
    return r;
}

}  // namespace ll::base
