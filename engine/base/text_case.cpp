// str case mapping (upper, lower, casefold, swapcase, title, capitalize, with the full mappings
// that change length such as 'ß'.upper() == 'SS') and the is*() predicates.
#include "engine/base/text.hpp"

#include <string>
#include <string_view>

#include "engine/base/unicode.hpp"

namespace ll::base {

// [SECTION] case mapping ----------------------------------------------------------------------------
namespace {

// Full case mappings that change length (SpecialCasing.txt), for the characters a course meets.
bool special_upper(char32_t c, std::string& out) {
    switch (c) {
    case 0xDF: out += "SS"; return true;
    case 0x149: out += "\xCA\xBCN"; return true;  // ŉ -> ʼN
    case 0xFB00: out += "FF"; return true;
    case 0xFB01: out += "FI"; return true;
    case 0xFB02: out += "FL"; return true;
    default: return false;
    }
}

bool special_title(char32_t c, std::string& out) {
    switch (c) {
    case 0xDF: out += "Ss"; return true;
    case 0x149: out += "\xCA\xBCN"; return true;  // ŉ -> ʼN
    case 0xFB00: out += "Ff"; return true;
    case 0xFB01: out += "Fi"; return true;
    case 0xFB02: out += "Fl"; return true;
    default: return false;
    }
}

bool special_lower(char32_t c, std::string& out) {
    if (c == 0x130) {
        out += "i\xCC\x87";  // İ -> i + combining dot above
        return true;
    }
    return false;
}

void put_upper(std::string& out, char32_t c) {
    if (!special_upper(c, out)) append_utf8(out, uni_toupper(c));
}
void put_lower(std::string& out, char32_t c) {
    if (!special_lower(c, out)) append_utf8(out, uni_tolower(c));
}
void put_title(std::string& out, char32_t c) {
    if (!special_title(c, out)) append_utf8(out, uni_totitle(c));
}

template <class F>
std::string map_cps(std::string_view s, F f) {
    std::string r;
    r.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) f(r, decode_utf8(s, pos));
    return r;
}

}  // namespace

std::string str_upper(std::string_view s) {
    if (is_ascii(s)) {
        std::string r(s);
        for (auto& c : r) {
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        }
        return r;
    }
    return map_cps(s, [](std::string& out, char32_t c) { put_upper(out, c); });
}

std::string str_lower(std::string_view s) {
    if (is_ascii(s)) {
        std::string r(s);
        for (auto& c : r) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        }
        return r;
    }
    return map_cps(s, [](std::string& out, char32_t c) { put_lower(out, c); });
}

std::string str_casefold(std::string_view s) {
    if (is_ascii(s)) return str_lower(s);
    return map_cps(s, [](std::string& out, char32_t c) {
        switch (c) {
        case 0xDF: out += "ss"; return;
        case 0xB5: append_utf8(out, 0x3BC); return;   // µ -> μ
        case 0x17F: out += "s"; return;               // ſ -> s
        case 0x3C2: append_utf8(out, 0x3C3); return;  // ς -> σ
        case 0x149: out += "\xCA\xBCn"; return;       // ŉ -> ʼn
        case 0xFB00: out += "ff"; return;
        case 0xFB01: out += "fi"; return;
        case 0xFB02: out += "fl"; return;
        default: put_lower(out, c);
        }
    });
}

std::string str_swapcase(std::string_view s) {
    return map_cps(s, [](std::string& out, char32_t c) {
        if (uni_isupper(c)) put_lower(out, c);
        else if (uni_islower(c)) put_upper(out, c);
        else append_utf8(out, c);
    });
}

std::string str_title(std::string_view s) {
    bool previous_cased = false;
    return map_cps(s, [&](std::string& out, char32_t c) {
        if (previous_cased) put_lower(out, c);
        else put_title(out, c);
        previous_cased = uni_iscased(c);
    });
}

std::string str_capitalize(std::string_view s) {
    bool first = true;
    return map_cps(s, [&](std::string& out, char32_t c) {
        if (first) put_title(out, c);
        else put_lower(out, c);
        first = false;
    });
}

// [SECTION] predicates ----------------------------------------------------------------------------------------
namespace {
template <class P>
bool all_cps(std::string_view s, P pred) {
    if (s.empty()) return false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (!pred(decode_utf8(s, pos))) return false;
    }
    return true;
}
}  // namespace

bool str_isdigit(std::string_view s) { return all_cps(s, uni_isdigit); }
bool str_isdecimal(std::string_view s) { return all_cps(s, uni_isdecimal); }
bool str_isnumeric(std::string_view s) { return all_cps(s, uni_isnumeric); }
bool str_isalpha(std::string_view s) { return all_cps(s, uni_isalpha); }
bool str_isalnum(std::string_view s) { return all_cps(s, uni_isalnum); }
bool str_isspace(std::string_view s) { return all_cps(s, uni_isspace); }

bool str_isupper(std::string_view s) {
    bool cased = false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        char32_t c = decode_utf8(s, pos);
        if (uni_islower(c) || uni_istitle(c)) return false;
        cased = cased || uni_isupper(c);
    }
    return cased;
}

bool str_islower(std::string_view s) {
    bool cased = false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        char32_t c = decode_utf8(s, pos);
        if (uni_isupper(c) || uni_istitle(c)) return false;
        cased = cased || uni_islower(c);
    }
    return cased;
}

bool str_istitle(std::string_view s) {
    bool cased = false, previous_cased = false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        char32_t c = decode_utf8(s, pos);
        if (uni_isupper(c) || uni_istitle(c)) {
            if (previous_cased) return false;
            previous_cased = cased = true;
        } else if (uni_islower(c)) {
            if (!previous_cased) return false;
            previous_cased = cased = true;
        } else {
            previous_cased = false;
        }
    }
    return cased;
}

bool str_isidentifier(std::string_view s) {
    if (s.empty()) return false;
    std::size_t pos = 0;
    if (!uni_is_xid_start(decode_utf8(s, pos))) return false;
    while (pos < s.size()) {
        if (!uni_is_xid_continue(decode_utf8(s, pos))) return false;
    }
    return true;
}

bool str_isprintable(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (!uni_isprintable(decode_utf8(s, pos))) return false;
    }
    return true;
}

bool str_isascii(std::string_view s) { return is_ascii(s); }

}  // namespace ll::base
