// The stopgap rewrite of the prelude's relative imports (see relative_imports.hpp).
#include "engine/aio/relative_imports.hpp"

#include <vector>

namespace ll::aio {

namespace {

std::string trim(std::string_view s) {
    std::size_t a = s.find_first_not_of(" \t");
    if (a == std::string_view::npos) return {};
    std::size_t b = s.find_last_not_of(" \t\r");
    return std::string(s.substr(a, b - a + 1));
}

std::string rewrite_line(std::string_view line, std::string_view package) {
    std::size_t indent = line.find_first_not_of(" \t");
    if (indent == std::string_view::npos || line.substr(indent, 6) != "from .") return std::string(line);
    std::string_view rest = line.substr(indent + 5);  // ".tasks import *" or ". import a, b"
    std::size_t imp = rest.find(" import ");
    if (imp == std::string_view::npos || rest.size() < 2 || rest[1] == '.') return std::string(line);
    std::string module = trim(rest.substr(1, imp - 1));
    std::string names = trim(rest.substr(imp + 8));
    std::string pad(line.substr(0, indent));
    if (!module.empty()) return pad + "from " + std::string(package) + "." + module + " import " + names;
    // `from . import a, b`: import the submodules, then bind each name to its module object.
    std::vector<std::string> list;
    std::size_t start = 0;
    while (start <= names.size()) {
        std::size_t comma = names.find(',', start);
        std::string n = trim(std::string_view(names).substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (!n.empty()) list.push_back(n);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    std::string out = pad + "import ";
    for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + std::string(package) + "." + list[i];
    out += "; import sys as _ll_sys";
    for (const auto& n : list) out += "; " + n + " = _ll_sys.modules['" + std::string(package) + "." + n + "']";
    return out;
}

}  // namespace

std::string absolutize_relative_imports(std::string_view source, std::string_view package) {
    std::string out;
    out.reserve(source.size() + 256);
    std::size_t pos = 0;
    while (pos <= source.size()) {
        std::size_t nl = source.find('\n', pos);
        std::string_view line = source.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        out += rewrite_line(line, package);
        if (nl == std::string_view::npos) break;
        out += '\n';
        pos = nl + 1;
    }
    return out;
}

}  // namespace ll::aio
