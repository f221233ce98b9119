// Virtual times as text: three decimals at most, trailing zeros dropped, one decimal kept.
#include "time_text.h"

#include <fmt/format.h>

namespace ll::web {

std::string time_text(double seconds)
{
    std::string s = fmt::format("{:.3f}", seconds);
    while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
    if (s == "-0.0") s = "0.0";
    return s;
}

} // namespace ll::web
