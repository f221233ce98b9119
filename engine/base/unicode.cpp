// Character properties and simple case mapping: exact for ASCII and Latin-1, and for the common
// alphabets (Latin Extended, Greek, Cyrillic, Armenian, fullwidth Latin); a range-level
// approximation beyond, which is what a course playground needs.
#include "engine/base/unicode.hpp"

#include <algorithm>
#include <iterator>

namespace ll::base {

namespace {

struct Range {
    char32_t lo, hi;
};

template <std::size_t N>
bool in_ranges(const Range (&table)[N], char32_t c) {
    auto it = std::upper_bound(std::begin(table), std::end(table), c,
                               [](char32_t v, const Range& r) { return v < r.lo; });
    if (it == std::begin(table)) return false;
    --it;
    return c >= it->lo && c <= it->hi;
}

// Starts of the ten-digit runs of decimal digits (Nd) outside ASCII.
constexpr char32_t kDecimalStarts[] = {
    0x660,   0x6F0,   0x7C0,   0x966,   0x9E6,   0xA66,   0xAE6,   0xB66,   0xBE6,   0xC66,   0xCE6,
    0xD66,   0xDE6,   0xE50,   0xED0,   0xF20,   0x1040,  0x1090,  0x17E0,  0x1810,  0x1946,  0x19D0,
    0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,  0xA8D0,  0xA900,  0xA9D0,  0xA9F0,
    0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
};

// Digits that are not decimal (superscripts, circled, ...): isdigit() but not isdecimal().
constexpr Range kOtherDigits[] = {
    {0xB2, 0xB3},     {0xB9, 0xB9},     {0x1369, 0x1371}, {0x19DA, 0x19DA}, {0x2070, 0x2070},
    {0x2074, 0x2079}, {0x2080, 0x2089}, {0x2460, 0x2468}, {0x2474, 0x247C}, {0x2488, 0x2490},
    {0x24EA, 0x24EA}, {0x24F5, 0x24FD}, {0x24FF, 0x24FF}, {0x2776, 0x277E}, {0x2780, 0x2788},
    {0x278A, 0x2792}, {0x1F100, 0x1F10A},
};

// Numeric characters that are not digits (fractions, roman numerals, CJK numerals, ...).
constexpr Range kOtherNumeric[] = {
    {0xBC, 0xBE},     {0x9F4, 0x9F9},   {0x16EE, 0x16F0}, {0x2150, 0x2182}, {0x2185, 0x2189},
    {0x2469, 0x2473}, {0x247D, 0x2487}, {0x2491, 0x249B}, {0x24EB, 0x24F4}, {0x24FE, 0x24FE},
    {0x277F, 0x277F}, {0x2789, 0x2789}, {0x2793, 0x2793}, {0x3007, 0x3007}, {0x3021, 0x3029},
    {0x3038, 0x303A}, {0x3192, 0x3195}, {0x3220, 0x3229}, {0x3248, 0x324F}, {0x3251, 0x325F},
    {0x3280, 0x3289}, {0x32B1, 0x32BF}, {0x4E00, 0x4E00}, {0x4E03, 0x4E03}, {0x4E07, 0x4E07},
    {0x4E09, 0x4E09}, {0x4E5D, 0x4E5D}, {0x4E8C, 0x4E8C}, {0x4E94, 0x4E94}, {0x516B, 0x516B},
    {0x516D, 0x516D}, {0x5341, 0x5341}, {0x5343, 0x5343}, {0x56DB, 0x56DB}, {0x767E, 0x767E},
};

// Letters (L*) outside ASCII, approximately by block.
constexpr Range kAlpha[] = {
    {0xAA, 0xAA},       {0xB5, 0xB5},       {0xBA, 0xBA},       {0xC0, 0xD6},       {0xD8, 0xF6},
    {0xF8, 0x2C1},      {0x2C6, 0x2D1},     {0x2E0, 0x2E4},     {0x2EC, 0x2EC},     {0x2EE, 0x2EE},
    {0x370, 0x374},     {0x376, 0x377},     {0x37A, 0x37D},     {0x37F, 0x37F},     {0x386, 0x386},
    {0x388, 0x38A},     {0x38C, 0x38C},     {0x38E, 0x3A1},     {0x3A3, 0x3F5},     {0x3F7, 0x481},
    {0x48A, 0x52F},     {0x531, 0x556},     {0x559, 0x559},     {0x560, 0x588},     {0x5D0, 0x5EA},
    {0x5EF, 0x5F2},     {0x620, 0x64A},     {0x66E, 0x66F},     {0x671, 0x6D3},     {0x6D5, 0x6D5},
    {0x6FA, 0x6FC},     {0x904, 0x939},     {0x93D, 0x93D},     {0x950, 0x950},     {0x958, 0x961},
    {0x985, 0x9B9},     {0xA05, 0xA39},     {0xA85, 0xAB9},     {0xB05, 0xB39},     {0xB85, 0xBB9},
    {0xC05, 0xC39},     {0xC85, 0xCB9},     {0xD05, 0xD3A},     {0xE01, 0xE30},     {0xE40, 0xE46},
    {0xE81, 0xEB0},     {0x10A0, 0x10FF},   {0x1100, 0x1248},   {0x13A0, 0x13F5},   {0x1401, 0x166C},
    {0x1E00, 0x1F15},   {0x1F18, 0x1F1D},   {0x1F20, 0x1F45},   {0x1F48, 0x1F4D},   {0x1F50, 0x1F57},
    {0x1F59, 0x1F7D},   {0x1F80, 0x1FB4},   {0x1FB6, 0x1FBC},   {0x1FC2, 0x1FCC},   {0x1FD0, 0x1FDB},
    {0x1FE0, 0x1FEC},   {0x1FF2, 0x1FFC},   {0x2071, 0x2071},   {0x207F, 0x207F},   {0x2090, 0x209C},
    {0x2102, 0x2102},   {0x2107, 0x2107},   {0x210A, 0x2113},   {0x2115, 0x2115},   {0x2119, 0x211D},
    {0x2124, 0x2124},   {0x2126, 0x2126},   {0x2128, 0x2128},   {0x212A, 0x212D},   {0x212F, 0x2139},
    {0x2C00, 0x2CE4},   {0x2D00, 0x2D25},   {0x3005, 0x3006},   {0x3031, 0x3035},   {0x3041, 0x3096},
    {0x309D, 0x309F},   {0x30A1, 0x30FA},   {0x30FC, 0x30FF},   {0x3105, 0x312F},   {0x3131, 0x318E},
    {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA48C},   {0xA640, 0xA66E},   {0xA680, 0xA69D},
    {0xA722, 0xA788},   {0xA78B, 0xA7CA},   {0xAC00, 0xD7A3},   {0xF900, 0xFAD9},   {0xFB00, 0xFB06},
    {0xFF21, 0xFF3A},   {0xFF41, 0xFF5A},   {0xFF66, 0xFFBE},   {0x10400, 0x1044F}, {0x1D400, 0x1D7CB},
    {0x20000, 0x2A6DF}, {0x2A700, 0x2EBE0}, {0x30000, 0x3134A},
};

// Code points repr() escapes beyond the C0/C1 controls: separators, format characters,
// private use, noncharacters and large unassigned areas.
constexpr Range kNonPrintable[] = {
    {0xA0, 0xA0},       {0xAD, 0xAD},       {0x378, 0x379},     {0x380, 0x383},     {0x38B, 0x38B},
    {0x38D, 0x38D},     {0x3A2, 0x3A2},     {0x530, 0x530},     {0x600, 0x605},     {0x61C, 0x61C},
    {0x6DD, 0x6DD},     {0x70F, 0x70F},     {0x1680, 0x1680},   {0x180E, 0x180E},   {0x2000, 0x200F},
    {0x2028, 0x202F},   {0x205F, 0x2064},   {0x2065, 0x206F},   {0x3000, 0x3000},   {0xD800, 0xF8FF},
    {0xFDD0, 0xFDEF},   {0xFEFF, 0xFEFF},   {0xFFF0, 0xFFFB},   {0xFFFE, 0xFFFF},   {0x110BD, 0x110BD},
    {0x1D173, 0x1D17A}, {0x323B0, 0xE00FF}, {0xE01F0, 0x10FFFF},
};

bool is_decimal_nonascii(char32_t c, int* value) {
    auto it = std::upper_bound(std::begin(kDecimalStarts), std::end(kDecimalStarts), c);
    if (it == std::begin(kDecimalStarts)) return false;
    char32_t start = *(it - 1);
    if (c - start >= 10) return false;
    if (value) *value = static_cast<int>(c - start);
    return true;
}

bool is_ascii_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char32_t c) { return c >= 'a' && c <= 'z'; }

// Alternating upper/lower pairs: in [lo, hi], the upper-case letter has parity `upper_parity`.
struct PairRange {
    char32_t lo, hi;
    char32_t upper_parity;
};
constexpr PairRange kPairs[] = {
    {0x100, 0x12F, 0}, {0x132, 0x137, 0}, {0x139, 0x148, 1}, {0x14A, 0x177, 0}, {0x179, 0x17E, 1},
    {0x182, 0x185, 0}, {0x1A0, 0x1A5, 0}, {0x1CD, 0x1DC, 1}, {0x1DE, 0x1EF, 0}, {0x1F8, 0x21F, 0},
    {0x222, 0x233, 0}, {0x246, 0x24F, 0}, {0x370, 0x373, 0}, {0x3D8, 0x3EF, 0}, {0x460, 0x481, 0},
    {0x48A, 0x4BF, 0}, {0x4C1, 0x4CE, 1}, {0x4D0, 0x52F, 0}, {0x1E00, 0x1E95, 0}, {0x1EA0, 0x1EFF, 0},
    {0x2C80, 0x2CE3, 0}, {0xA640, 0xA66D, 0}, {0xA680, 0xA69B, 0}, {0xA722, 0xA72F, 0}, {0xA732, 0xA76F, 0},
};

// Offset blocks: upper in [lo, hi] maps to lower at +delta.
struct ShiftRange {
    char32_t lo, hi;
    char32_t delta;
};
constexpr ShiftRange kShifts[] = {
    {0xC0, 0xD6, 0x20},   {0xD8, 0xDE, 0x20},     {0x391, 0x3A1, 0x20},   {0x3A3, 0x3AB, 0x20},
    {0x388, 0x38A, 0x25}, {0x38E, 0x38F, 0x3F},   {0x400, 0x40F, 0x50},   {0x410, 0x42F, 0x20},
    {0x531, 0x556, 0x30}, {0x10A0, 0x10C5, 0x1C60}, {0x2160, 0x216F, 0x10},
    {0x24B6, 0x24CF, 0x1A}, {0x2C00, 0x2C2F, 0x30}, {0xFF21, 0xFF3A, 0x20}, {0x10400, 0x10427, 0x28},
};

bool simple_upper_to_lower(char32_t c, char32_t& out) {
    if (is_ascii_upper(c)) {
        out = c + 32;
        return true;
    }
    if (c < 0xC0) return false;
    for (const auto& s : kShifts) {
        if (s.delta != 0 && c >= s.lo && c <= s.hi) {
            out = c + s.delta;
            return true;
        }
    }
    for (const auto& p : kPairs) {
        if (c >= p.lo && c <= p.hi && (c & 1) == p.upper_parity) {
            out = c + 1;
            return true;
        }
    }
    // Greek extended: capitals sit 8 above their small letters in each block of 16.
    if (c >= 0x1F00 && c <= 0x1F6F && (c & 0xF) >= 8) {
        char32_t low = c - 8;
        if (low != 0x1F16 && low != 0x1F17 && low != 0x1F46 && low != 0x1F47) {
            out = low;
            return true;
        }
    }
    switch (c) {
    case 0x130: out = 'i'; return true;  // İ: full lowercase adds U+0307, handled by str_lower
    case 0x178: out = 0xFF; return true;
    case 0x386: out = 0x3AC; return true;
    case 0x38C: out = 0x3CC; return true;
    case 0x1E9E: out = 0xDF; return true;
    default: return false;
    }
}

bool simple_lower_to_upper(char32_t c, char32_t& out) {
    if (is_ascii_lower(c)) {
        out = c - 32;
        return true;
    }
    if (c < 0xB5) return false;
    switch (c) {
    case 0xB5: out = 0x39C; return true;
    case 0xFF: out = 0x178; return true;
    case 0x131: out = 'I'; return true;
    case 0x17F: out = 'S'; return true;
    case 0x3C2: out = 0x3A3; return true;
    case 0x3AC: out = 0x386; return true;
    case 0x3CC: out = 0x38C; return true;
    default: break;
    }
    for (const auto& s : kShifts) {
        if (s.delta != 0 && c >= s.lo + s.delta && c <= s.hi + s.delta) {
            out = c - s.delta;
            return true;
        }
    }
    for (const auto& p : kPairs) {
        if (c >= p.lo && c <= p.hi && (c & 1) != p.upper_parity) {
            out = c - 1;
            return true;
        }
    }
    if (c >= 0x1F00 && c <= 0x1F67 && (c & 0xF) < 8) {
        char32_t up = c + 8;
        if (c != 0x1F16 && c != 0x1F17 && c != 0x1F46 && c != 0x1F47 && !(c >= 0x1F50 && c <= 0x1F57 && !(c & 1))) {
            out = up;
            return true;
        }
    }
    return false;
}

// The Latin digraphs DŽ Dž dž, LJ Lj lj, NJ Nj nj, DZ Dz dz: upper, title, lower in threes.
bool is_digraph(char32_t c) { return (c >= 0x1C4 && c <= 0x1CC) || (c >= 0x1F1 && c <= 0x1F3); }
char32_t digraph_base(char32_t c) { return c >= 0x1F1 ? 0x1F1 : 0x1C4 + ((c - 0x1C4) / 3) * 3; }

}  // namespace

bool uni_isspace(char32_t c) {
    if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool uni_is_linebreak(char32_t c) {
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x85 ||
           c == 0x2028 || c == 0x2029;
}

int uni_decimal_value(char32_t c) {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    int v = -1;
    if (c >= 0x80 && is_decimal_nonascii(c, &v)) return v;
    return -1;
}

bool uni_isdecimal(char32_t c) { return uni_decimal_value(c) >= 0; }
bool uni_isdigit(char32_t c) { return uni_isdecimal(c) || (c >= 0x80 && in_ranges(kOtherDigits, c)); }
bool uni_isnumeric(char32_t c) { return uni_isdigit(c) || (c >= 0x80 && in_ranges(kOtherNumeric, c)); }

bool uni_isalpha(char32_t c) {
    if (c < 0x80) return is_ascii_upper(c) || is_ascii_lower(c);
    return in_ranges(kAlpha, c);
}

bool uni_isalnum(char32_t c) { return uni_isalpha(c) || uni_isnumeric(c); }

bool uni_isupper(char32_t c) {
    if (c < 0x80) return is_ascii_upper(c);
    if (is_digraph(c)) return c == digraph_base(c);
    char32_t t;
    if (c >= 0x2160 && c <= 0x216F) return true;  // roman numerals are Nl but uppercase
    return simple_upper_to_lower(c, t);
}

bool uni_islower(char32_t c) {
    if (c < 0x80) return is_ascii_lower(c);
    if (c == 0xDF || c == 0xAA || c == 0xBA || c == 0x138 || c == 0x149 || (c >= 0xFB00 && c <= 0xFB06)) return true;
    if (is_digraph(c)) return c == digraph_base(c) + 2;
    char32_t t;
    return simple_lower_to_upper(c, t);
}

bool uni_istitle(char32_t c) { return c == 0x1C5 || c == 0x1C8 || c == 0x1CB || c == 0x1F2; }
bool uni_iscased(char32_t c) { return uni_isupper(c) || uni_islower(c) || uni_istitle(c); }

bool uni_isprintable(char32_t c) {
    if (c < 0x80) return c >= 0x20 && c < 0x7F;
    if (c < 0xA0) return false;
    return !in_ranges(kNonPrintable, c);
}

bool uni_is_xid_start(char32_t c) { return c == '_' || uni_isalpha(c) || (c >= 0x2160 && c <= 0x2188); }

bool uni_is_xid_continue(char32_t c) {
    return uni_is_xid_start(c) || uni_isdecimal(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F);
}

char32_t uni_tolower(char32_t c) {
    char32_t r;
    if (is_digraph(c)) return digraph_base(c) + 2;
    if (c < 0x80) return is_ascii_upper(c) ? c + 32 : c;
    return simple_upper_to_lower(c, r) ? r : c;
}

char32_t uni_toupper(char32_t c) {
    char32_t r;
    if (is_digraph(c)) return digraph_base(c);
    if (c < 0x80) return is_ascii_lower(c) ? c - 32 : c;
    return simple_lower_to_upper(c, r) ? r : c;
}

char32_t uni_totitle(char32_t c) {
    if (is_digraph(c)) return digraph_base(c) + 1;
    return uni_toupper(c);
}

}  // namespace ll::base
