// Character properties and case mapping for str methods: exact for ASCII and Latin-1, best effort beyond.
#pragma once

#include <cstdint>

namespace ll::base {

bool uni_isspace(char32_t c);      // str.isspace / split() / strip() whitespace
bool uni_isalpha(char32_t c);
bool uni_isdecimal(char32_t c);    // Nd
bool uni_isdigit(char32_t c);      // Nd plus superscripts and the like
bool uni_isnumeric(char32_t c);    // digits plus vulgar fractions, roman numerals, ...
bool uni_isalnum(char32_t c);
bool uni_isupper(char32_t c);
bool uni_islower(char32_t c);
bool uni_istitle(char32_t c);      // titlecase letters (Dž ...)
bool uni_iscased(char32_t c);
bool uni_isprintable(char32_t c);  // for repr(): what CPython leaves unescaped
bool uni_is_linebreak(char32_t c); // str.splitlines boundaries
bool uni_is_xid_start(char32_t c);
bool uni_is_xid_continue(char32_t c);
int uni_decimal_value(char32_t c); // 0..9 for decimal digits, else -1 (int('١٢٣'))
char32_t uni_toupper(char32_t c);
char32_t uni_tolower(char32_t c);
char32_t uni_totitle(char32_t c);

}  // namespace ll::base
