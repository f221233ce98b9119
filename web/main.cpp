// Entry point of the web app: creates the App and hands its frame function to the browser's
// animation loop (Emscripten's main loop; Debian's ImGui repack lacks the example stub for it).
#include "app.h"

#include <emscripten/emscripten.h>

namespace {

ll::web::App app;

void frame(void*)
{
    app.frame();
}

} // namespace

int main(int, char**)
{
    if (!app.init()) {
        return 1;
    }
    // 0 fps = requestAnimationFrame; simulate_infinite_loop=false: main returns, the loop goes on.
    emscripten_set_main_loop_arg(frame, nullptr, 0, false);
    return 0;
}
