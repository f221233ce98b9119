// str kernels on UTF-8 text: indexing, slicing, repr and the str methods, with CPython's semantics
// and error messages. Indices and lengths are in code points, as Python counts them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/result.hpp"
#include "engine/base/slice.hpp"
#include "engine/base/utf8.hpp"

namespace ll::base {

// --- indexing and slicing
// s[i]: IndexError "string index out of range".
Result<std::string> str_getitem(std::string_view s, int64_t index);
std::string str_slice(std::string_view s, const SliceIndices& slice);  // from adjust_slice(cp_length(s), ...)

// --- repr
std::string str_repr(std::string_view s);            // repr(str): quote choice, escapes
void append_str_repr(std::string& out, std::string_view s);
std::string str_ascii(std::string_view s);           // ascii(str): also escapes non-ASCII

// --- split / join / strip
// sep == nullopt: split on runs of whitespace. maxsplit < 0: no limit. Error: ValueError "empty separator".
Result<std::vector<std::string>> str_split(std::string_view s, std::optional<std::string_view> sep,
                                           int64_t maxsplit = -1);
Result<std::vector<std::string>> str_rsplit(std::string_view s, std::optional<std::string_view> sep,
                                            int64_t maxsplit = -1);
std::vector<std::string> str_splitlines(std::string_view s, bool keepends = false);
// The VM checks item types ("sequence item 0: expected str instance, int found").
std::string str_join(std::string_view sep, const std::vector<std::string_view>& parts);
// chars == nullopt: whitespace. The results are views into `s`.
std::string_view str_strip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
std::string_view str_lstrip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
std::string_view str_rstrip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
std::string_view str_removeprefix(std::string_view s, std::string_view prefix);
std::string_view str_removesuffix(std::string_view s, std::string_view suffix);
// Error: ValueError "empty separator".
Result<std::array<std::string, 3>> str_partition(std::string_view s, std::string_view sep);
Result<std::array<std::string, 3>> str_rpartition(std::string_view s, std::string_view sep);

// --- search (start/end are Python slice bounds in code points, None when absent)
int64_t str_find(std::string_view s, std::string_view sub, std::optional<int64_t> start = std::nullopt,
                 std::optional<int64_t> end = std::nullopt);
int64_t str_rfind(std::string_view s, std::string_view sub, std::optional<int64_t> start = std::nullopt,
                  std::optional<int64_t> end = std::nullopt);
// Error: ValueError "substring not found".
Result<int64_t> str_index(std::string_view s, std::string_view sub, std::optional<int64_t> start = std::nullopt,
                          std::optional<int64_t> end = std::nullopt);
Result<int64_t> str_rindex(std::string_view s, std::string_view sub, std::optional<int64_t> start = std::nullopt,
                           std::optional<int64_t> end = std::nullopt);
int64_t str_count(std::string_view s, std::string_view sub, std::optional<int64_t> start = std::nullopt,
                  std::optional<int64_t> end = std::nullopt);
// One prefix at a time: the VM loops over a tuple of prefixes.
bool str_startswith(std::string_view s, std::string_view prefix, std::optional<int64_t> start = std::nullopt,
                    std::optional<int64_t> end = std::nullopt);
bool str_endswith(std::string_view s, std::string_view suffix, std::optional<int64_t> start = std::nullopt,
                  std::optional<int64_t> end = std::nullopt);
bool str_contains(std::string_view s, std::string_view sub);  // `sub in s`

// --- transform
// count < 0: replace all.
std::string str_replace(std::string_view s, std::string_view old_sub, std::string_view new_sub, int64_t count = -1);
std::string str_upper(std::string_view s);
std::string str_lower(std::string_view s);
std::string str_casefold(std::string_view s);
std::string str_swapcase(std::string_view s);
std::string str_title(std::string_view s);
std::string str_capitalize(std::string_view s);
// fill is one code point (the VM raises TypeError "The fill character must be exactly one
// character long" otherwise).
std::string str_center(std::string_view s, int64_t width, char32_t fill = U' ');
std::string str_ljust(std::string_view s, int64_t width, char32_t fill = U' ');
std::string str_rjust(std::string_view s, int64_t width, char32_t fill = U' ');
std::string str_zfill(std::string_view s, int64_t width);
std::string str_expandtabs(std::string_view s, int64_t tabsize = 8);
// s * n (n <= 0 gives ""); the VM checks the size against its memory cap first.
std::string str_repeat(std::string_view s, int64_t n);

// --- predicates (false for the empty string, except isidentifier which is also false)
bool str_isdigit(std::string_view s);
bool str_isdecimal(std::string_view s);
bool str_isnumeric(std::string_view s);
bool str_isalpha(std::string_view s);
bool str_isalnum(std::string_view s);
bool str_isspace(std::string_view s);
bool str_isupper(std::string_view s);
bool str_islower(std::string_view s);
bool str_istitle(std::string_view s);
bool str_isidentifier(std::string_view s);
bool str_isprintable(std::string_view s);  // true for ""
bool str_isascii(std::string_view s);      // true for ""

}  // namespace ll::base
