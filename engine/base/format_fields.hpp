// str.format() template parsing: literal text and replacement fields ("{0.attr[key]!r:>{width}}"),
// with CPython's automatic/manual numbering rules and error messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/result.hpp"

namespace ll::base {

// One `.name` or `[key]` step after the first part of a field name.
struct FieldAccessor {
    bool is_attribute = false;    // .name  (else [key])
    std::string name;             // attribute name, or the key text
    std::optional<int64_t> index; // [key] whose text is all digits: an int key
};

struct FormatPiece;

// When CPython raises a field's error relative to the work it does for that field. The VM
// renders a field as: number/look up the first part, apply `accessors` in order, convert,
// expand the spec, call __format__; a field error is raised at its stage.
enum class FieldErrorStage {
    None,
    Numbering,   // before any lookup (auto/manual numbering switch, too many digits)
    Accessors,   // after looking up the first part and applying every listed accessor
    Conversion,  // after all lookups, instead of the conversion ("Unknown conversion specifier x")
    Spec,        // after the conversion, instead of expanding the spec ("Max string recursion exceeded")
};

struct FormatField {
    // The first part: an argument index (explicit or automatic) or a keyword name.
    std::optional<int64_t> arg_index;
    std::string arg_name;
    std::vector<FieldAccessor> accessors;
    char conversion = 0;  // 'r' 's' 'a' or 0
    // The format spec, itself made of literals and nested fields ("{:{w}.{p}}"); numbering of
    // nested automatic fields continues from the outer one, as in CPython. Render these pieces
    // (then raise spec_error if set) to get the spec text.
    std::vector<FormatPiece> spec;
    std::optional<Error> spec_error;
    FieldErrorStage error_stage = FieldErrorStage::None;
    Error error;  // meaningful when error_stage != None
};

struct FormatPiece {
    bool is_field = false;
    std::string literal;  // when !is_field ("{{" and "}}" already unescaped)
    FormatField field;    // when is_field
};

// The pieces in order. CPython reports template errors lazily, after rendering the fields
// before them; so do we: `pieces` holds everything valid before the first error, and `error`
// (ValueError) is raised by the VM after rendering those. Errors: "Single '}' encountered in
// format string", "Single '{' encountered in format string", "expected '}' before end of
// string", "cannot switch from automatic field numbering to manual field specification",
// "cannot switch from manual field specification to automatic field numbering", "Max string
// recursion exceeded", "unmatched '{' in format spec", "Empty attribute in format string",
// "Missing ']' in format string", "Only '.' or '[' may follow ']' in format field specifier",
// "Unknown conversion specifier X", "expected ':' after conversion specifier", ...
struct ParsedFormat {
    std::vector<FormatPiece> pieces;
    std::optional<Error> error;
};

ParsedFormat parse_format_string(std::string_view format);

}  // namespace ll::base
