// split_cells: `# %%` markers -> cells with their first file line.
#include "engine/session/notebook_cells.hpp"

namespace ll::session {

namespace {

bool has_code(const std::string& source) {
    std::size_t pos = 0;
    while (pos < source.size()) {
        std::size_t end = source.find('\n', pos);
        if (end == std::string::npos) end = source.size();
        std::size_t a = source.find_first_not_of(" \t\r\f", pos);
        if (a != std::string::npos && a < end && source[a] != '#') return true;
        pos = end + 1;
    }
    return false;
}

}  // namespace

std::vector<CellText> split_cells(const std::string& text) {
    std::vector<CellText> cells;
    CellText cur;
    int line = 1;
    std::size_t pos = 0;
    auto close = [&](int next_first_line) {
        if (has_code(cur.source)) cells.push_back(std::move(cur));
        cur = CellText{};
        cur.first_line = next_first_line;
    };
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        std::string l = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        if (l.rfind("# %%", 0) == 0) close(line + 1);
        else cur.source += l + "\n";
        pos = end == std::string::npos ? text.size() : end + 1;
        ++line;
    }
    close(line);
    return cells;
}

}  // namespace ll::session
