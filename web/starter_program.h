// The program the playground opens with, until lessons provide their own.
#pragma once

namespace ll::web {

// "Six fetches with gather": six simulated downloads that finish in the time of the slowest.
extern const char* const starter_program;

} // namespace ll::web
