// Formatting of syntax errors the way CPython 3.13's traceback module prints them.
#include "engine/lang/syntax_error.hpp"

#include <vector>

#include <fmt/format.h>

namespace ll::lang {

const char* SyntaxError::type_name() const {
    switch (kind) {
        case SyntaxErrorKind::SyntaxError: return "SyntaxError";
        case SyntaxErrorKind::IndentationError: return "IndentationError";
        case SyntaxErrorKind::TabError: return "TabError";
        case SyntaxErrorKind::MemoryError: return "MemoryError";
    }
    return "SyntaxError";
}

namespace {

// Splits UTF-8 text into code points (as byte ranges) so that character offsets, which is what
// CPython's SyntaxError.offset counts, index the text the way Python's str does.
std::vector<std::string_view> code_points(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + n > s.size()) n = s.size() - i;
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

bool is_py_space(std::string_view cp) {
    // str.isspace() for the characters that can appear in a source line.
    return cp == " " || cp == "\t" || cp == "\f" || cp == "\v" || cp == "\r" || cp == "\n" ||
           cp == "\x1c" || cp == "\x1d" || cp == "\x1e" || cp == "\x1f" || cp == "\xc2\x85" ||
           cp == "\xc2\xa0" || cp == "\xe3\x80\x80";
}

}  // namespace

std::string format_syntax_error(const SyntaxError& e, std::string_view filename) {
    if (e.kind == SyntaxErrorKind::MemoryError) return fmt::format("MemoryError: {}\n", e.message);
    // Mirrors traceback.TracebackException._format_syntax_error (3.13, no colour).
    std::string out = fmt::format("  File \"{}\", line {}\n", filename.empty() ? "<string>" : filename,
                                  e.lineno);
    if (!e.text.empty()) {
        auto text = code_points(e.text);
        std::size_t rlen = text.size();
        while (rlen > 0 && text[rlen - 1] == "\n") --rlen;  // rtext = text.rstrip('\n')
        std::size_t spaces = 0;                             // ltext = rtext.lstrip(' \n\f')
        while (spaces < rlen && (text[spaces] == " " || text[spaces] == "\n" || text[spaces] == "\f"))
            ++spaces;
        std::string ltext;
        for (std::size_t i = spaces; i < rlen; ++i) ltext += text[i];
        if (e.offset == 0) {
            out += fmt::format("    {}\n", ltext);
        } else {
            long offset = e.offset;
            long end_offset = e.lineno == e.end_lineno ? (e.end_offset != 0 ? e.end_offset : offset)
                                                       : static_cast<long>(rlen) + 1;
            long text_len = static_cast<long>(text.size());
            if (offset > text_len) offset = static_cast<long>(rlen) + 1;
            if (end_offset > text_len) end_offset = static_cast<long>(rlen) + 1;
            if (offset >= end_offset || end_offset < 0) end_offset = offset + 1;
            long colno = offset - 1 - static_cast<long>(spaces);
            long end_colno = end_offset - 1 - static_cast<long>(spaces);
            out += fmt::format("    {}\n", ltext);
            if (colno >= 0) {
                std::string carets = "    ";
                for (long i = 0; i < colno; ++i) {
                    auto idx = spaces + static_cast<std::size_t>(i);
                    if (idx < rlen && is_py_space(text[idx])) carets += text[idx];
                    else carets += ' ';
                }
                carets.append(static_cast<std::size_t>(end_colno - colno), '^');
                out += carets + "\n";
            }
        }
    }
    out += fmt::format("{}: {}\n", e.type_name(), e.message.empty() ? "<no detail available>" : e.message);
    return out;
}

}  // namespace ll::lang
