// Splitting a notebook file into cells: the `# %%` convention of Jupytext and VS Code.
#pragma once

#include <string>
#include <vector>

namespace ll::session {

struct CellText {
    std::string source;  // the cell's lines, each ending in '\n'
    int first_line = 1;  // the file line of the cell's first line
};

// A line starting with "# %%" (`# %% [markdown]` and titles included) begins a cell and
// belongs to none; the text before the first marker is a cell too. A cell without code (every
// line blank or a comment) is left out, as Jupyter does not number an empty cell.
std::vector<CellText> split_cells(const std::string& text);

}  // namespace ll::session
