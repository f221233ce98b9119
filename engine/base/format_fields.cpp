// str.format() template parsing, following the structure of CPython's MarkupIterator,
// parse_field and field_name_split so that errors are the same and arrive at the same moment.
#include "engine/base/format_fields.hpp"

#include <cstdio>
#include <limits>

#include "engine/base/unicode.hpp"
#include "engine/base/utf8.hpp"

namespace ll::base {

namespace {

enum class AutoState { Init, Auto, Manual };

struct Parser {
    AutoState state = AutoState::Init;
    int64_t next_auto = 0;
};

// CPython's get_integer: -1 for empty or non-digit text; false on overflow.
bool get_integer(std::string_view s, int64_t& out) {
    out = -1;
    if (s.empty()) return true;
    int64_t acc = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        int d = uni_decimal_value(decode_utf8(s, pos));
        if (d < 0) return true;
        if (acc > (std::numeric_limits<int64_t>::max() - d) / 10) return false;
        acc = acc * 10 + d;
    }
    out = acc;
    return true;
}

void set_error(FormatField& f, FieldErrorStage stage, std::string message) {
    f.error_stage = stage;
    f.error = value_error(std::move(message));
}

// Splits the field name into its first part and accessors, numbering automatic fields.
void split_field_name(Parser& p, std::string_view name, FormatField& f) {
    std::size_t i = 0;
    while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
    std::string_view first = name.substr(0, i);
    int64_t index = -1;
    if (!get_integer(first, index)) {
        set_error(f, FieldErrorStage::Numbering, "Too many decimal digits in format string");
        return;
    }
    bool empty = first.empty();
    if (empty || index != -1) {
        if (p.state == AutoState::Init) p.state = empty ? AutoState::Auto : AutoState::Manual;
        if (p.state == AutoState::Manual && empty) {
            set_error(f, FieldErrorStage::Numbering,
                      "cannot switch from manual field specification to automatic field numbering");
            return;
        }
        if (p.state == AutoState::Auto && !empty) {
            set_error(f, FieldErrorStage::Numbering,
                      "cannot switch from automatic field numbering to manual field specification");
            return;
        }
        f.arg_index = empty ? p.next_auto++ : index;
    } else {
        f.arg_name = std::string(first);
    }
    // The rest: ".attr" and "[key]" steps.
    while (i < name.size()) {
        FieldAccessor acc;
        char c = name[i++];
        std::size_t start = i;
        if (c == '.') {
            acc.is_attribute = true;
            while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
            acc.name = std::string(name.substr(start, i - start));
        } else if (c == '[') {
            while (i < name.size() && name[i] != ']') ++i;
            if (i >= name.size()) {
                set_error(f, FieldErrorStage::Accessors, "Missing ']' in format string");
                return;
            }
            acc.name = std::string(name.substr(start, i - start));
            ++i;  // the ']'
            int64_t key = -1;
            if (!get_integer(acc.name, key)) {
                set_error(f, FieldErrorStage::Accessors, "Too many decimal digits in format string");
                return;
            }
            if (key != -1) acc.index = key;
        } else {
            set_error(f, FieldErrorStage::Accessors, "Only '.' or '[' may follow ']' in format field specifier");
            return;
        }
        if (acc.name.empty()) {
            set_error(f, FieldErrorStage::Accessors, "Empty attribute in format string");
            return;
        }
        f.accessors.push_back(std::move(acc));
    }
}

void parse_into(Parser& p, std::string_view s, int depth, std::vector<FormatPiece>& pieces, std::optional<Error>& error);

void add_literal(std::vector<FormatPiece>& pieces, std::string_view text) {
    if (text.empty()) return;
    if (!pieces.empty() && !pieces.back().is_field) {
        pieces.back().literal += text;
        return;
    }
    FormatPiece piece;
    piece.literal = std::string(text);
    pieces.push_back(std::move(piece));
}

// Parses one field starting just after its '{' (CPython's parse_field), advancing pos past
// its closing '}'. Returns false with `error` set on a syntax error.
bool parse_field(Parser& p, std::string_view s, std::size_t& pos, int depth, FormatField& f,
                 std::optional<Error>& error) {
    std::size_t name_start = pos;
    char c = 0;
    bool stopped = false;
    while (pos < s.size()) {
        c = s[pos++];
        if (c == '{') {
            error = value_error("unexpected '{' in field name");
            return false;
        }
        if (c == '[') {
            while (pos < s.size() && s[pos] != ']') ++pos;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') {
            stopped = true;
            break;
        }
    }
    std::string_view name = s.substr(name_start, (stopped ? pos - 1 : pos) - name_start);
    char32_t conversion = 0;
    std::string_view spec;
    bool expand = false;
    if (stopped && (c == '!' || c == ':')) {
        bool spec_follows = true;
        if (c == '!') {
            if (pos >= s.size()) {
                error = value_error("end of string while looking for conversion specifier");
                return false;
            }
            conversion = decode_utf8(s, pos);
            if (pos < s.size()) {
                char next = s[pos++];
                if (next == '}') spec_follows = false;
                else if (next != ':') {
                    error = value_error("expected ':' after conversion specifier");
                    return false;
                }
            }
        }
        if (spec_follows) {
            std::size_t spec_start = pos;
            int count = 1;
            bool closed = false;
            while (pos < s.size()) {
                char sc = s[pos++];
                if (sc == '{') {
                    expand = true;
                    ++count;
                } else if (sc == '}') {
                    if (--count == 0) {
                        closed = true;
                        break;
                    }
                }
            }
            if (!closed) {
                error = value_error("unmatched '{' in format spec");
                return false;
            }
            spec = s.substr(spec_start, pos - 1 - spec_start);
        }
    } else if (!stopped || c != '}') {
        error = value_error("expected '}' before end of string");
        return false;
    }
    // Rendering-time work, in CPython's order: field name, conversion, spec expansion.
    split_field_name(p, name, f);
    if (f.error_stage != FieldErrorStage::None) return true;
    if (conversion == 'r' || conversion == 's' || conversion == 'a') {
        f.conversion = static_cast<char>(conversion);
    } else if (conversion != 0) {
        std::string text;
        if (conversion > 32 && conversion < 127) {
            text = std::string(1, static_cast<char>(conversion));
        } else {
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(conversion));
            text = buf;
        }
        set_error(f, FieldErrorStage::Conversion, "Unknown conversion specifier " + text);
        return true;
    }
    if (expand) {
        if (depth - 1 <= 0) {
            set_error(f, FieldErrorStage::Spec, "Max string recursion exceeded");
            return true;
        }
        parse_into(p, spec, depth - 1, f.spec, f.spec_error);
    } else {
        add_literal(f.spec, spec);
    }
    return true;
}

// CPython's MarkupIterator loop over one template (the top level or an expanded spec).
void parse_into(Parser& p, std::string_view s, int depth, std::vector<FormatPiece>& pieces,
                std::optional<Error>& error) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t start = pos;
        char c = 0;
        bool markup = false;
        while (pos < s.size()) {
            c = s[pos++];
            if (c == '{' || c == '}') {
                markup = true;
                break;
            }
        }
        bool at_end = pos >= s.size();
        std::size_t len = pos - start;
        if (markup && c == '}' && (at_end || s[pos] != '}')) {
            error = value_error("Single '}' encountered in format string");
            return;
        }
        if (markup && at_end && c == '{') {
            error = value_error("Single '{' encountered in format string");
            return;
        }
        if (markup && !at_end) {
            if (s[pos] == c) {
                ++pos;  // an escaped brace: keep one, no field follows
                markup = false;
            } else {
                --len;
            }
        }
        add_literal(pieces, s.substr(start, len));
        if (!markup) continue;
        FormatPiece piece;
        piece.is_field = true;
        bool ok = parse_field(p, s, pos, depth, piece.field, error);
        if (!ok) return;
        bool stop = piece.field.error_stage != FieldErrorStage::None || piece.field.spec_error.has_value();
        pieces.push_back(std::move(piece));
        if (stop) return;  // rendering stops at this field's error
    }
}

}  // namespace

ParsedFormat parse_format_string(std::string_view format) {
    ParsedFormat r;
    Parser p;
    parse_into(p, format, 2, r.pieces, r.error);
    return r;
}

}  // namespace ll::base
