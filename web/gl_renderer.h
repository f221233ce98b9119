// Draws ImGui's draw lists with WebGL2 without reading any GL state back. The page owns its GL
// context and nothing else draws in it, so the state need not be saved and restored around the
// UI; in the browser every state query (viewport, scissor box, blend modes) is a synchronous
// round trip to the GPU process that waits for the previous frame's work, which cost more
// than the rest of a frame together (see docs/web.md, "Frame time").
#pragma once

#include <imgui.h>

namespace ll::web {

class GlRenderer {
public:
    // Compiles the shaders and creates the buffers; false if WebGL2 refused (the message goes
    // to stderr). The font texture stays ImGui's OpenGL3 backend's (io.Fonts->TexID).
    bool init();
    void shutdown();
    // Draws `data` into the current framebuffer of fb_w x fb_h device pixels.
    void render(const ImDrawData* data, int fb_w, int fb_h);

private:
    unsigned program_ = 0;
    unsigned vao_ = 0;
    unsigned vbo_ = 0;
    unsigned ebo_ = 0;
    int projection_ = -1; // uniform locations
    int texture_ = -1;
};

} // namespace ll::web
