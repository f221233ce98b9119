// Stopgap until engine/vm imports packages: rewrites the prelude's one-dot relative imports into
// absolute ones, keeping every statement on its own line so tracebacks keep their line numbers.
#pragma once

#include <string>
#include <string_view>

namespace ll::aio {

// `from .tasks import *` -> `from asyncio.tasks import *`;
// `from . import events, futures` -> `import asyncio.events, asyncio.futures; import sys as
// _ll_sys; events = _ll_sys.modules['asyncio.events']; ...` (same line).
std::string absolutize_relative_imports(std::string_view source, std::string_view package);

}  // namespace ll::aio
