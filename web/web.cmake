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
# Compiled once, linked twice: the site (looplab.js + .wasm + .data) and the single-file page.
file(GLOB ll_web_srcs CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*.cpp")
include("${CMAKE_SOURCE_DIR}/web/embed_starters.cmake")
add_library(looplab_web_objs OBJECT ${ll_web_srcs} "${CMAKE_BINARY_DIR}/generated/starter_programs_data.cpp")
target_include_directories(looplab_web_objs PRIVATE "${CMAKE_SOURCE_DIR}/web")
target_compile_options(looplab_web_objs PRIVATE ${LOOPLAB_WARNINGS} ${LOOPLAB_WEB_OPT})
target_link_libraries(looplab_web_objs PUBLIC ll_imgui ll_thirdparty)
# The app does not call the engine yet; building without it keeps the page buildable while the
# engine libraries are being written (configure with -DLOOPLAB_WEB_LINK_ENGINE=OFF).
option(LOOPLAB_WEB_LINK_ENGINE "Link the engine libraries into the web app" ON)
if(LOOPLAB_WEB_LINK_ENGINE)
  target_link_libraries(looplab_web_objs PUBLIC ll_engine)
endif()

set(ll_web_link_options ${LOOPLAB_WEB_OPT}
  -sUSE_WEBGL2=1 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sENVIRONMENT=web -sMODULARIZE=0
  -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free)

add_executable(looplab_web $<TARGET_OBJECTS:looplab_web_objs>)
target_link_libraries(looplab_web PRIVATE looplab_web_objs)
file(MAKE_DIRECTORY "${LOOPLAB_SITE_DIR}")
set_target_properties(looplab_web PROPERTIES
  OUTPUT_NAME looplab SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${LOOPLAB_SITE_DIR}")

# Fonts are packed into looplab.data (fetched in parallel with the wasm, cached by the browser)
# under /fonts/ in Emscripten's in-memory file system. The single-file page embeds them instead.
set(ll_font_args "")
set(ll_font_embed_args "")
foreach(font ${ll_fonts})
  get_filename_component(name "${font}" NAME)
  list(APPEND ll_font_args "SHELL:--preload-file ${font}@/fonts/${name}")
  list(APPEND ll_font_embed_args "SHELL:--embed-file ${font}@/fonts/${name}")
endforeach()
target_link_options(looplab_web PRIVATE ${ll_web_link_options} ${ll_font_args})
set_property(TARGET looplab_web APPEND PROPERTY LINK_DEPENDS ${ll_fonts})

# The self-contained page (build/looplab.html): wasm as base64 inside the JS (SINGLE_FILE), fonts
# embedded, and that JS inlined into a copy of index.html. Opens from file://, offline.
set(LOOPLAB_SINGLE_HTML "${LOOPLAB_SITE_DIR}/../looplab.html" CACHE FILEPATH "Where the self-contained page is written")
set(ll_single_dir "${CMAKE_BINARY_DIR}/single-file")
add_executable(looplab_single $<TARGET_OBJECTS:looplab_web_objs>)
target_link_libraries(looplab_single PRIVATE looplab_web_objs)
set_target_properties(looplab_single PROPERTIES
  OUTPUT_NAME looplab SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${ll_single_dir}")
target_link_options(looplab_single PRIVATE ${ll_web_link_options} -sSINGLE_FILE=1 ${ll_font_embed_args})
set_property(TARGET looplab_single APPEND PROPERTY LINK_DEPENDS ${ll_fonts})
add_custom_command(
  OUTPUT "${LOOPLAB_SINGLE_HTML}"
  COMMAND ${CMAKE_COMMAND} -DHTML=${CMAKE_SOURCE_DIR}/index.html -DJS=${ll_single_dir}/looplab.js
          -DOUT=${LOOPLAB_SINGLE_HTML} -P ${CMAKE_SOURCE_DIR}/web/inline_single_file.cmake
  DEPENDS looplab_single "${CMAKE_SOURCE_DIR}/index.html" "${CMAKE_SOURCE_DIR}/web/inline_single_file.cmake"
  COMMENT "Writing the self-contained looplab.html")
add_custom_target(looplab_single_html ALL DEPENDS "${LOOPLAB_SINGLE_HTML}")

# The page itself: copied next to the build outputs so build/site is exactly the deployable site.
add_custom_command(
  OUTPUT "${LOOPLAB_SITE_DIR}/index.html"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${CMAKE_SOURCE_DIR}/index.html" "${LOOPLAB_SITE_DIR}/index.html"
  DEPENDS "${CMAKE_SOURCE_DIR}/index.html"
  COMMENT "Copying index.html into the site")
add_custom_target(looplab_site ALL DEPENDS "${LOOPLAB_SITE_DIR}/index.html" looplab_web)
