// The scratch playground's starter programs (web/starters/*.py, embedded at build time by
// web/embed_starters.cmake). Each runs unchanged in CPython 3.13 and is in the differential corpus.
#pragma once

namespace ll::web {

struct StarterProgram {
    const char* title;   // "six fetches"
    const char* summary; // the program's first-line comment: what it shows
    const char* source;
};

extern const StarterProgram starter_table[];
extern const int starter_count;

// The program a new visitor sees: the six fetches.
inline const char* default_starter() { return starter_table[0].source; }

} // namespace ll::web
