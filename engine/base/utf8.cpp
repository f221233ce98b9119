// UTF-8 decoding and encoding for valid text, plus a validator for text coming from outside.
#include "engine/base/utf8.hpp"

#include <cstring>

namespace ll::base {

bool is_ascii(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    std::size_t i = 0;
    // Eight bytes at a time: the common case in course programs is pure ASCII.
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) return false;
    }
    for (; i < n; ++i) {
        if (static_cast<unsigned char>(p[i]) >= 0x80) return false;
    }
    return true;
}

std::size_t cp_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) {
        // Count every byte that is not a continuation byte (10xxxxxx).
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
    return n;
}

char32_t decode_utf8(std::string_view s, std::size_t& pos) {
    auto byte = [&](std::size_t i) -> char32_t { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0x80; };
    char32_t c = byte(pos);
    if (c < 0x80) {
        pos += 1;
        return c;
    }
    if (c < 0xE0) {
        char32_t r = ((c & 0x1F) << 6) | (byte(pos + 1) & 0x3F);
        pos += 2;
        return r;
    }
    if (c < 0xF0) {
        char32_t r = ((c & 0x0F) << 12) | ((byte(pos + 1) & 0x3F) << 6) | (byte(pos + 2) & 0x3F);
        pos += 3;
        return r;
    }
    char32_t r = ((c & 0x07) << 18) | ((byte(pos + 1) & 0x3F) << 12) | ((byte(pos + 2) & 0x3F) << 6) |
                 (byte(pos + 3) & 0x3F);
    pos += 4;
    return r;
}

char32_t decode_utf8_back(std::string_view s, std::size_t& pos) {
    std::size_t start = pos;
    do {
        --start;
    } while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80);
    std::size_t p = start;
    char32_t c = decode_utf8(s, p);
    pos = start;
    return c;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string encode_utf8(char32_t cp) {
    std::string r;
    append_utf8(r, cp);
    return r;
}

std::size_t cp_offset(std::string_view s, std::size_t index) {
    std::size_t pos = 0;
    while (index > 0 && pos < s.size()) {
        ++pos;
        while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
        --index;
    }
    return pos;
}

std::string_view cp_at(std::string_view s, std::size_t index) {
    std::size_t b = cp_offset(s, index);
    std::size_t e = b;
    if (e < s.size()) {
        ++e;
        while (e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) ++e;
    }
    return s.substr(b, e - b);
}

std::optional<char32_t> single_code_point(std::string_view s) {
    if (s.empty()) return std::nullopt;
    std::size_t pos = 0;
    char32_t c = decode_utf8(s, pos);
    if (pos != s.size()) return std::nullopt;
    return c;
}

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len;
        char32_t cp;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c < 0xE0) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c < 0xF0) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c < 0xF5) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Reject overlong forms, surrogates and values beyond U+10FFFF.
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += len;
    }
    return true;
}

}  // namespace ll::base
