// Literals: numbers (to decimal digit strings / doubles), string and bytes escapes, implicit
// concatenation, and f-strings (JoinedStr / FormattedValue) with CPython's spans and messages.
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "engine/lang/parser_internal.hpp"

namespace ll::lang::detail {

namespace {

void append_utf8(std::string& out, unsigned cp) {
    // Lone surrogates (from \ud800 escapes) are written as 3-byte sequences (WTF-8).
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Multiplies a little-endian base-1e9 number by `mul` and adds `add`.
void mul_add(std::vector<std::uint32_t>& limbs, std::uint32_t mul, std::uint32_t add) {
    std::uint64_t carry = add;
    for (auto& limb : limbs) {
        std::uint64_t v = static_cast<std::uint64_t>(limb) * mul + carry;
        limb = static_cast<std::uint32_t>(v % 1000000000u);
        carry = v / 1000000000u;
    }
    while (carry) {
        limbs.push_back(static_cast<std::uint32_t>(carry % 1000000000u));
        carry /= 1000000000u;
    }
}

std::string limbs_to_decimal(const std::vector<std::uint32_t>& limbs) {
    std::string out = std::to_string(limbs.back());
    for (std::size_t i = limbs.size() - 1; i-- > 0;) out += fmt::format("{:09d}", limbs[i]);
    return out;
}

}  // namespace

Expr* Parser::parse_number(const Token& t) {
    std::string digits;
    for (char c : text(t))
        if (c != '_') digits += c;
    auto* c = m_.make<Constant>();
    set_span(c, t, t);
    char last = digits.back();
    if (last == 'j' || last == 'J') return error_token(t, "complex numbers are not supported in Loop Lab");
    bool prefixed = digits.size() > 1 && digits[0] == '0' &&
                    std::strchr("xXoObB", digits[1]) != nullptr;
    if (prefixed) {
        int base = (digits[1] | 0x20) == 'x' ? 16 : (digits[1] | 0x20) == 'o' ? 8 : 2;
        std::vector<std::uint32_t> limbs{0};
        for (std::size_t i = 2; i < digits.size(); ++i)
            mul_add(limbs, static_cast<std::uint32_t>(base), static_cast<std::uint32_t>(hex_value(digits[i])));
        digits = limbs_to_decimal(limbs);
    } else if (digits.find_first_of(".eE") != std::string::npos) {
        c->value_kind = ConstantKind::Float;
        c->float_value = std::strtod(digits.c_str(), nullptr);
        return c;
    } else {
        std::size_t nz = digits.find_first_not_of('0');
        digits = nz == std::string::npos ? "0" : digits.substr(nz);
    }
    c->value_kind = ConstantKind::Int;
    c->int_fits = digits.size() < 19 || (digits.size() == 19 && digits <= "9223372036854775807");
    if (c->int_fits) c->int_value = std::strtoll(digits.c_str(), nullptr, 10);
    c->int_digits = std::move(digits);
    return c;
}

// Decodes backslash escapes of a str (UTF-8 out) or bytes literal body.
bool Parser::decode_escapes(std::string_view body, const Token& t, std::size_t body_offset, bool is_bytes,
                            std::string& out) {
    (void)body_offset;
    auto unicode_error = [&](std::size_t from, std::size_t to, const char* what) {
        error_token(t, fmt::format("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
                                   from, to, what));
        return false;
    };
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c != '\\') {
            if (is_bytes && static_cast<unsigned char>(c) >= 0x80) {
                error_token(t, "bytes can only contain ASCII literal characters");
                return false;
            }
            out += c;
            continue;
        }
        std::size_t start = i;
        if (++i >= body.size()) {
            out += '\\';
            break;
        }
        char n = body[i];
        switch (n) {
            case '\n': break;
            case '\\': out += '\\'; break;
            case '\'': out += '\''; break;
            case '"': out += '"'; break;
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'v': out += '\v'; break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                unsigned v = static_cast<unsigned>(n - '0');
                for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
                    v = v * 8 + static_cast<unsigned>(body[++i] - '0');
                if (is_bytes) out += static_cast<char>(v & 0xFF);
                else append_utf8(out, v);
                break;
            }
            case 'x': case 'u': case 'U': {
                if (is_bytes && n != 'x') {
                    out += '\\';
                    out += n;
                    break;
                }
                int count = n == 'x' ? 2 : n == 'u' ? 4 : 8;
                unsigned v = 0;
                int k = 0;
                for (; k < count && i + 1 < body.size() && hex_value(body[i + 1]) >= 0; ++k)
                    v = v * 16 + static_cast<unsigned>(hex_value(body[++i]));
                if (k < count) {
                    if (is_bytes) {
                        error_token(t, fmt::format("(value error) invalid \\x escape at position {}", start));
                        return false;
                    }
                    const char* what = n == 'x' ? "truncated \\xXX escape" : n == 'u' ? "truncated \\uXXXX escape"
                                                                          : "truncated \\UXXXXXXXX escape";
                    return unicode_error(start, i, what);
                }
                if (is_bytes) out += static_cast<char>(v);
                else if (v > 0x10FFFF) return unicode_error(start, i, "illegal Unicode character");
                else append_utf8(out, v);
                break;
            }
            case 'N': {
                if (is_bytes) {
                    out += "\\N";
                    break;
                }
                // Loop Lab has no Unicode name database: every \N{...} is reported the way
                // CPython reports an unknown name.
                std::size_t end = body.find('}', i);
                std::size_t last = end == std::string_view::npos ? body.size() - 1 : end;
                return unicode_error(start, last, end == std::string_view::npos ? "malformed \\N character escape"
                                                                                : "unknown Unicode character name");
            }
            default:
                // Invalid escapes stay as they are (CPython only warns).
                out += '\\';
                out += n;
                break;
        }
    }
    return true;
}

bool Parser::decode_string_token(const Token& t, std::string& out, bool& is_bytes) {
    std::string_view s = text(t);
    std::size_t q = s.find_first_of("'\"");
    std::string_view prefix = s.substr(0, q);
    bool raw = false;
    is_bytes = false;
    for (char c : prefix) {
        if ((c | 0x20) == 'r') raw = true;
        if ((c | 0x20) == 'b') is_bytes = true;
    }
    std::size_t qlen = s.size() - q >= 6 && s[q + 1] == s[q] && s[q + 2] == s[q] ? 3 : 1;
    std::string_view body = s.substr(q + qlen, s.size() - q - 2 * qlen);
    if (raw) {
        if (is_bytes) {
            for (char c : body)
                if (static_cast<unsigned char>(c) >= 0x80) {
                    error_token(t, "bytes can only contain ASCII literal characters");
                    return false;
                }
        }
        out.append(body);
        return true;
    }
    return decode_escapes(body, t, q + qlen, is_bytes, out);
}

bool Parser::decode_fstring_middle(const Token& t, bool raw, std::string& out) {
    std::string_view s = text(t);
    // Collapse doubled braces first, then decode escapes.
    std::string collapsed;
    collapsed.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        collapsed += s[i];
        if ((s[i] == '{' || s[i] == '}') && i + 1 < s.size() && s[i + 1] == s[i]) ++i;
    }
    if (raw) {
        out += collapsed;
        return true;
    }
    return decode_escapes(collapsed, t, 0, false, out);
}

void Parser::StrAccum::add(std::string_view s, const Span& where) {
    if (!has) {
        span = where;
        has = true;
    } else {
        span.end_lineno = where.end_lineno;
        span.end_col_offset = where.end_col_offset;
    }
    text += s;
}

void Parser::flush(StrAccum& acc, std::vector<Expr*>& parts) {
    if (acc.has && !acc.text.empty()) {
        auto* c = m_.make<Constant>();
        c->value_kind = ConstantKind::Str;
        c->str_value = std::move(acc.text);
        c->span = acc.span;
        parts.push_back(c);
    }
    acc.text.clear();
    acc.has = false;
}

Expr* Parser::parse_strings() {
    const Token& first = tok();
    std::vector<Expr*> parts;
    StrAccum acc;
    bool any_f = false, any_bytes = false, any_text = false;
    while (at(Tok::String) || at(Tok::FStringStart)) {
        if (at(Tok::String)) {
            const Token& t = advance();
            std::string value;
            bool is_bytes = false;
            if (!decode_string_token(t, value, is_bytes)) return nullptr;
            (is_bytes ? any_bytes : any_text) = true;
            Span where{t.lineno, t.col, t.end_lineno, t.end_col};
            acc.add(value, where);
        } else {
            any_f = true;
            any_text = true;
            if (!parse_fstring(parts, acc)) return nullptr;
        }
    }
    const Token& last = prev();
    if (any_bytes && any_text) {
        return error_at(first.lineno, first.col, last.end_lineno, last.end_col, "cannot mix bytes and nonbytes literals");
    }
    if (!any_f) {
        auto* c = m_.make<Constant>();
        c->value_kind = any_bytes ? ConstantKind::Bytes : ConstantKind::Str;
        c->str_value = std::move(acc.text);
        c->u_prefix = (text(first)[0] | 0x20) == 'u';
        set_span(c, first, last);
        return c;
    }
    flush(acc, parts);
    auto* j = m_.make<JoinedStr>();
    j->values = std::move(parts);
    set_span(j, first, last);
    return j;
}

bool Parser::parse_fstring(std::vector<Expr*>& parts, StrAccum& acc) {
    const Token& start = advance();  // FSTRING_START
    bool raw = false;
    for (char c : text(start)) {
        if (c == '\'' || c == '"') break;
        if ((c | 0x20) == 'r') raw = true;
    }
    while (true) {
        if (at(Tok::FStringMiddle)) {
            const Token& t = advance();
            std::string value;
            if (!decode_fstring_middle(t, raw, value)) return false;
            acc.add(value, Span{t.lineno, t.col, t.end_lineno, t.end_col});
        } else if (at(Tok::LBrace)) {
            if (!parse_fstring_field(parts, acc)) return false;
        } else if (at(Tok::FStringEnd)) {
            advance();
            return true;
        } else {
            generic_error();
            return false;
        }
    }
}

bool Parser::parse_fstring_field(std::vector<Expr*>& parts, StrAccum& acc) {
    std::size_t lbrace_index = pos_;
    const Token& lbrace = advance();
    if (at(Tok::RBrace)) {
        error_token(tok(), "f-string: valid expression required before '}'");
        return false;
    }
    Expr* value = at(Tok::KwYield) ? parse_yield_expr() : parse_star_expressions();
    if (!value) {
        // `{x + }`: CPython keeps the longest valid expression (`x`) and complains about the
        // token after it.
        if (error_ && error_->message == "invalid syntax" && furthest_ < toks_.size() &&
            toks_[furthest_].kind == Tok::RBrace && furthest_ > lbrace_index + 1) {
            error_.reset();
            error_token(toks_[furthest_ - 1], "f-string: expecting '=', or '!', or ':', or '}'");
        }
        return false;
    }
    auto* fv = m_.make<FormattedValue>();
    fv->value = value;
    bool debug = false;
    if (at(Tok::Equal)) {
        advance();
        debug = true;
        // The debug text runs from after '{' up to the conversion, spec or '}' (so it keeps
        // the spaces around '=').
        const Token& next = tok();
        std::string_view expr_text = src_.substr(lbrace.end, next.start - lbrace.end);
        acc.add(expr_text, Span{lbrace.lineno, lbrace.end_col, next.lineno, next.col});
    }
    if (at(Tok::Exclamation)) {
        const Token& bang = advance();
        if (!at(Tok::Name)) {
            error_token(tok(), "f-string: missing conversion character");
            return false;
        }
        const Token& conv = tok();
        if (conv.start != bang.end) {
            error_token(conv, "f-string: conversion type must come right after the exclamanation mark");
            return false;
        }
        std::string_view c = text(conv);
        if (c != "s" && c != "r" && c != "a") {
            error_token(conv, fmt::format("f-string: invalid conversion character '{}': expected 's', 'r', or 'a'", c));
            return false;
        }
        advance();
        fv->conversion = c[0];
        if (!at(Tok::Colon) && !at(Tok::RBrace)) {
            error_token(tok(), "f-string: expecting ':' or '}'");
            return false;
        }
    }
    if (at(Tok::Colon)) {
        const Token& colon = advance();
        fv->format_spec = parse_format_spec(colon);
        if (!fv->format_spec) return false;
    }
    if (!at(Tok::RBrace)) {
        if (at(Tok::EndMarker) || at(Tok::FStringEnd)) {
            error_token(tok(), "f-string: expecting '}'");
        } else {
            error_token(tok(), "f-string: expecting '=', or '!', or ':', or '}'");
        }
        return false;
    }
    const Token& rbrace = advance();
    if (debug && fv->conversion == -1 && !fv->format_spec) fv->conversion = 'r';
    set_span(fv, lbrace, rbrace);
    flush(acc, parts);
    parts.push_back(fv);
    return true;
}

Expr* Parser::parse_format_spec(const Token& colon) {
    auto* spec = m_.make<JoinedStr>();
    StrAccum acc;
    while (!at(Tok::RBrace)) {
        if (at(Tok::FStringMiddle)) {
            const Token& t = advance();
            std::string value;
            if (!decode_fstring_middle(t, false, value)) return nullptr;
            acc.add(value, Span{t.lineno, t.col, t.end_lineno, t.end_col});
        } else if (at(Tok::LBrace)) {
            if (!parse_fstring_field(spec->values, acc)) return nullptr;
        } else if (at(Tok::FStringEnd)) {
            return error_token(tok(), "f-string: expecting '}', or format specs");
        } else {
            return error_token(tok(), "f-string: expecting '}'");
        }
    }
    flush(acc, spec->values);
    const Token& rbrace = tok();
    spec->span = {colon.lineno, colon.col, rbrace.lineno, rbrace.col};
    return spec;
}

}  // namespace ll::lang::detail
