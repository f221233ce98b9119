// How the UI writes virtual times: "3.0", "1.25", never float noise like 0.30000000000000004.
#pragma once

#include <string>

namespace ll::web {

std::string time_text(double seconds);

} // namespace ll::web
