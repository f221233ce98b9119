// UTF-8 helpers for the VM's str (always valid UTF-8): decode, encode, code-point length and offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ll::base {

// True when every byte is < 0x80: then code-point indices equal byte offsets (the fast path).
bool is_ascii(std::string_view s);

// Number of code points.
std::size_t cp_length(std::string_view s);

// Decodes the code point starting at byte `pos` and advances `pos` past it.
char32_t decode_utf8(std::string_view s, std::size_t& pos);

// Decodes the code point ending just before byte `pos` and moves `pos` back to its start.
char32_t decode_utf8_back(std::string_view s, std::size_t& pos);

void append_utf8(std::string& out, char32_t cp);
std::string encode_utf8(char32_t cp);

// Byte offset of code point `index` (clamped to s.size() when index >= length).
std::size_t cp_offset(std::string_view s, std::size_t index);

// The code point at `index` (precondition: index < cp_length(s)), as its UTF-8 bytes.
std::string_view cp_at(std::string_view s, std::size_t index);

// The single code point of a one-character string (ord(), fill characters), else nullopt.
std::optional<char32_t> single_code_point(std::string_view s);

// Checks that `s` is well-formed UTF-8 (for text from outside: files, the editor).
bool is_valid_utf8(std::string_view s);

}  // namespace ll::base
