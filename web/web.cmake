# The WebAssembly front end: Dear ImGui + SDL2 (both from Debian source packages, built once by
# scripts/setup into LOOPLAB_CACHE) and our own app, linked to looplab.js/.wasm in LOOPLAB_SITE_DIR.

set(LOOPLAB_IMGUI_VERSION 1.90.1 CACHE STRING "Dear ImGui version expected in LOOPLAB_CACHE")
set(LOOPLAB_SDL2_VERSION 2.26.5 CACHE STRING "SDL2 (built for wasm) version expected in LOOPLAB_CACHE")
set(LOOPLAB_SITE_DIR "${CMAKE_BINARY_DIR}/../site" CACHE PATH "Where the deployable web site is written")
set(LOOPLAB_FONT_DIR "/usr/share/fonts" CACHE PATH "Root of the Debian font packages")
# -Os measured smallest for the same speed (see docs/web.md); used for compiling and linking.
set(LOOPLAB_WEB_OPT "-Os" CACHE STRING "Optimisation flag of the web app and Dear ImGui")

set(ll_imgui_dir "${LOOPLAB_CACHE}/imgui-${LOOPLAB_IMGUI_VERSION}")
set(ll_sdl2_dir "${LOOPLAB_CACHE}/sdl2-wasm-${LOOPLAB_SDL2_VERSION}")
if(NOT EXISTS "${ll_imgui_dir}/imgui.cpp" OR NOT EXISTS "${ll_imgui_dir}/backends/imgui_impl_sdl2.cpp")
  message(FATAL_ERROR "Dear ImGui ${LOOPLAB_IMGUI_VERSION} sources not found in ${ll_imgui_dir}. "
                      "Run scripts/setup first (it fetches them into LOOPLAB_CACHE).")
endif()
if(NOT EXISTS "${ll_sdl2_dir}/lib/libSDL2.a" OR NOT EXISTS "${ll_sdl2_dir}/include/SDL2/SDL.h")
  message(FATAL_ERROR "SDL2 ${LOOPLAB_SDL2_VERSION} built for WebAssembly not found in ${ll_sdl2_dir}. "
                      "Run scripts/setup first (it builds it once, about 6 minutes).")
endif()

# The fonts the app shows: a UI face and a code face, from fonts-inter and fonts-jetbrains-mono.
set(ll_fonts
  "${LOOPLAB_FONT_DIR}/opentype/inter/Inter-Regular.otf"
  "${LOOPLAB_FONT_DIR}/opentype/inter/Inter-SemiBold.otf"
  "${LOOPLAB_FONT_DIR}/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf")
foreach(font ${ll_fonts})
  if(NOT EXISTS "${font}")
    message(FATAL_ERROR "Font ${font} not found. Run scripts/setup (it installs fonts-inter and fonts-jetbrains-mono).")
  endif()
endforeach()

# --- third party: SDL2 (prebuilt) and Dear ImGui (compiled here, without our warning flags) ----
add_library(ll_sdl2 STATIC IMPORTED)
set_target_properties(ll_sdl2 PROPERTIES
  IMPORTED_LOCATION "${ll_sdl2_dir}/lib/libSDL2.a"
  INTERFACE_INCLUDE_DIRECTORIES "${ll_sdl2_dir}/include/SDL2")

add_library(ll_imgui STATIC
  "${ll_imgui_dir}/imgui.cpp"
  "${ll_imgui_dir}/imgui_draw.cpp"
  "${ll_imgui_dir}/imgui_tables.cpp"
  "${ll_imgui_dir}/imgui_widgets.cpp"
  "${ll_imgui_dir}/backends/imgui_impl_sdl2.cpp"
  "${ll_imgui_dir}/backends/imgui_impl_opengl3.cpp")
target_include_directories(ll_imgui SYSTEM PUBLIC "${ll_imgui_dir}" "${ll_imgui_dir}/backends")
# The test-engine hooks feed window.looplab.state(); WebGL2 means GLSL "#version 300 es". Both
# must be seen identically by ImGui and by our code, hence PUBLIC.
target_compile_definitions(ll_imgui PUBLIC
  IMGUI_ENABLE_TEST_ENGINE IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_DEFAULT_FONT)
target_compile_options(ll_imgui PRIVATE ${LOOPLAB_WEB_OPT})
target_link_libraries(ll_imgui PUBLIC ll_sdl2)

# --- the app ----------------------------------------------------------------------------------
file(GLOB ll_web_srcs CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*.cpp")
add_executable(looplab_web ${ll_web_srcs})
target_compile_options(looplab_web PRIVATE ${LOOPLAB_WARNINGS} ${LOOPLAB_WEB_OPT})
target_link_libraries(looplab_web PRIVATE ll_imgui ll_engine)
file(MAKE_DIRECTORY "${LOOPLAB_SITE_DIR}")
set_target_properties(looplab_web PROPERTIES
  OUTPUT_NAME looplab SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${LOOPLAB_SITE_DIR}")

# Fonts are packed into looplab.data (fetched in parallel with the wasm, cached by the browser)
# under /fonts/ in Emscripten's in-memory file system.
set(ll_font_args "")
foreach(font ${ll_fonts})
  get_filename_component(name "${font}" NAME)
  list(APPEND ll_font_args "SHELL:--preload-file ${font}@/fonts/${name}")
endforeach()
target_link_options(looplab_web PRIVATE ${LOOPLAB_WEB_OPT}
  -sUSE_WEBGL2=1 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sENVIRONMENT=web -sMODULARIZE=0
  -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString
  -sEXPORTED_FUNCTIONS=_main
  ${ll_font_args})
set_property(TARGET looplab_web APPEND PROPERTY LINK_DEPENDS ${ll_fonts})

# The page itself: copied next to the build outputs so build/site is exactly the deployable site.
add_custom_command(
  OUTPUT "${LOOPLAB_SITE_DIR}/index.html"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${CMAKE_SOURCE_DIR}/index.html" "${LOOPLAB_SITE_DIR}/index.html"
  DEPENDS "${CMAKE_SOURCE_DIR}/index.html"
  COMMENT "Copying index.html into the site")
add_custom_target(looplab_site ALL DEPENDS "${LOOPLAB_SITE_DIR}/index.html" looplab_web)
