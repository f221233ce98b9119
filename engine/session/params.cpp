// Parsing `NAME = literal  # param: spec` lines and rewriting their literals.
#include "engine/session/params.hpp"

#include <cctype>
#include <cstdlib>

namespace ll::session {

namespace {

std::string trim(const std::string& s) {
    std::size_t a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos) return {};
    std::size_t b = s.find_last_not_of(" \t\r");
    return s.substr(a, b - a + 1);
}

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }


struct ParsedLine {
    std::string name;
    std::size_t value_begin = 0, value_end = 0;  // the literal's byte range in the line
    std::string spec;
};

std::optional<ParsedLine> parse_line(const std::string& line) {
    if (line.empty() || !is_ident_start(line[0])) return std::nullopt;  // top level only
    std::size_t i = 0;
    while (i < line.size() && is_ident(line[i])) ++i;
    ParsedLine p;
    p.name = line.substr(0, i);
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size() || line[i] != '=' || (i + 1 < line.size() && line[i + 1] == '=')) return std::nullopt;
    ++i;
    std::size_t hash = comment_start(line);
    if (hash == std::string::npos) return std::nullopt;
    std::string comment = line.substr(hash + 1);
    std::size_t tag = comment.find("param:");
    if (tag == std::string::npos || trim(comment.substr(0, tag)) != "") return std::nullopt;
    while (i < hash && line[i] == ' ') ++i;
    std::size_t end = hash;
    while (end > i && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    if (end <= i) return std::nullopt;
    p.value_begin = i;
    p.value_end = end;
    p.spec = trim(comment.substr(tag + 6));
    return p;
}

bool parse_number(const std::string& s, double& out, bool& integer) {
    std::string t = trim(s);
    if (t.empty()) return false;
    char* endp = nullptr;
    out = std::strtod(t.c_str(), &endp);
    if (endp != t.c_str() + t.size()) return false;
    integer = t.find_first_of(".eE") == std::string::npos;
    return true;
}

void parse_spec(ParamDecl& d) {
    const std::string& s = d.spec;
    std::size_t dots = s.find("..");
    if (dots != std::string::npos) {
        std::string rest = s.substr(dots + 2);
        std::string step_text;
        std::size_t step_at = rest.find("step");
        if (step_at != std::string::npos) {
            step_text = rest.substr(step_at + 4);
            rest = rest.substr(0, step_at);
        }
        double lo, hi;
        bool lo_int, hi_int;
        if (parse_number(s.substr(0, dots), lo, lo_int) && parse_number(rest, hi, hi_int)) {
            d.min = lo;
            d.max = hi;
            d.integer = lo_int && hi_int;
            double st;
            bool st_int;
            if (!step_text.empty() && parse_number(step_text, st, st_int)) {
                d.step = st;
                d.integer = d.integer && st_int;
            }
            return;
        }
    }
    char sep = s.find('|') != std::string::npos ? '|' : ',';
    if (s.find(sep) == std::string::npos) return;  // free text: no widget constraints
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t next = s.find(sep, start);
        std::string item = trim(s.substr(start, next == std::string::npos ? std::string::npos : next - start));
        if (!item.empty()) d.choices.push_back(item);
        if (next == std::string::npos) break;
        start = next + 1;
    }
}

template <class F>
void for_each_line(const std::string& source, F f) {
    std::size_t pos = 0;
    int line_no = 1;
    while (pos <= source.size()) {
        std::size_t nl = source.find('\n', pos);
        std::size_t end = nl == std::string::npos ? source.size() : nl;
        f(line_no, pos, end);
        if (nl == std::string::npos) break;
        pos = nl + 1;
        ++line_no;
    }
}

}  // namespace

std::size_t comment_start(const std::string& line) {
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quote) {
            if (c == '\\') ++i;
            else if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '#') {
            return i;
        }
    }
    return std::string::npos;
}

std::vector<ParamDecl> parse_params(const std::string& source) {
    std::vector<ParamDecl> out;
    for_each_line(source, [&](int line_no, std::size_t begin, std::size_t end) {
        std::string line = source.substr(begin, end - begin);
        auto p = parse_line(line);
        if (!p) return;
        ParamDecl d;
        d.name = p->name;
        d.value = line.substr(p->value_begin, p->value_end - p->value_begin);
        d.line = line_no;
        d.spec = p->spec;
        parse_spec(d);
        out.push_back(std::move(d));
    });
    return out;
}

std::string apply_params(const std::string& source, const std::map<std::string, std::string>& values) {
    if (values.empty()) return source;
    std::string out;
    out.reserve(source.size());
    for_each_line(source, [&](int, std::size_t begin, std::size_t end) {
        std::string line = source.substr(begin, end - begin);
        if (auto p = parse_line(line)) {
            auto it = values.find(p->name);
            if (it != values.end()) line = line.substr(0, p->value_begin) + it->second + line.substr(p->value_end);
        }
        out += line;
        if (end < source.size()) out += '\n';
    });
    return out;
}

}  // namespace ll::session
